import type { KeyObject } from 'node:crypto';
import type { FanoutConfig } from '../fanout.config';
import { WebhookSecretCipher } from '../subscriptions/webhook-secret.cipher';
import { isAllowListed } from './ssrf-guard';
import { webhookSigningKey } from './webhook-signature';

/** What a delivery needs to know about its subscription, from the entity or a SQL row. */
export interface WebhookSubscriptionRef {
  id: string;
  webhookUrl: string | null;
  /** Sealed (see WebhookSecretCipher), as stored. */
  webhookSecret: string | null;
  isStatic: boolean;
  deletedAt: Date | null;
  /** The secret before the last rotation (sealed), valid until `previousSecretExpiresAt`. */
  previousWebhookSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

/**
 * A subscription's endpoint, ready to POST to: parsed URL, HMAC keys (the current secret's,
 * then the previous one's during a rotation overlap; none: unsigned), SSRF verdict.
 */
export type WebhookTarget =
  | { ok: true; url: URL; keys: KeyObject[]; trusted: boolean }
  | { ok: false; error: string; deleted: boolean };

/**
 * Per-subscription targets, rebuilt when the subscription's URL or sealed secrets change
 * (a rotation or an edit) and when a rotation's overlap ends, so secrets are decrypted and
 * keys derived once, not per POST. The address check itself is not cached here: it runs per connection in the HTTP
 * client's lookup.
 */
export class WebhookTargets {
  private readonly cipher: WebhookSecretCipher;
  private readonly cache = new Map<
    string,
    { url: string; secrets: string; validUntil: number; target: WebhookTarget }
  >();

  constructor(private readonly config: FanoutConfig) {
    this.cipher = new WebhookSecretCipher(config.SUBSCRIPTION_SECRETS_KEY);
  }

  of(s: WebhookSubscriptionRef): WebhookTarget {
    if (s.deletedAt) return { ok: false, error: 'subscription deleted', deleted: true };
    const url = (s.isStatic ? this.config.WEBHOOK_URL : s.webhookUrl) ?? '';
    const secret = s.isStatic ? this.config.WEBHOOK_SECRET : (s.webhookSecret ?? '');
    const now = Date.now();
    const previousUntil = s.previousSecretExpiresAt?.getTime() ?? 0;
    const previous = !s.isStatic && previousUntil > now ? s.previousWebhookSecret : null;
    const secrets = previous ? `${secret} ${previous}` : secret;
    const hit = this.cache.get(s.id);
    if (hit && hit.url === url && hit.secrets === secrets && now < hit.validUntil)
      return hit.target;
    const target = this.build(s.isStatic, url, secret, previous);
    const validUntil = previous ? previousUntil : Number.POSITIVE_INFINITY;
    this.cache.set(s.id, { url, secrets, validUntil, target });
    return target;
  }

  private build(
    isStatic: boolean,
    url: string,
    secret: string,
    previous: string | null,
  ): WebhookTarget {
    if (!url) return { ok: false, error: 'subscription has no webhook URL', deleted: false };
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { ok: false, error: 'invalid URL', deleted: false };
    }
    const keys: KeyObject[] = [];
    try {
      const plain = isStatic ? secret : this.cipher.open(secret);
      if (plain) keys.push(webhookSigningKey(plain));
      if (previous) keys.push(webhookSigningKey(this.cipher.open(previous)));
    } catch (e) {
      return { ok: false, error: (e as Error).message, deleted: false };
    }
    const trusted = isStatic || isAllowListed(parsed, this.config.allowedWebhookHosts);
    return { ok: true, url: parsed, keys, trusted };
  }
}
