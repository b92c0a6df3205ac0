/**
 * Confidence in [0, 1] that an indicator is malicious: one report gives 0.5, and each
 * further independent organisation halves the remaining doubt.
 */
export function confidenceFor(independentOrganisations: number): number {
  if (independentOrganisations <= 0) return 0;
  return Math.round((1 - 0.5 ** independentOrganisations) * 1000) / 1000;
}
