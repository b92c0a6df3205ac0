import { v5 as uuidV5 } from 'uuid';
import type { ExchangeEnvelope } from '@wgas/federation';

/** Namespace of the ids below (RFC 9562 name-based UUIDs); fixed, never to change. */
const IMPORTED_ID_NAMESPACE = '2f0c7a8e-5b1d-4c3e-9a6f-0d8b7e4c1a52';

/**
 * The id of one of the local things an imported envelope becomes (its report, raw
 * indicator, event, alert): a name-based UUID of the origin, the envelope's event id and
 * the role, so the same envelope imported twice (a commit that failed after the events
 * were published, ADR 0015) yields the same ids, and two envelopes never share one.
 */
export function importedId(
  e: Pick<ExchangeEnvelope, 'origin' | 'eventId'>,
  role: 'report' | 'raw-indicator' | 'event' | 'alert',
): string {
  return uuidV5(`${e.origin}\n${e.eventId}\n${role}`, IMPORTED_ID_NAMESPACE);
}
