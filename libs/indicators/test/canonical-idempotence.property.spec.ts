import fc from 'fast-check';
import { ASEAN_COUNTRIES, INDICATOR_TYPES, normalise } from '../src';
import { roundTrip } from './canonical-round-trip';
import { RAW_INDICATORS } from './indicator.arbitraries';

// The generated counterpart of canonical-idempotence.spec.ts: raw values typed the way agencies
// type them, for every indicator type; each one that normalises must give a canonical form that
// normalises to itself (and its related indicators likewise) in the reporting country and in
// another member state (the corpus spec tries all of them).
const RUNS_PER_TYPE = 300;
// The generators aim at valid values; if most are rejected, the property proves little.
const MIN_ACCEPTED_SHARE = 0.6;

describe('canonical forms normalise to themselves (generated values)', () => {
  it.each(INDICATOR_TYPES.map((t) => [t]))('%s', (type) => {
    let accepted = 0;
    fc.assert(
      fc.property(RAW_INDICATORS[type], fc.constantFrom(...ASEAN_COUNTRIES), (value, other) => {
        const { raw, context } = value;
        const first = normalise(raw, context);
        if (!first.ok) return;
        accepted++;
        for (const country of [context.country, other]) {
          const { expected, actual } = roundTrip(first.indicator, country);
          expect({ raw, country, views: actual }).toEqual({ raw, country, views: expected });
        }
      }),
      { numRuns: RUNS_PER_TYPE },
    );
    expect(accepted / RUNS_PER_TYPE).toBeGreaterThanOrEqual(MIN_ACCEPTED_SHARE);
  });
});
