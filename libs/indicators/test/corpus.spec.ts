import {
  ASEAN_COUNTRIES,
  canonicaliseSafeBrowsing,
  INDICATOR_TYPES,
  normalise,
  type NormaliseResult,
} from '../src';
import { loadCorpus } from './golden-corpus';

const corpus = loadCorpus();

function describeResult(result: NormaliseResult): string {
  return result.ok
    ? `${result.indicator.key} warnings=${result.indicator.warnings.map((w) => w.code).join(',')}`
    : `rejected ${result.rejection.code}: ${result.rejection.message}`;
}

describe('golden corpus', () => {
  it('has at least 400 cases covering every type and all 11 member states', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(400);
    const countries = new Set(corpus.map(([, c]) => c.context.country));
    for (const cc of ASEAN_COUNTRIES) expect(countries).toContain(cc);
    const types = new Set(corpus.map(([, c]) => ('type' in c.expect ? c.expect.type : null)));
    for (const t of INDICATOR_TYPES) {
      expect(types).toContain(t);
    }
  });

  it.each(corpus.map(([file, c]) => [`${file} ${c.id}`, c] as const))('%s', (_name, c) => {
    const expected = c.expect;
    if ('safeBrowsing' in expected) {
      const input = c.encoding === 'latin1' ? Buffer.from(c.input, 'latin1') : c.input;
      expect(canonicaliseSafeBrowsing(input)?.url).toBe(expected.safeBrowsing);
      return;
    }
    const result = normalise(c.input, c.context);
    if (!expected.ok) {
      expect({
        ok: result.ok,
        code: result.ok ? describeResult(result) : result.rejection.code,
      }).toEqual({ ok: false, code: expected.code });
      return;
    }
    if (!result.ok)
      throw new Error(
        `expected ${expected.type}:${expected.canonical}, got ${describeResult(result)}`,
      );
    const { indicator } = result;
    expect({ type: indicator.type, canonical: indicator.canonical }).toEqual({
      type: expected.type,
      canonical: expected.canonical,
    });
    expect(indicator.key).toBe(`${indicator.type}:${indicator.canonical}`);
    if (expected.warnings)
      expect(indicator.warnings.map((w) => w.code).sort()).toEqual([...expected.warnings].sort());
    if (expected.related)
      expect((indicator.related ?? []).map((r) => r.key)).toEqual(
        expect.arrayContaining(expected.related),
      );
    if (expected.attributes) expect(indicator.attributes).toMatchObject(expected.attributes);
  });
});
