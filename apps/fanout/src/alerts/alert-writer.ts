import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ALERT_V1, type AlertV1 } from '@wgas/contracts';
import { enqueueEvents, newEvent } from '@wgas/messaging';
import { NODE_CONFIG } from '@wgas/platform';
import type { FanoutConfig } from '../fanout.config';
import type { Subscription } from '../subscriptions/subscription.entity';
import { WebhookDispatcher } from '../webhooks/webhook-dispatcher';

/** Held for the rest of the transaction, so alert `seq` order equals commit order. */
const ALERT_SEQUENCE_LOCK = 0x7761_6c65; // "wale"

export interface NewAlert {
  payload: AlertV1;
  indicatorId: string;
  sourceEventId: string;
  reportId?: string;
}

/** The webhook-id of an alert's delivery: stable across retries and redeliveries. */
export function webhookId(alertId: string): string {
  return `msg_${alertId.replace(/-/g, '')}`;
}

/**
 * Stores an alert for one subscription and hands it to the subscription's channel, in
 * the caller's transaction: a webhook delivery row, an outbox event for its Kafka topic,
 * or nothing (pull feed: the alert row is the feed entry).
 */
@Injectable()
export class AlertWriter {
  constructor(
    @Inject(NODE_CONFIG) private readonly config: FanoutConfig,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  async write(m: EntityManager, s: Subscription, a: NewAlert): Promise<void> {
    await this.writeMany(m, [{ subscription: s, alert: a }]);
  }

  /**
   * Several alerts in a few statements: one insert per table, one lock. Webhook deliveries
   * are written `pending` under a lease and handed to the dispatcher, which POSTs them as
   * soon as the caller's transaction commits (nothing if it rolls back).
   */
  async writeMany(
    m: EntityManager,
    items: { subscription: Subscription; alert: NewAlert }[],
  ): Promise<void> {
    if (items.length === 0) return;
    const bodies = new Map(items.map((i) => [i.alert, JSON.stringify(i.alert.payload)]));
    const hooks = items.filter((i) => i.subscription.channel === 'webhook');
    if (hooks.length > 0) {
      await m.query(
        `INSERT INTO fanout.webhook_deliveries (id, alert_id, subscription_id, status, attempts, next_attempt_at, created_at)
         SELECT id, alert_id, subscription_id, 'pending', 0, now() + $4 * interval '1 millisecond', now()
           FROM unnest($1::text[], $2::uuid[], $3::uuid[]) AS t(id, alert_id, subscription_id)`,
        [
          hooks.map((i) => webhookId(i.alert.payload.alertId)),
          hooks.map((i) => i.alert.payload.alertId),
          hooks.map((i) => i.subscription.id),
          this.config.WEBHOOK_LEASE_MS,
        ],
      );
      const createdAt = new Date();
      this.dispatcher.afterCommit(
        m,
        hooks.map(({ subscription, alert }) => ({
          id: webhookId(alert.payload.alertId),
          attempts: 0,
          createdAt,
          body: bodies.get(alert) as string,
          subscription,
        })),
      );
    }
    const topics = items.filter(
      (i) => i.subscription.channel === 'kafka' && i.subscription.kafkaTopic,
    );
    await enqueueEvents(
      m,
      topics.map(({ subscription, alert }) => ({
        topic: subscription.kafkaTopic as string,
        key: alert.indicatorId,
        event: {
          ...newEvent(this.config.eventSource, ALERT_V1, alert.payload, alert.indicatorId),
          id: alert.payload.alertId,
        },
      })),
    );
    // Last, so the lock that orders `seq` by commit is held for one statement and the commit.
    await m.query('SELECT pg_advisory_xact_lock($1)', [ALERT_SEQUENCE_LOCK]);
    await m.query(
      `INSERT INTO fanout.alerts (id, subscription_id, organisation_id, indicator_id, action, reason, source_event_id, report_id, payload)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::jsonb[])`,
      [
        items.map((i) => i.alert.payload.alertId),
        items.map((i) => i.subscription.id),
        items.map((i) => i.subscription.organisationId),
        items.map((i) => i.alert.indicatorId),
        items.map((i) => i.alert.payload.action),
        items.map((i) => i.alert.payload.rule),
        items.map((i) => i.alert.sourceEventId),
        items.map((i) => i.alert.reportId ?? null),
        items.map((i) => bodies.get(i.alert)),
      ],
    );
  }
}
