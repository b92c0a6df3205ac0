import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NODE_CONFIG } from '@wgas/platform';
import type { FanoutConfig } from '../fanout.config';
import { SubscriptionCache } from './subscription.cache';

export const STATIC_SUBSCRIPTION_ID = '5e7a71c0-0000-4000-8000-000000000000';

/**
 * The node-level subscription behind WEBHOOK_URL / WEBHOOK_ROLE / WEBHOOK_SECRET: kept as
 * a subscriptions row (so alerts, deliveries and queries treat it like any other), owned
 * by the pseudo-organisation `node:<id>`, trusted (operator config, no SSRF check), signed
 * with WEBHOOK_SECRET. Removed (soft-deleted) when WEBHOOK_URL is unset.
 */
@Injectable()
export class StaticSubscription implements OnModuleInit {
  private ready: Promise<void> | undefined;

  constructor(
    private readonly ds: DataSource,
    @Inject(NODE_CONFIG) private readonly config: FanoutConfig,
    private readonly cache: SubscriptionCache,
  ) {}

  onModuleInit(): Promise<void> {
    return this.ensure();
  }

  /** Idempotent; the first alert decision waits for it. */
  ensure(): Promise<void> {
    this.ready ??= this.sync().catch((e: unknown) => {
      this.ready = undefined;
      throw e;
    });
    return this.ready;
  }

  private async sync(): Promise<void> {
    const c = this.config;
    await this.ds.query(
      `INSERT INTO fanout.subscriptions (id, organisation_id, role, country, name, channel, webhook_url, is_static, deleted_at)
       VALUES ($1, $2, $3, $4, 'node webhook (WEBHOOK_URL)', 'webhook', $5, true, CASE WHEN $5 = '' THEN now() END)
       ON CONFLICT (id) DO UPDATE SET role = excluded.role, webhook_url = excluded.webhook_url,
         deleted_at = excluded.deleted_at, updated_at = now()`,
      [
        STATIC_SUBSCRIPTION_ID,
        `node:${c.NODE_ID}`,
        c.WEBHOOK_ROLE,
        c.NODE_ID.toUpperCase(),
        c.WEBHOOK_URL,
      ],
    );
    this.cache.invalidate();
  }
}
