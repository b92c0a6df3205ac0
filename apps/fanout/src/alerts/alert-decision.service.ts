import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  EVENT_TYPES,
  INDICATOR_EXPIRED_V1,
  INDICATOR_RETRACTED_V1,
  IndicatorExpiredV1,
  IndicatorRetractedV1,
  IndicatorUpsertedV1,
  validateEventData,
  type AlertAction,
  type AlertIndicatorV1,
  type AlertV1,
  type CloudEvent,
} from '@wgas/contracts';
import { UnknownEventTypeError } from '@wgas/messaging';
import { NODE_CONFIG } from '@wgas/platform';
import type { FanoutConfig } from '../fanout.config';
import { decideSharing } from '../policy/sharing-policy';
import { StaticSubscription } from '../subscriptions/static-subscription';
import { SubscriptionCache } from '../subscriptions/subscription.cache';
import type { Subscription } from '../subscriptions/subscription.entity';
import { AlertWriter, type NewAlert } from './alert-writer';

/**
 * At or above this confidence an alert says `block`; below it (only subscribers who
 * lowered their minimum confidence get those) it says `monitor`. One agency's report
 * gives 0.5 (apps/normaliser/src/indicators/confidence.ts).
 */
export const BLOCK_CONFIDENCE = 0.5;

export type UnblockReason = NonNullable<AlertV1['reason']>;

interface LatestAlert {
  subscription_id: string;
  action: AlertAction;
  payload: AlertV1;
}

/**
 * Turns indicator events into alerts per subscription, in the consumer's inbox
 * transaction. The sharing policy decides per subscription and its rule is stored with
 * the alert. A subscription hears about an indicator again only when the action changes
 * (monitor → block, block → unblock, unblock → block after a fresh report).
 */
@Injectable()
export class AlertDecisionService {
  constructor(
    @Inject(NODE_CONFIG) private readonly config: FanoutConfig,
    private readonly writer: AlertWriter,
    private readonly staticSubscription: StaticSubscription,
    private readonly subscriptions: SubscriptionCache,
  ) {}

  async apply(event: CloudEvent, m: EntityManager): Promise<void> {
    await this.staticSubscription.ensure();
    switch (event.type) {
      case EVENT_TYPES.indicatorUpserted:
        return this.upserted(event, m);
      case INDICATOR_RETRACTED_V1: {
        const r = validateEventData(IndicatorRetractedV1, event.type, event.data);
        if (r.status !== 'retracted') return;
        await this.unblockAll(
          m,
          r.indicatorId,
          'report_retracted',
          'retracted:no-supporting-report',
          event.id,
        );
        return;
      }
      case INDICATOR_EXPIRED_V1: {
        const e = validateEventData(IndicatorExpiredV1, event.type, event.data);
        await this.unblockAll(
          m,
          e.indicatorId,
          'expired',
          `expired:${e.lifetimeSeconds}s-unseen`,
          event.id,
        );
        return;
      }
      default:
        throw new UnknownEventTypeError(event.type);
    }
  }

  private async upserted(event: CloudEvent, m: EntityManager): Promise<void> {
    const indicator = validateEventData(IndicatorUpsertedV1, event.type, event.data);
    const suppressed = (await m.query(
      'SELECT 1 FROM fanout.indicator_suppressions WHERE indicator_id = $1',
      [indicator.indicatorId],
    )) as unknown[];
    if (suppressed.length > 0) return;
    const subscriptions = await this.subscriptions.active(m);
    if (subscriptions.length === 0) return;
    const latest = await this.latestAlerts(m, indicator.indicatorId);
    const alertIndicator: AlertIndicatorV1 = {
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
    };
    const expiresAt = new Date(
      Date.parse(indicator.lastSeen) + this.config.ALERT_EXPIRY_DAYS * 86_400_000,
    ).toISOString();
    const out: { subscription: Subscription; alert: NewAlert }[] = [];
    for (const s of subscriptions) {
      const decision = decideSharing(
        {
          type: indicator.type,
          tlp: indicator.tlp,
          originNode: this.config.NODE_ID,
          confidence: indicator.confidence,
          typology: indicator.typology,
          countries: indicator.countries,
        },
        {
          role: s.role,
          node: this.config.NODE_ID,
          subscription: {
            ...(s.types ? { types: s.types } : {}),
            ...(s.originCountries ? { originCountries: s.originCountries } : {}),
            ...(s.minConfidence !== null ? { minConfidence: s.minConfidence } : {}),
            ...(s.typologies ? { typologies: s.typologies } : {}),
          },
        },
      );
      if (!decision.send) continue;
      const action: AlertAction = indicator.confidence >= BLOCK_CONFIDENCE ? 'block' : 'monitor';
      const previous = latest.get(s.id)?.action;
      if (previous === action || (previous === 'block' && action === 'monitor')) continue;
      out.push({
        subscription: s,
        alert: {
          indicatorId: indicator.indicatorId,
          sourceEventId: event.id,
          reportId: indicator.reportId,
          payload: {
            alertId: randomUUID(),
            subscriptionId: s.id,
            action,
            rule: decision.rule,
            indicator: alertIndicator,
            origin: this.config.NODE_ID,
            createdAt: new Date().toISOString(),
            expiresAt,
          },
        },
      });
    }
    await this.writer.writeMany(m, out);
  }

  /**
   * Every subscription whose latest alert for the indicator is a block or monitor is told
   * to unblock, whatever its filters say now: a telco that blocked always hears the unblock.
   */
  async unblockAll(
    m: EntityManager,
    indicatorId: string,
    reason: UnblockReason,
    rule: string,
    sourceEventId: string,
  ): Promise<number> {
    const latest = await this.latestAlerts(m, indicatorId);
    const subscriptions = await this.subscriptions.active(m);
    const out: { subscription: Subscription; alert: NewAlert }[] = [];
    for (const s of subscriptions) {
      const last = latest.get(s.id);
      if (!last || last.action === 'unblock') continue;
      out.push({
        subscription: s,
        alert: {
          indicatorId,
          sourceEventId,
          payload: {
            alertId: randomUUID(),
            subscriptionId: s.id,
            action: 'unblock',
            rule,
            reason,
            indicator: last.payload.indicator,
            origin: this.config.NODE_ID,
            createdAt: new Date().toISOString(),
          },
        },
      });
    }
    await this.writer.writeMany(m, out);
    return out.length;
  }

  private async latestAlerts(
    m: EntityManager,
    indicatorId: string,
  ): Promise<Map<string, LatestAlert>> {
    const rows = (await m.query(
      `SELECT DISTINCT ON (subscription_id) subscription_id, action, payload
         FROM fanout.alerts WHERE indicator_id = $1 ORDER BY subscription_id, seq DESC`,
      [indicatorId],
    )) as LatestAlert[];
    return new Map(rows.map((r) => [r.subscription_id, r]));
  }
}
