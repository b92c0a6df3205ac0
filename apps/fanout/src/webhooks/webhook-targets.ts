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
}

/** A subscription's endpoint, ready to POST to: parsed URL, HMAC key, SSRF verdict. */
export type WebhookTarget =
  | { ok: true; url: URL; key: KeyObject | undefined; trusted: boolean }
  | { ok: false; error: string; deleted: boolean };

/**
 * Per-subscription targets, rebuilt when the subscription's URL or sealed secret changes
 * (a rotation or an edit), so the secret is decrypted and its key derived once, not per
 * POST. The address check itself is not cached here: it runs per connection in the HTTP
 * client's lookup.
 */
export class WebhookTargets {
  private readonly cipher: WebhookSecretCipher;
  private readonly cache = new Map<
    string,
    { url: string; secret: string; target: WebhookTarget }
  >();

  constructor(private readonly config: FanoutConfig) {
    this.cipher = new WebhookSecretCipher(config.SUBSCRIPTION_SECRETS_KEY);
  }

  of(s: WebhookSubscriptionRef): WebhookTarget {
    if (s.deletedAt) return { ok: false, error: 'subscription deleted', deleted: true };
    const url = (s.isStatic ? this.config.WEBHOOK_URL : s.webhookUrl) ?? '';
    const secret = s.isStatic ? this.config.WEBHOOK_SECRET : (s.webhookSecret ?? '');
    const hit = this.cache.get(s.id);
    if (hit && hit.url === url && hit.secret === secret) return hit.target;
    const target = this.build(s.isStatic, url, secret);
    this.cache.set(s.id, { url, secret, target });
    return target;
  }

  private build(isStatic: boolean, url: string, secret: string): WebhookTarget {
    if (!url) return { ok: false, error: 'subscription has no webhook URL', deleted: false };
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { ok: false, error: 'invalid URL', deleted: false };
    }
    let key: KeyObject | undefined;
    try {
      const plain = isStatic ? secret : this.cipher.open(secret);
      key = plain ? webhookSigningKey(plain) : undefined;
    } catch (e) {
      return { ok: false, error: (e as Error).message, deleted: false };
    }
    const trusted = isStatic || isAllowListed(parsed, this.config.allowedWebhookHosts);
    return { ok: true, url: parsed, key, trusted };
  }
}
