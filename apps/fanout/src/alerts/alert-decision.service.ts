import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  EVENT_TYPES,
  INDICATOR_EXPIRED_V1,
  INDICATOR_FALSE_POSITIVE_V1,
  INDICATOR_RETRACTED_V1,
  IndicatorExpiredV1,
  IndicatorFalsePositiveV1,
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

/** `indicator_suppressions.organisation_id` of a suppression that applies to everyone. */
const EVERYONE = '';

interface LatestAlert {
  subscription_id: string;
  action: AlertAction;
  payload: AlertV1;
}

/** One event of a batch, validated: what it asks of the indicator's subscribers. */
type Decision =
  | { kind: 'upserted'; event: CloudEvent; indicatorId: string; indicator: IndicatorUpsertedV1 }
  | {
      kind: 'unblock';
      event: CloudEvent;
      indicatorId: string;
      reason: UnblockReason;
      rule: string;
      /** Also stop alerting anyone about it (a confirmed false positive). */
      everyone?: true;
    }
  | { kind: 'none'; event: CloudEvent; indicatorId: string };

/**
 * Turns indicator events into alerts per subscription, in the consumer's inbox
 * transaction, a partition batch at a time. The sharing policy decides per subscription and its rule is stored with
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

  /**
   * A partition batch of indicator events, in order, in a handful of statements: one read
   * of suppressions and one of latest alerts for all the batch's indicators, one write of
   * all resulting alerts. Later events in the batch see the alerts earlier ones produced.
   */
  async applyMany(events: CloudEvent[], m: EntityManager): Promise<void> {
    await this.staticSubscription.ensure();
    const decisions = events.map((e) => this.parse(e));
    const ids = [...new Set(decisions.map((d) => d.indicatorId))];
    if (ids.length === 0) return;
    await this.suppressForEveryone(m, decisions);
    const upsertedIds = decisions.filter((d) => d.kind === 'upserted').map((d) => d.indicatorId);
    const suppressed = await this.suppressed(m, upsertedIds);
    const subscriptions = await this.subscriptions.active(m);
    if (subscriptions.length === 0) return;
    const latest = await this.latestAlerts(m, ids);
    const out: { subscription: Subscription; alert: NewAlert }[] = [];
    for (const d of decisions) {
      const previous = latest.get(d.indicatorId) ?? new Map<string, LatestAlert>();
      latest.set(d.indicatorId, previous);
      const alerts = this.decide(d, suppressed, subscriptions, previous);
      for (const a of alerts) {
        previous.set(a.subscription.id, {
          subscription_id: a.subscription.id,
          action: a.alert.payload.action,
          payload: a.alert.payload,
        });
      }
      out.push(...alerts);
    }
    await this.writer.writeMany(m, out);
  }

  private decide(
    d: Decision,
    suppressed: Map<string, Set<string>>,
    subscriptions: Subscription[],
    latest: Map<string, LatestAlert>,
  ): { subscription: Subscription; alert: NewAlert }[] {
    switch (d.kind) {
      case 'upserted': {
        const quiet = suppressed.get(d.indicatorId);
        if (quiet?.has(EVERYONE)) return [];
        const audience = quiet
          ? subscriptions.filter((s) => !quiet.has(s.organisationId))
          : subscriptions;
        return this.upserted(d.event, d.indicator, audience, latest);
      }
      case 'unblock':
        return this.unblocks(d.indicatorId, d.reason, d.rule, d.event.id, subscriptions, latest);
      case 'none':
        return [];
    }
  }

  private parse(event: CloudEvent): Decision {
    switch (event.type) {
      case EVENT_TYPES.indicatorUpserted: {
        const indicator = validateEventData(IndicatorUpsertedV1, event.type, event.data);
        return { kind: 'upserted', event, indicatorId: indicator.indicatorId, indicator };
      }
      case INDICATOR_RETRACTED_V1: {
        const r = validateEventData(IndicatorRetractedV1, event.type, event.data);
        // Some reports still support it: nothing to unblock.
        if (r.status !== 'retracted') return { kind: 'none', event, indicatorId: r.indicatorId };
        return {
          kind: 'unblock',
          event,
          indicatorId: r.indicatorId,
          reason: 'report_retracted',
          rule: 'retracted:no-supporting-report',
        };
      }
      case INDICATOR_EXPIRED_V1: {
        const e = validateEventData(IndicatorExpiredV1, event.type, event.data);
        return {
          kind: 'unblock',
          event,
          indicatorId: e.indicatorId,
          reason: 'expired',
          rule: `expired:${e.lifetimeSeconds}s-unseen`,
        };
      }
      case INDICATOR_FALSE_POSITIVE_V1: {
        const f = validateEventData(IndicatorFalsePositiveV1, event.type, event.data);
        // Not confirmed yet: only the organisation that said so is already quiet.
        if (f.status !== 'false_positive')
          return { kind: 'none', event, indicatorId: f.indicatorId };
        return {
          kind: 'unblock',
          event,
          indicatorId: f.indicatorId,
          reason: 'false_positive',
          rule: f.confirmedBy ?? 'false-positive:confirmed',
          everyone: true,
        };
      }
      default:
        throw new UnknownEventTypeError(event.type);
    }
  }

  private upserted(
    event: CloudEvent,
    indicator: IndicatorUpsertedV1,
    subscriptions: Subscription[],
    latest: Map<string, LatestAlert>,
  ): { subscription: Subscription; alert: NewAlert }[] {
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
    return out;
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
    /** Only this organisation's subscriptions. */
    organisationId?: string,
  ): Promise<number> {
    const latest = (await this.latestAlerts(m, [indicatorId])).get(indicatorId) ?? new Map();
    const subscriptions = (await this.subscriptions.active(m)).filter(
      (s) => organisationId === undefined || s.organisationId === organisationId,
    );
    const out = this.unblocks(indicatorId, reason, rule, sourceEventId, subscriptions, latest);
    await this.writer.writeMany(m, out);
    return out.length;
  }

  private unblocks(
    indicatorId: string,
    reason: UnblockReason,
    rule: string,
    sourceEventId: string,
    subscriptions: Subscription[],
    latest: Map<string, LatestAlert>,
  ): { subscription: Subscription; alert: NewAlert }[] {
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
    return out;
  }

  /** Per indicator, the organisations not to alert ('' = everyone). */
  private async suppressed(
    m: EntityManager,
    indicatorIds: string[],
  ): Promise<Map<string, Set<string>>> {
    const quiet = new Map<string, Set<string>>();
    if (indicatorIds.length === 0) return quiet;
    const rows = (await m.query(
      'SELECT indicator_id, organisation_id FROM fanout.indicator_suppressions WHERE indicator_id = ANY($1::text[])',
      [indicatorIds],
    )) as { indicator_id: string; organisation_id: string }[];
    for (const r of rows) {
      const set = quiet.get(r.indicator_id) ?? new Set<string>();
      set.add(r.organisation_id);
      quiet.set(r.indicator_id, set);
    }
    return quiet;
  }

  /** Confirmed false positives in the batch: nobody hears of them again. */
  private async suppressForEveryone(m: EntityManager, decisions: Decision[]): Promise<void> {
    const confirmed = decisions.filter((d) => d.kind === 'unblock' && d.everyone);
    if (confirmed.length === 0) return;
    await m.query(
      `INSERT INTO fanout.indicator_suppressions (indicator_id, organisation_id, reason, action_id)
       SELECT unnest($1::text[]), '', 'false_positive', unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [confirmed.map((d) => d.indicatorId), confirmed.map((d) => d.event.id)],
    );
  }

  /** Per indicator, each subscription's latest alert for it. */
  private async latestAlerts(
    m: EntityManager,
    indicatorIds: string[],
  ): Promise<Map<string, Map<string, LatestAlert>>> {
    const rows = (await m.query(
      `SELECT DISTINCT ON (indicator_id, subscription_id) indicator_id, subscription_id, action, payload
         FROM fanout.alerts WHERE indicator_id = ANY($1::text[])
        ORDER BY indicator_id, subscription_id, seq DESC`,
      [indicatorIds],
    )) as (LatestAlert & { indicator_id: string })[];
    const byIndicator = new Map<string, Map<string, LatestAlert>>();
    for (const r of rows) {
      const forIndicator = byIndicator.get(r.indicator_id) ?? new Map<string, LatestAlert>();
      forIndicator.set(r.subscription_id, r);
      byIndicator.set(r.indicator_id, forIndicator);
    }
    return byIndicator;
  }
}
