import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  EVENT_TYPES,
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
    const inserted = (await m.query(
      `INSERT INTO fanout.alerts (id, subscriber, indicator_id, action, reason, source_event_id, payload)
       VALUES ($1, $2, $3, 'block', $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
      [
        alertId,
        WEBHOOK_SUBSCRIBER,
        indicator.indicatorId,
        `tlp:${indicator.tlp}:configured-webhook`,
        event.id,
        payload,
      ],
    )) as unknown[];
    if (inserted.length === 0) return;
    await m.query(
      `INSERT INTO fanout.webhook_deliveries (id, alert_id, url, status, attempts, next_attempt_at, created_at)
       VALUES ($1, $2, $3, 'pending', 0, now(), now())`,
      [`msg_${alertId.replace(/-/g, '')}`, alertId, this.config.WEBHOOK_URL],
    );
    await m.query(`SELECT pg_notify('wgas_webhooks_fanout', '')`);
  }
}
