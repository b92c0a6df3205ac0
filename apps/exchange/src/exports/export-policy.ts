import { EVENT_TYPES, type CloudEvent, type Tlp } from '@wgas/contracts';

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

/**
 * Whether a `<ns>.indicators.v1` event could be exported at all, judged from its parsed
 * but not yet validated data, so the consumer can skip the rest before validation and the
 * inbox (in a backfill nearly every event is an imported indicator). Only certain refusals
 * are skipped: anything else is validated and decided by `mayExport`. An indicator event
 * names an origin node only when the report was imported from a peer, and an envelope from
 * ourselves is refused as a loop, so `originNode` is never this node.
 */
export function mayBeExported(event: CloudEvent): boolean {
  if (event.type !== EVENT_TYPES.indicatorUpserted) return false;
  const data = event.data as { originNode?: unknown; tlp?: unknown } | null;
  if (typeof data !== 'object' || data === null) return true; // validation will refuse it
  return typeof data.originNode !== 'string' && data.tlp !== 'RED';
}
