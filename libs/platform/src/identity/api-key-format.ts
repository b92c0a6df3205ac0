import { createHash, timingSafeEqual } from 'node:crypto';

/** `wgas_<16 hex key id>_<43 base64url chars: 256-bit secret>` */
const KEY_PATTERN = /^wgas_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;

export function parseApiKey(presented: string): { keyId: string; secret: string } | undefined {
  const m = KEY_PATTERN.exec(presented);
  return m ? { keyId: m[1] as string, secret: m[2] as string } : undefined;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Constant-time comparison of a presented secret with the stored SHA-256. */
export function secretMatches(storedSha256Hex: string, secret: string): boolean {
  const expected = Buffer.from(storedSha256Hex, 'hex');
  const actual = Buffer.from(sha256Hex(secret), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Whether a key in this state may be used at `now`. */
export function keyUsable(
  k: { revokedAt: Date | null; expiresAt: Date | null },
  now = Date.now(),
): boolean {
  return !k.revokedAt && !(k.expiresAt && k.expiresAt.getTime() <= now);
}
