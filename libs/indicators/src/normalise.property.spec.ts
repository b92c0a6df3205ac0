import fc from 'fast-check';
import {
  ASEAN_COUNTRIES,
  detect,
  extract,
  INDICATOR_TYPES,
  normalise,
  REJECTION_CODES,
} from './index';
import { roundTrip } from '../test/canonical-round-trip';

// Property tests: whatever arrives from a national system, normalise must answer with an
// indicator or a declared rejection code, and never throw or fall into 'internal.error'.
const DECLARED: ReadonlySet<string> = new Set(REJECTION_CODES);

const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ maxLength: 80 }),
  fc
    .tuple(
      fc.constantFrom(
        'http://',
        'https://',
        'hxxp://',
        'www.',
        '+66',
        '00',
        '000201',
        '0x',
        'bc1',
        'T',
        'promptpay:',
        'line:',
        'KBANK ',
        'TL38',
        'gcash:',
      ),
      fc.string({ unit: 'binary', maxLength: 120 }),
    )
    .map(([a, b]) => a + b),
  fc.stringMatching(/^[+0-9 ()\-.\u0E50-\u0E59\u200B]{0,25}$/),
);
const context = fc.record({
  country: fc.oneof(
    fc.constantFrom(...ASEAN_COUNTRIES),
    fc.constantFrom('', 'US', 'th', 'XX', 'Thailand'),
  ),
  typeHint: fc.option(
    fc.oneof(
      fc.constantFrom(...INDICATOR_TYPES),
      fc.constantFrom('promptpay', 'line', 'btc', 'gcash', 'nonsense'),
    ),
    { nil: undefined },
  ),
});

describe('normalise properties', () => {
  it('never throws and only rejects with declared codes', () => {
    fc.assert(
      fc.property(hostileText, context, (raw, ctx) => {
        const result = normalise(raw, ctx);
        if (result.ok) {
          expect(result.indicator.key).toBe(
            `${result.indicator.type}:${result.indicator.canonical}`,
          );
          expect(result.indicator.canonical.length).toBeGreaterThan(0);
        } else {
          expect(DECLARED.has(result.rejection.code)).toBe(true);
          expect(result.rejection.code).not.toBe('internal.error');
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('is idempotent: whatever normalises, its canonical form normalises to itself', () => {
    fc.assert(
      fc.property(
        hostileText,
        fc.constantFrom(...ASEAN_COUNTRIES),
        fc.constantFrom(...INDICATOR_TYPES),
        (raw, country, typeHint) => {
          const first = normalise(raw, { country, typeHint });
          if (!first.ok) return;
          const { expected, actual } = roundTrip(first.indicator, country);
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('detect and extract never throw', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.constantFrom(...ASEAN_COUNTRIES),
        (text, country) => {
          expect(Array.isArray(detect(text, { country }))).toBe(true);
          expect(Array.isArray(extract(text, { country }))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
