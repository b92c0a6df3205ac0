import { ASEAN_COUNTRIES, normalise, type CanonicalIndicator } from '../src';
import { roundTrip } from './canonical-round-trip';
import { loadCorpus } from './golden-corpus';

// Federation ships `type` + `canonical`; the peer calls normalise(canonical, { country, typeHint:
// type }) again. Every canonical form therefore has to normalise to itself: same type, canonical,
// key and display (see DISPLAY_ECHOES_INPUT for the two types whose display echoes the report),
// and the same `related` indicators, each of which must round-trip too. Canonical forms carry
// their country where it matters (E.164, `CC:` prefixes, scheme names), so this holds under the
// country of any member state, not only the one that reported the value.
const accepted = loadCorpus().flatMap(([file, c]) => {
  if (!('ok' in c.expect) || !c.expect.ok) return [];
  const result = normalise(c.input, c.context);
  if (!result.ok) throw new Error(`${file} ${c.id} no longer normalises: ${result.rejection.code}`);
  return [
    [`${file} ${c.id} ${result.indicator.key}`, c.context.country, result.indicator],
  ] as Array<[string, string, CanonicalIndicator]>;
});

describe('canonical forms normalise to themselves (golden corpus)', () => {
  it('covers every accepted corpus case', () => {
    expect(accepted.length).toBeGreaterThanOrEqual(350);
  });

  it.each(accepted)('%s, in the reporting country', (_name, country, indicator) => {
    const { expected, actual } = roundTrip(indicator, country);
    expect(actual).toEqual(expected);
  });

  it.each(accepted)('%s, in every member state', (_name, _country, indicator) => {
    for (const country of ASEAN_COUNTRIES) {
      const { expected, actual } = roundTrip(indicator, country);
      expect({ country, views: actual }).toEqual({ country, views: expected });
    }
  });
});
