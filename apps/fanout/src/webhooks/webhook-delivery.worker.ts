import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { NODE_CONFIG } from '@wgas/platform';
import { WEBHOOK_CHANNEL } from '../alerts/alert-writer';
import type { FanoutConfig } from '../fanout.config';
import { WebhookSecretCipher } from '../subscriptions/webhook-secret.cipher';
import { postWebhook } from './webhook-http.client';
import { retryDelayMs, signWebhook } from './webhook-signature';
import { isAllowListed } from './ssrf-guard';

interface DueDelivery {
  id: string;
  attempts: number;
  created_at: Date;
  /** The AlertV1 body as stored (jsonb rendered once by Postgres, not re-serialised). */
  payload: string;
  webhook_url: string | null;
  webhook_secret: string | null;
  is_static: boolean;
  deleted_at: Date | null;
}

/**
 * Sends due webhook deliveries: signed per Standard Webhooks with the subscription's
 * secret, retried with exponential backoff and jitter, parked after WEBHOOK_PARK_AFTER_MS
 * (24 h) of failures. Rows are claimed with SKIP LOCKED, so several workers can share the
 * table; a retry reuses the same `webhook-id`, so receivers can drop duplicates.
 */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDeliveryWorker.name);
  private readonly cipher: WebhookSecretCipher;
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly sleepers = new Set<() => void>();
  private listener: Client | undefined;

  constructor(
    private readonly ds: DataSource,
    @Inject(NODE_CONFIG) private readonly config: FanoutConfig,
  ) {
    this.cipher = new WebhookSecretCipher(config.SUBSCRIPTION_SECRETS_KEY);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.running = true;
    try {
      this.listener = new Client({ connectionString: (this.ds.options as { url: string }).url });
      this.listener.on('notification', () => this.wakeAll());
      this.listener.on('error', () => undefined);
      await this.listener.connect();
      await this.listener.query(`LISTEN ${WEBHOOK_CHANNEL}`);
    } catch (e) {
      this.logger.warn(`LISTEN unavailable, polling only: ${(e as Error).message}`);
    }
    // Several passes in flight: each claims its own rows (SKIP LOCKED) while others wait on HTTP.
    this.loops = Array.from({ length: this.config.WEBHOOK_CONCURRENCY }, () => this.run());
  }

  private wakeAll(): void {
    for (const wake of [...this.sleepers]) wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wakeAll();
    await Promise.all(this.loops);
    await this.listener?.end().catch(() => undefined);
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        handled = await this.deliverDue();
      } catch (e) {
        this.logger.warn(`delivery pass failed: ${(e as Error).message}`);
      }
      if (handled === 0) await this.idle(this.config.WEBHOOK_POLL_MS);
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(t);
        this.sleepers.delete(wake);
        resolve();
      };
      const t = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  private async deliverDue(): Promise<number> {
    return this.ds.transaction(async (m) => {
      const due = (await m.query(
        `SELECT d.id, d.attempts, d.created_at, a.payload::text AS payload, s.webhook_url, s.webhook_secret, s.is_static, s.deleted_at
           FROM fanout.webhook_deliveries d
           JOIN fanout.alerts a ON a.id = d.alert_id
           JOIN fanout.subscriptions s ON s.id = d.subscription_id
          WHERE d.status IN ('pending', 'failed') AND d.next_attempt_at <= now()
          ORDER BY d.next_attempt_at LIMIT 200 FOR UPDATE OF d SKIP LOCKED`,
      )) as DueDelivery[];
      // Posts go out in parallel; then one update for the successes and one per failure.
      const errors = await Promise.all(due.map((d) => this.post(d)));
      const delivered = due.filter((_, i) => !errors[i]).map((d) => d.id);
      if (delivered.length > 0) {
        await m.query(
          `UPDATE fanout.webhook_deliveries SET status = 'delivered', attempts = attempts + 1, delivered_at = now(), last_error = NULL
            WHERE id = ANY($1::text[])`,
          [delivered],
        );
      }
      for (const [i, d] of due.entries()) {
        const error = errors[i];
        if (!error) continue;
        const attempts = d.attempts + 1;
        const parked =
          d.deleted_at !== null ||
          Date.now() - d.created_at.getTime() >= this.config.WEBHOOK_PARK_AFTER_MS;
        await m.query(
          `UPDATE fanout.webhook_deliveries SET status = $2, attempts = $3, last_error = $4,
             next_attempt_at = now() + ($5 || ' milliseconds')::interval WHERE id = $1`,
          [
            d.id,
            parked ? 'parked' : 'failed',
            attempts,
            error.slice(0, 500),
            String(retryDelayMs(attempts, Math.random, this.config.WEBHOOK_RETRY_BASE_MS)),
          ],
        );
      }
      return due.length;
    });
  }

  /** POSTs one delivery; returns an error description, or undefined on a 2xx. */
  private async post(d: DueDelivery): Promise<string | undefined> {
    if (d.deleted_at) return 'subscription deleted';
    const url = d.is_static ? this.config.WEBHOOK_URL : d.webhook_url;
    if (!url) return 'subscription has no webhook URL';
    let secret: string;
    try {
      secret = d.is_static ? this.config.WEBHOOK_SECRET : this.cipher.open(d.webhook_secret ?? '');
    } catch (e) {
      return (e as Error).message;
    }
    const body = d.payload;
    const ts = Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'wgas-exchange-fanout/1',
      'webhook-id': d.id,
      'webhook-timestamp': String(ts),
    };
    if (secret) headers['webhook-signature'] = signWebhook(secret, d.id, ts, body);
    return postWebhook({
      url,
      headers,
      body,
      timeoutMs: this.config.WEBHOOK_TIMEOUT_MS,
      trusted: d.is_static || this.allowListed(url),
    });
  }

  private allowListed(url: string): boolean {
    try {
      return isAllowListed(new URL(url), this.config.allowedWebhookHosts);
    } catch {
      return false;
    }
  }
}
