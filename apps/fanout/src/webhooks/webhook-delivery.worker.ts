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
import type { FanoutConfig } from '../fanout.config';
import { PARK_AFTER_MS, retryDelayMs, signWebhook } from './webhook-signature';

interface DueDelivery {
  id: string;
  url: string;
  attempts: number;
  created_at: Date;
  payload: Record<string, unknown>;
}

/**
 * Sends due webhook deliveries: signed per Standard Webhooks, retried with exponential
 * backoff and jitter, parked after 24 h of failures. Rows are claimed with SKIP LOCKED,
 * so several workers can share the table; a retry reuses the same `webhook-id`.
 */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDeliveryWorker.name);
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private listener: Client | undefined;

  constructor(
    private readonly ds: DataSource,
    @Inject(NODE_CONFIG) private readonly config: FanoutConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.running = true;
    try {
      this.listener = new Client({ connectionString: (this.ds.options as { url: string }).url });
      this.listener.on('notification', () => this.wake?.());
      this.listener.on('error', () => undefined);
      await this.listener.connect();
      await this.listener.query('LISTEN wgas_webhooks_fanout');
    } catch (e) {
      this.logger.warn(`LISTEN unavailable, polling only: ${(e as Error).message}`);
    }
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
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
      const t = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }

  private async deliverDue(): Promise<number> {
    return this.ds.transaction(async (m) => {
      const due = (await m.query(
        `SELECT d.id, d.url, d.attempts, d.created_at, a.payload
           FROM fanout.webhook_deliveries d JOIN fanout.alerts a ON a.id = d.alert_id
          WHERE d.status = 'pending' AND d.next_attempt_at <= now()
          ORDER BY d.next_attempt_at LIMIT 50 FOR UPDATE OF d SKIP LOCKED`,
      )) as DueDelivery[];
      // Posts go out in parallel; the updates share this transaction's connection, so they run in turn.
      const errors = await Promise.all(due.map((d) => this.post(d)));
      for (const [i, d] of due.entries()) {
        const error = errors[i];
        if (!error) {
          await m.query(
            `UPDATE fanout.webhook_deliveries SET status = 'delivered', attempts = attempts + 1, delivered_at = now(), last_error = NULL WHERE id = $1`,
            [d.id],
          );
          continue;
        }
        const attempts = d.attempts + 1;
        const parked = Date.now() - d.created_at.getTime() >= PARK_AFTER_MS;
        await m.query(
          `UPDATE fanout.webhook_deliveries SET status = $2, attempts = $3, last_error = $4,
             next_attempt_at = now() + ($5 || ' milliseconds')::interval WHERE id = $1`,
          [
            d.id,
            parked ? 'parked' : 'pending',
            attempts,
            error.slice(0, 500),
            String(retryDelayMs(attempts)),
          ],
        );
      }
      return due.length;
    });
  }

  /** POSTs one delivery; returns an error description, or undefined on a 2xx. */
  private async post(d: DueDelivery): Promise<string | undefined> {
    const body = JSON.stringify(d.payload);
    const ts = Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'wgas-exchange-fanout/1',
      'webhook-id': d.id,
      'webhook-timestamp': String(ts),
    };
    if (this.config.WEBHOOK_SECRET)
      headers['webhook-signature'] = signWebhook(this.config.WEBHOOK_SECRET, d.id, ts, body);
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS),
        redirect: 'manual',
      });
      await res.arrayBuffer().catch(() => undefined);
      return res.ok ? undefined : `HTTP ${res.status}`;
    } catch (e) {
      return (e as Error).message;
    }
  }
}
