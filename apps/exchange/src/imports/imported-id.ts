import { hash } from 'node:crypto';
import { stringify } from 'uuid';
import type { ExchangeEnvelope } from '@wgas/federation';

export const IMPORTED_ROLES = ['report', 'raw-indicator', 'event', 'alert'] as const;
export type ImportedRole = (typeof IMPORTED_ROLES)[number];

/**
 * The ids of the local things an imported envelope becomes (its report, raw indicator,
 * event, alert). Derived, so the same envelope imported twice (a commit that failed after
 * the events were published, ADR 0015) yields the same ids; and ordered by the envelope's
 * time, so the inboxes and report indexes that take them append instead of writing random
 * pages. Each is a UUIDv8 (RFC 9562, custom): the first 48 bits are the envelope's Unix
 * time in milliseconds, as in a UUIDv7; the other 74 free bits come from the role's own
 * 16 bytes of one SHA-512 of the origin and the envelope's event id (one hash per envelope
 * for all four roles), so two envelopes or roles never share one.
 */
export function importedIds(
  e: Pick<ExchangeEnvelope, 'origin' | 'eventId' | 'timestamp'>,
): Record<ImportedRole, string> {
  const digest = hash('sha512', `${e.origin}\n${e.eventId}`, 'buffer');
  const ms = Date.parse(e.timestamp);
  const time = Number.isFinite(ms) && ms >= 0 ? ms : 0;
  const ids = {} as Record<ImportedRole, string>;
  IMPORTED_ROLES.forEach((role, i) => {
    const bytes = digest.subarray(i * 16, i * 16 + 16);
    bytes.writeUIntBE(time, 0, 6);
    bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8
    bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
    ids[role] = stringify(bytes);
  });
  return ids;
}
