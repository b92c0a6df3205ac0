import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

/** The HMAC key of a `whsec_<base64>` secret, decoded once per subscription, not per POST. */
export function webhookSigningKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret.replace(/^whsec_/, ''), 'base64'));
}

/**
 * Standard Webhooks signature: `v1,<base64 HMAC-SHA256(secret, "<id>.<timestamp>.<body>")>`
 * where the secret is the base64 part of `whsec_...`.
 */
export function signWebhook(
  secret: string | KeyObject,
  id: string,
  timestampSeconds: number,
  body: string,
): string {
  const key = typeof secret === 'string' ? webhookSigningKey(secret) : secret;
  const mac = createHmac('sha256', key)
    .update(`${id}.${timestampSeconds}.`)
    .update(body)
    .digest('base64');
  return `v1,${mac}`;
}

/**
 * Retry delay after `attempts` failures: exponential from `baseMs` (1 s), capped at 1 h,
 * jittered over the top half so retries from many deliveries spread out.
 */
export function retryDelayMs(
  attempts: number,
  random: () => number = Math.random,
  baseMs = 1000,
): number {
  const base = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 3600_000);
  return Math.round(base / 2 + random() * (base / 2));
}
