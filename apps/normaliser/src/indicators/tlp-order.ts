import { TLP_LEVELS, type Tlp } from '@wgas/contracts';

/** TLP levels from least to most restrictive, as a SQL array literal for `array_position`. */
export const TLP_ORDER_SQL = `ARRAY[${TLP_LEVELS.map((t) => `'${t}'`).join(',')}]::text[]`;

/** The less restrictive of two markings: what the indicator value may be shared under. */
export function mostPermissive(a: Tlp, b: Tlp): Tlp {
  return TLP_LEVELS.indexOf(a) <= TLP_LEVELS.indexOf(b) ? a : b;
}
