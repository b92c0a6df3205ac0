import { crc16CcittFalse } from '../src/qr/crc16-ccitt';

/** One EMVCo data object: ID, two-digit length, value. */
export function emvTlv(id: string, value: string): string {
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** Appends the CRC data object (tag 63) computed over the payload and "6304". */
export function withCrc(body: string): string {
  const withTag = `${body}6304`;
  return `${withTag}${crc16CcittFalse(withTag)}`;
}
