import type { Tlp } from '@wgas/contracts';
import type { Role } from '@wgas/platform';

/**
 * What a lookup may reveal to a caller of this node, by the indicator's effective TLP (its
 * most permissive source). Every caller holds a key of this node, so "home" is implied:
 * RED and AMBER+STRICT reach this node's agencies only; banks, telcos and operators never
 * learn such an indicator exists (it answers exactly like an unknown one).
 *
 * Deliberately only the TLP part of fan-out's sharing policy (apps/fanout/src/policy): a
 * lookup is asked about one value, so type routing does not apply. The two should converge
 * into one shared policy library once fan-out's is stable.
 */
export function mayReveal(tlp: Tlp, role: Role): boolean {
  if (tlp === 'RED' || tlp === 'AMBER+STRICT') return role === 'agency';
  return true;
}

/** Agencies see where an indicator came from; subscribers get the verdict and its strength. */
export function seesDetails(role: Role): boolean {
  return role === 'agency';
}
