import { normalise, type CanonicalIndicator, type IndicatorType } from '../src';

/**
 * Types whose `display` shows the value as it was reported (an e-mail address with its +tag, a
 * sender ID in the reporter's letter case) rather than a rendering of the canonical form. For
 * them the display may change once, on the first round trip, and must be stable after that.
 */
export const DISPLAY_ECHOES_INPUT: ReadonlySet<IndicatorType> = new Set(['email', 'sms_sender']);

/** What must survive a round trip: the identity, how it is shown, and what it implies. */
export interface RoundTripView {
  of: string;
  type?: string;
  canonical?: string;
  key?: string;
  display?: string;
  related?: string[];
  rejected?: string;
}

function relatedKeys(indicator: CanonicalIndicator): string[] {
  return (indicator.related ?? []).map((r) => r.key).sort();
}

function view(of: string, indicator: CanonicalIndicator, display: string): RoundTripView {
  return {
    of,
    type: indicator.type,
    canonical: indicator.canonical,
    key: indicator.key,
    display,
    related: relatedKeys(indicator),
  };
}

/** Normalises an indicator's canonical form again, as a peer node does with what it imports. */
export function renormalise(
  indicator: CanonicalIndicator,
  country: string,
): CanonicalIndicator | string {
  const again = normalise(indicator.canonical, { country, typeHint: indicator.type });
  return again.ok ? again.indicator : again.rejection.code;
}

/**
 * The indicator and each of its `related` indicators, as given (`expected`) and after their
 * canonical forms went through `normalise(canonical, { country, typeHint: type })` (`actual`).
 * Idempotence means the two lists are equal.
 */
export function roundTrip(
  indicator: CanonicalIndicator,
  country: string,
): { expected: RoundTripView[]; actual: RoundTripView[] } {
  const expected: RoundTripView[] = [];
  const actual: RoundTripView[] = [];
  for (const original of [indicator, ...(indicator.related ?? [])]) {
    const again = renormalise(original, country);
    if (typeof again === 'string') {
      expected.push(view(original.key, original, original.display));
      actual.push({ of: original.key, rejected: again });
      continue;
    }
    if (!DISPLAY_ECHOES_INPUT.has(original.type)) {
      expected.push(view(original.key, original, original.display));
      actual.push(view(original.key, again, again.display));
      continue;
    }
    // Reported spelling: the display settles after one trip, so a second trip must keep it.
    const twice = renormalise(again, country);
    expected.push(view(original.key, original, again.display));
    actual.push(view(original.key, again, typeof twice === 'string' ? twice : twice.display));
  }
  return { expected, actual };
}
