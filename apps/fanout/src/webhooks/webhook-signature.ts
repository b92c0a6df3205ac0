import { createHmac } from 'node:crypto';

/**
 * Standard Webhooks signature: `v1,<base64 HMAC-SHA256(secret, "<id>.<timestamp>.<body>")>`
 * where the secret is the base64 part of `whsec_...`.
 */
export function signWebhook(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string,
): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const mac = createHmac('sha256', key)
    .update(`${id}.${timestampSeconds}.${body}`)
    .digest('base64');
  return `v1,${mac}`;
}

/** Retry delay after `attempts` failures: exponential from 1 s, capped at 1 h, with full jitter on top half. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(1000 * 2 ** Math.max(0, attempts - 1), 3600_000);
  return Math.round(base / 2 + random() * (base / 2));
}

/** Deliveries still failing this long after creation are parked for an operator. */
export const PARK_AFTER_MS = 24 * 3600_000;
