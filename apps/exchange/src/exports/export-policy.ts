import type { Tlp } from '@wgas/contracts';

const ORDER: Tlp[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];

/**
 * Whether an indicator sighting may go on the exchange topic. RED never leaves the node;
 * what we imported is never re-exported (the origin shares with every peer itself, and
 * re-export would let a marking travel further than its owner chose); the rest goes out
 * if at least one peer may receive that marking.
 */
export function mayExport(
  s: { tlp: Tlp; originNode?: string; warninglisted?: boolean },
  self: string,
  peerMaxTlps: Tlp[],
): { export: boolean; rule: string } {
  if (s.tlp === 'RED') return { export: false, rule: 'tlp:red-stays-home' };
  if (s.originNode && s.originNode !== self) return { export: false, rule: 'foreign:no-re-export' };
  if (s.warninglisted) return { export: false, rule: 'warninglisted' };
  const allowed = peerMaxTlps.some((max) => ORDER.indexOf(s.tlp) <= ORDER.indexOf(max));
  return allowed
    ? { export: true, rule: `tlp:${s.tlp.toLowerCase()}:to-peers` }
    : { export: false, rule: 'no-peer-may-receive' };
}

/** Whether a peer whose registry entry allows `max` may act on an envelope marked `tlp`. */
export function peerMayReceive(tlp: Tlp, max: Tlp): boolean {
  return tlp !== 'RED' && ORDER.indexOf(tlp) <= ORDER.indexOf(max);
}
