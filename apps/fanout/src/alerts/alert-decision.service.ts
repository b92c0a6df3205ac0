import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  EVENT_TYPES,
  INDICATOR_RETRACTED_V1,
  IndicatorRetractedV1,
  IndicatorUpsertedV1,
  validateEventData,
  type CloudEvent,
} from '@wgas/contracts';
import { UnknownEventTypeError } from '@wgas/messaging';
import { NODE_CONFIG } from '@wgas/platform';
import type { FanoutConfig } from '../fanout.config';
import { decideSharing, type RecipientRole } from '../policy/sharing-policy';

export const WEBHOOK_SUBSCRIBER = 'webhook';

/**
 * Turns an indicator event into alerts and queued deliveries, in the consumer's inbox
 * transaction. The sharing policy decides per recipient, and its rule is stored with the
 * alert; an indicator is alerted once per subscriber and action.
 */
@Injectable()
export class AlertDecisionService {
  constructor(@Inject(NODE_CONFIG) private readonly config: FanoutConfig) {}

  async apply(event: CloudEvent, m: EntityManager): Promise<void> {
    if (event.type === INDICATOR_RETRACTED_V1) return this.withdraw(event, m);
    if (event.type !== EVENT_TYPES.indicatorUpserted) throw new UnknownEventTypeError(event.type);
    const indicator = validateEventData(IndicatorUpsertedV1, event.type, event.data);
    if (!this.config.WEBHOOK_URL) return;
    const decision = decideSharing(
      {
        type: indicator.type,
        tlp: indicator.tlp,
        originNode: this.config.NODE_ID,
        confidence: indicator.confidence,
        typology: indicator.typology,
        countries: indicator.countries,
      },
      { role: this.config.WEBHOOK_ROLE as RecipientRole, node: this.config.NODE_ID },
    );
    if (!decision.send) return;
    const alertId = randomUUID();
    const payload = {
      alertId,
      action: 'block',
      indicator: {
        id: indicator.indicatorId,
        type: indicator.type,
        value: indicator.canonical,
        display: indicator.display,
        confidence: indicator.confidence,
        countries: indicator.countries,
        typology: indicator.typology,
        tlp: indicator.tlp,
        firstSeen: indicator.firstSeen,
        lastSeen: indicator.lastSeen,
      },
      origin: this.config.NODE_ID,
      createdAt: new Date().toISOString(),
    };
    await this.queueAlert(m, {
      alertId,
      indicatorId: indicator.indicatorId,
      action: 'block',
      reason: decision.rule,
      eventId: event.id,
      payload,
    });
  }

  /**
   * A report behind the indicator was retracted. If nothing supports it any more, the
   * subscriber that was told to block it is told to unblock.
   */
  private async withdraw(event: CloudEvent, m: EntityManager): Promise<void> {
    const retracted = validateEventData(IndicatorRetractedV1, event.type, event.data);
    if (!this.config.WEBHOOK_URL || retracted.status !== 'retracted') return;
    const [block] = (await m.query(
      `SELECT payload FROM fanout.alerts WHERE subscriber = $1 AND indicator_id = $2 AND action = 'block'`,
      [WEBHOOK_SUBSCRIBER, retracted.indicatorId],
    )) as { payload: { indicator: Record<string, unknown> } }[];
    if (!block) return;
    const alertId = randomUUID();
    await this.queueAlert(m, {
      alertId,
      indicatorId: retracted.indicatorId,
      action: 'unblock',
      reason: 'retracted:no-supporting-report',
      eventId: event.id,
      payload: {
        alertId,
        action: 'unblock',
        reason: 'report_retracted',
        indicator: block.payload.indicator,
        origin: this.config.NODE_ID,
        createdAt: new Date().toISOString(),
      },
    });
  }

  /** Records the alert (once per subscriber, indicator and action) and queues its webhook. */
  private async queueAlert(m: EntityManager, a: QueuedAlert): Promise<void> {
    const inserted = (await m.query(
      `INSERT INTO fanout.alerts (id, subscriber, indicator_id, action, reason, source_event_id, payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
      [a.alertId, WEBHOOK_SUBSCRIBER, a.indicatorId, a.action, a.reason, a.eventId, a.payload],
    )) as unknown[];
    if (inserted.length === 0) return;
    await m.query(
      `INSERT INTO fanout.webhook_deliveries (id, alert_id, url, status, attempts, next_attempt_at, created_at)
       VALUES ($1, $2, $3, 'pending', 0, now(), now())`,
      [`msg_${a.alertId.replace(/-/g, '')}`, a.alertId, this.config.WEBHOOK_URL],
    );
    await m.query(`SELECT pg_notify('wgas_webhooks_fanout', '')`);
  }
}

interface QueuedAlert {
  alertId: string;
  indicatorId: string;
  action: 'block' | 'unblock';
  reason: string;
  eventId: string;
  payload: object;
}
