/**
 * Confidence in [0, 1] that an indicator is malicious: one report gives 0.5, each further
 * independent organisation halves the remaining doubt, and each false-positive action
 * from a subscriber halves the result (one mistaken block outweighs one more report).
 */
export function confidenceFor(independentOrganisations: number, falsePositives = 0): number {
  if (independentOrganisations <= 0) return 0;
  const support = 1 - 0.5 ** independentOrganisations;
  return Math.round(support * 0.5 ** Math.max(0, falsePositives) * 1000) / 1000;
}
