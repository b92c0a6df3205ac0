import { hash } from 'node:crypto';
import { stringify } from 'uuid';
import type { ExchangeEnvelope } from '@wgas/federation';

/**
 * The id of one of the local things an imported envelope becomes (its report, raw
 * indicator, event, alert). Derived, so the same envelope imported twice (a commit that
 * failed after the events were published, ADR 0015) yields the same ids; and ordered by
 * the envelope's time, so the inboxes and report indexes that take them append instead of
 * writing random pages. A UUIDv8 (RFC 9562, custom): the first 48 bits are the envelope's
 * Unix time in milliseconds, as in a UUIDv7, the other 74 free bits come from SHA-256 of
 * the origin, the envelope's event id and the role, so two envelopes or roles never share one.
 */
export function importedId(
  e: Pick<ExchangeEnvelope, 'origin' | 'eventId' | 'timestamp'>,
  role: 'report' | 'raw-indicator' | 'event' | 'alert',
): string {
  const bytes = hash('sha256', `${e.origin}\n${e.eventId}\n${role}`, 'buffer');
  const ms = Date.parse(e.timestamp);
  bytes.writeUIntBE(Number.isFinite(ms) && ms >= 0 ? ms : 0, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  return stringify(bytes.subarray(0, 16));
}
