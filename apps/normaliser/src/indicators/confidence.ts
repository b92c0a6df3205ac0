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

/**
 * `confidenceFor` as a SQL expression (type `real`), for statements that compute it from the
 * row they lock. `floor(x + 0.5)` is `Math.round` for x >= 0 (PostgreSQL's `round` on
 * double precision rounds halves to even). The spec checks both agree in PostgreSQL.
 */
export function confidenceSql(organisations: string, falsePositives: string): string {
  return `(floor((1 - 0.5::float8 ^ (${organisations})) * 0.5::float8 ^ greatest(0, ${falsePositives}) * 1000 + 0.5) / 1000)::real`;
}
