import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NODE_CONFIG } from '@wgas/platform';
import type { FanoutConfig } from '../fanout.config';
import { WebhookSender } from './webhook-sender';

interface DueDelivery {
  id: string;
  attempts: number;
  created_at: Date;
  /** The AlertV1 body as stored (jsonb rendered once by Postgres, not re-serialised). */
  payload: string;
  subscription_id: string;
  webhook_url: string | null;
  webhook_secret: string | null;
  is_static: boolean;
  deleted_at: Date | null;
  previous_webhook_secret: string | null;
  previous_secret_expires_at: Date | null;
}

/** Deliveries one pass claims. */
export const CLAIM_LIMIT = 200;

/**
 * The durable path: sends deliveries whose `next_attempt_at` has passed, i.e. retries
 * after a failure, and new deliveries the post-commit dispatcher did not send (a crash, or
 * overload) once their lease ran out. A pass claims rows in one statement by pushing
 * their `next_attempt_at` a lease ahead (SKIP LOCKED, so several workers and replicas
 * share the table without holding a transaction open over HTTP), then sends them; the
 * sender records each outcome. A retry reuses the same `webhook-id`, so receivers can
 * drop duplicates.
 */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDeliveryWorker.name);
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly sleepers = new Set<() => void>();
  /** Wake-ups of the helper passes waiting for a backlog. */
  private readonly helpers = new Set<() => void>();

  constructor(
    private readonly ds: DataSource,
    private readonly sender: WebhookSender,
    @Inject(NODE_CONFIG) private readonly config: FanoutConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    // One pass polls every WEBHOOK_POLL_MS; the others join only while passes come back
    // full (a backlog of retries or of what the dispatcher could not hold), so an idle
    // worker costs one claim query per interval, not one per pass.
    this.loops = Array.from({ length: this.config.WEBHOOK_CONCURRENCY }, (_, i) =>
      this.run(i === 0),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    for (const wake of [...this.sleepers]) wake();
    await Promise.all(this.loops);
  }

  private async run(poller: boolean): Promise<void> {
    if (!poller) await this.idle(undefined); // helpers start when there is a backlog
    while (this.running) {
      let handled = 0;
      try {
        handled = await this.deliverDue();
      } catch (e) {
        this.logger.warn(`delivery pass failed: ${(e as Error).message}`);
      }
      if (handled >= CLAIM_LIMIT) for (const wake of [...this.helpers]) wake();
      if (handled > 0) continue;
      if (poller) await this.idle(this.config.WEBHOOK_POLL_MS);
      else await this.idle(undefined);
    }
  }

  /**
   * Sleeps `ms`, or (a helper pass) until a full pass wakes it; shutdown wakes both. A pass
   * that comes back from a claim after shutdown has woken the sleepers does not sleep: no
   * one would wake it, and shutdown would wait for it for ever.
   */
  private idle(ms: number | undefined): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(t);
        this.sleepers.delete(wake);
        this.helpers.delete(wake);
        resolve();
      };
      const t = ms === undefined ? undefined : setTimeout(wake, ms);
      this.sleepers.add(wake);
      if (ms === undefined) this.helpers.add(wake);
    });
  }

  /** Claims due deliveries (one statement), sends them, and returns how many. */
  async deliverDue(): Promise<number> {
    const due = (await this.ds.query(
      `WITH claimed AS (
         UPDATE fanout.webhook_deliveries d
            SET next_attempt_at = now() + $1 * interval '1 millisecond'
          WHERE d.id IN (SELECT id FROM fanout.webhook_deliveries
                          WHERE status IN ('pending', 'failed') AND next_attempt_at <= now()
                          ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
          RETURNING d.id, d.attempts, d.created_at, d.alert_id, d.subscription_id)
       SELECT c.id, c.attempts, c.created_at, a.payload::text AS payload, c.subscription_id,
              s.webhook_url, s.webhook_secret, s.is_static, s.deleted_at,
              s.previous_webhook_secret, s.previous_secret_expires_at
         FROM claimed c
         JOIN fanout.alerts a ON a.id = c.alert_id
         JOIN fanout.subscriptions s ON s.id = c.subscription_id`,
      [this.config.WEBHOOK_LEASE_MS, CLAIM_LIMIT],
    )) as DueDelivery[];
    await Promise.all(
      due.map((d) =>
        this.sender.send({
          id: d.id,
          attempts: d.attempts,
          createdAt: d.created_at,
          body: d.payload,
          subscription: {
            id: d.subscription_id,
            webhookUrl: d.webhook_url,
            webhookSecret: d.webhook_secret,
            isStatic: d.is_static,
            deletedAt: d.deleted_at,
            previousWebhookSecret: d.previous_webhook_secret,
            previousSecretExpiresAt: d.previous_secret_expires_at,
          },
        }),
      ),
    );
    return due.length;
  }
}
