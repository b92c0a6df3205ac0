import { createHmac } from 'node:crypto';

/** A consortium-wide HMAC key. Versions let members rotate keys while old hashes stay readable. */
export interface ConsortiumKey {
  version: number;
  secret: Buffer | string;
}

const HASH_FORMAT = /^v(\d+):([0-9a-f]{64})$/;

function assertKey(key: ConsortiumKey): void {
  if (!Number.isInteger(key.version) || key.version < 1)
    throw new TypeError('Consortium key version must be a positive integer');
  if (key.secret.length < 16)
    throw new TypeError('Consortium key secret must be at least 16 bytes');
}

/**
 * `v<version>:<64 hex>` = HMAC-SHA-256(secret, indicatorKey) where indicatorKey is
 * `${type}:${canonical}`. Keyed, because phone and account numbers are small enough to
 * enumerate through a plain SHA-256.
 */
export function indicatorHash(key: ConsortiumKey, indicatorKey: string): string {
  assertKey(key);
  const hex = createHmac('sha256', key.secret).update(indicatorKey, 'utf8').digest('hex');
  return `v${key.version}:${hex}`;
}

export function parseIndicatorHash(hash: string): { version: number; hex: string } | null {
  const match = HASH_FORMAT.exec(hash);
  return match?.[1] && match[2] ? { version: Number(match[1]), hex: match[2] } : null;
}

/**
 * `v<version>:<first bytes*2 hex>`: what a bank sends to ask "is anything reported near this?"
 * without revealing the full value (k-anonymity); the node answers with all full hashes under it.
 */
export function hashPrefix(hash: string, bytes: number): string {
  const parsed = parseIndicatorHash(hash);
  if (!parsed) throw new TypeError("Expected an indicator hash like 'v1:<64 hex>'");
  if (!Number.isInteger(bytes) || bytes < 1 || bytes > 32)
    throw new RangeError('Prefix length must be 1 to 32 bytes');
  return `v${parsed.version}:${parsed.hex.slice(0, bytes * 2)}`;
}
