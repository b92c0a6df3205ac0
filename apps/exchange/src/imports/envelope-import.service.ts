import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ALERT_ACTION_V1,
  EVENT_TYPES,
  topicName,
  validateEventData,
  type AlertActionV1,
  type CloudEvent,
  type ReportSubmittedV1,
} from '@wgas/contracts';
import {
  SHARED_ACTION_V1,
  SHARED_INDICATOR_V1,
  SharedActionV1,
  SharedIndicatorV1,
  verifyEnvelope,
  VerifiedRoots,
  type ExchangeEnvelope,
} from '@wgas/federation';
import { EventPublisher, newEvent, type OutgoingEvent } from '@wgas/messaging';
import { queryRows } from '@wgas/persistence';
import { NODE_CONFIG } from '@wgas/platform';
import type { ExchangeConfig } from '../exchange.config';
import { ExchangeMetrics } from '../exchange.metrics';
import { peerMayReceive } from '../exports/export-policy';
import { FederationIdentity } from '../federation-identity';
import { importedIds } from './imported-id';

/** A verified envelope and the local event it becomes if it is neither a replay nor superseded. */
interface Candidate {
  envelope: ExchangeEnvelope;
  /** Set for indicators: their latest state wins (per-indicator sequence). */
  indicatorId: string;
  latestWins: boolean;
  originReportId: string;
  local: OutgoingEvent;
}

/**
 * Accepts a peer's envelopes only if they verify against the registry, are not replays
 * (an action's origin + event id seen before; an indicator's sequence already imported),
 * do not carry an older state of an indicator than one already imported, and carry a
 * marking the origin may send us. An accepted indicator enters the local pipeline as a
 * report from the origin node, so the normaliser merges it as foreign intelligence and
 * fan-out alerts under our own policy. A whole Kafka batch is applied set-based (ADR
 * 0008): one statement for the actions' replay rows, one for the indicator states, then
 * the local events are published (ADR 0015). Refusals are counted and logged, and leave
 * no trace in any store.
 */
@Injectable()
export class EnvelopeImportService {
  private readonly logger = new Logger(EnvelopeImportService.name);
  /** Batch signatures already checked: one Ed25519 verification per batch (ADR 0014). */
  private readonly verifiedRoots = new VerifiedRoots();

  constructor(
    @Inject(NODE_CONFIG) private readonly config: ExchangeConfig,
    private readonly identity: FederationIdentity,
    private readonly metrics: ExchangeMetrics,
    private readonly publisher: EventPublisher,
  ) {}

  async applyMany(events: CloudEvent[], m: EntityManager): Promise<void> {
    const refusals = new Map<string, number>();
    const refuse = (origin: string, reason: string) => {
      const key = `${origin} ${reason}`;
      refusals.set(key, (refusals.get(key) ?? 0) + 1);
    };
    const candidates: Candidate[] = [];
    for (const event of events) {
      const c = this.examine(event, refuse);
      if (c) candidates.push(c);
    }
    const firstActions = await this.firstSightings(
      m,
      candidates.filter((c) => !c.latestWins),
      refuse,
    );
    const newStates = await this.latestStates(
      m,
      candidates.filter((c) => c.latestWins),
      refuse,
    );
    const accepted = candidates.filter((c) => firstActions.has(c) || newStates.has(c));
    // Published before our transaction commits, not through the outbox (ADR 0015): every
    // id in them is derived from the envelope, so if the commit fails, the batch comes
    // again, publishes the same events, and the local consumers' inboxes drop the copies.
    await this.publisher.publish(accepted.map((c) => c.local));
    const byOrigin = new Map<string, number>();
    for (const c of accepted)
      byOrigin.set(c.envelope.origin, (byOrigin.get(c.envelope.origin) ?? 0) + 1);
    for (const [origin, n] of byOrigin)
      this.metrics.imported.inc({ origin, result: 'accepted' }, n);
    for (const [key, n] of refusals) {
      const [origin = 'invalid', result = 'unknown'] = key.split(' ');
      this.metrics.imported.inc({ origin, result }, n);
      this.logger.warn(`refused ${n} envelope(s) from ${origin}: ${result}`);
    }
  }

  /** Everything that needs no state: signature, registry, payload schema, marking. */
  private examine(
    event: CloudEvent,
    refuse: (origin: string, reason: string) => void,
  ): Candidate | undefined {
    const verdict = verifyEnvelope(event.data, {
      registry: this.identity.registry,
      self: this.identity.node,
      maxAgeMs: this.config.EXCHANGE_MAX_AGE_MS,
      old: this.config.EXCHANGE_OLD_ENVELOPES,
      verifiedRoots: this.verifiedRoots,
    });
    if (!verdict.ok) {
      const claimed = (event.data as { envelope?: { origin?: unknown } } | null)?.envelope?.origin;
      refuse(
        typeof claimed === 'string' && /^[a-z]{2}$/.test(claimed) ? claimed : 'invalid',
        verdict.reason,
      );
      return undefined;
    }
    const envelope = verdict.envelope;
    if (envelope.kind === SHARED_INDICATOR_V1) {
      const shared = this.payload(SharedIndicatorV1, envelope);
      if (!shared) return void refuse(envelope.origin, 'invalid_payload');
      const allowed = this.identity.registry.peer(envelope.origin)!.receives.maxTlp;
      if (!peerMayReceive(shared.tlp, allowed))
        return void refuse(envelope.origin, 'marking_not_allowed');
      return {
        envelope,
        indicatorId: shared.indicatorId,
        latestWins: true,
        originReportId: shared.originReportId,
        local: this.asLocalReport(envelope, shared),
      };
    }
    if (envelope.kind === SHARED_ACTION_V1) {
      const action = this.payload(SharedActionV1, envelope);
      if (!action) return void refuse(envelope.origin, 'invalid_payload');
      if (action.to !== this.identity.node) return undefined; // addressed to another peer
      return {
        envelope,
        indicatorId: action.indicatorId,
        latestWins: false,
        originReportId: action.originReportId,
        local: this.asLocalAction(envelope, action),
      };
    }
    return void refuse(envelope.origin, 'unknown_kind');
  }

  /**
   * Records every action by (origin, event id) with one statement; a second copy is a
   * replay. (Indicators need no such row: their sequence per indicator tells, see below.)
   */
  private async firstSightings(
    m: EntityManager,
    actions: Candidate[],
    refuse: (origin: string, reason: string) => void,
  ): Promise<Set<Candidate>> {
    if (actions.length === 0) return new Set();
    const rows = await queryRows<{ origin: string; event_id: string }>(
      m,
      `INSERT INTO exchange.imported_envelopes (origin, event_id, kind, sequence, indicator_id, origin_report_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::uuid[])
       ON CONFLICT DO NOTHING RETURNING origin, event_id`,
      [
        actions.map((c) => c.envelope.origin),
        actions.map((c) => c.envelope.eventId),
        actions.map((c) => c.envelope.kind),
        actions.map((c) => c.envelope.sequence),
        actions.map((c) => c.indicatorId),
        actions.map((c) => c.originReportId),
      ],
    );
    const inserted = new Set(rows.map((r) => `${r.origin} ${r.event_id}`));
    // delete as we go: the same envelope twice in one batch is imported once
    return new Set(
      actions.filter((c) => {
        if (inserted.delete(`${c.envelope.origin} ${c.envelope.eventId}`)) return true;
        refuse(c.envelope.origin, 'replay');
        return false;
      }),
    );
  }

  /**
   * Keeps, per peer indicator, only an envelope newer (by the origin's sequence) than any
   * state imported before, with one statement. One with the sequence already imported is
   * that same envelope again (an origin numbers all its envelopes with one sequence), so a
   * replay; one with a lower sequence is superseded (ADR 0018).
   */
  private async latestStates(
    m: EntityManager,
    indicators: Candidate[],
    refuse: (origin: string, reason: string) => void,
  ): Promise<Set<Candidate>> {
    const keyOf = (c: Candidate) => `${c.envelope.origin} ${c.indicatorId}`;
    // Against the sequence that won (in this batch, or stored before): the same is a replay.
    const refuseOlder = (c: Candidate, winner: number | string | undefined) =>
      refuse(
        c.envelope.origin,
        String(winner) === String(c.envelope.sequence) ? 'replay' : 'superseded',
      );
    const newest = new Map<string, Candidate>();
    for (const c of indicators) {
      const key = keyOf(c);
      const seen = newest.get(key);
      if (!seen || seen.envelope.sequence < c.envelope.sequence) newest.set(key, c);
    }
    for (const c of indicators) {
      const chosen = newest.get(keyOf(c))!;
      if (chosen !== c) refuseOlder(c, chosen.envelope.sequence);
    }
    if (newest.size === 0) return new Set();
    const latest = [...newest.values()];
    const rows = await queryRows<{ origin: string; indicator_id: string }>(
      m,
      `INSERT INTO exchange.peer_indicator_state AS s (origin, indicator_id, sequence, origin_report_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::uuid[])
       ON CONFLICT (origin, indicator_id) DO UPDATE
         SET sequence = excluded.sequence, origin_report_id = excluded.origin_report_id
         WHERE s.sequence < excluded.sequence
       RETURNING origin, indicator_id`,
      [
        latest.map((c) => c.envelope.origin),
        latest.map((c) => c.indicatorId),
        latest.map((c) => c.envelope.sequence),
        latest.map((c) => c.originReportId),
      ],
    );
    const current = new Set(rows.map((r) => `${r.origin} ${r.indicator_id}`));
    const refused = latest.filter((c) => !current.has(keyOf(c)));
    // Only when something was refused: which of them is a replay and which superseded.
    const stored = new Map<string, string>();
    if (refused.length > 0) {
      const known = await queryRows<{ origin: string; indicator_id: string; sequence: string }>(
        m,
        `SELECT s.origin, s.indicator_id, s.sequence
           FROM unnest($1::text[], $2::text[]) AS k(origin, indicator_id)
           JOIN exchange.peer_indicator_state s USING (origin, indicator_id)`,
        [refused.map((c) => c.envelope.origin), refused.map((c) => c.indicatorId)],
      );
      for (const k of known) stored.set(`${k.origin} ${k.indicator_id}`, k.sequence);
    }
    for (const c of refused) refuseOlder(c, stored.get(keyOf(c)));
    return new Set(latest.filter((c) => current.has(keyOf(c))));
  }

  private payload<T extends object>(cls: new () => T, envelope: ExchangeEnvelope): T | undefined {
    try {
      return validateEventData(cls, envelope.kind, envelope.payload);
    } catch {
      return undefined;
    }
  }

  private asLocalReport(e: ExchangeEnvelope, s: SharedIndicatorV1): OutgoingEvent {
    const ids = importedIds(e);
    const reportId = ids.report;
    const data: ReportSubmittedV1 = {
      reportId,
      organisationId: `node:${e.origin}`,
      country: s.reportCountry,
      typology: s.typology,
      tlp: s.tlp,
      submittedAt: e.timestamp,
      indicators: [{ rawIndicatorId: ids['raw-indicator'], value: s.canonical, typeHint: s.type }],
      originNode: e.origin,
      originReportId: s.originReportId,
    };
    return {
      topic: topicName(this.config.namespace, 'reports'),
      key: reportId,
      event: newEvent(
        this.config.eventSource,
        EVENT_TYPES.reportSubmitted,
        data,
        reportId,
        ids.event,
      ),
    };
  }

  /** An action a peer took on one of our indicators: it joins our actions topic, for our report. */
  private asLocalAction(e: ExchangeEnvelope, action: SharedActionV1): OutgoingEvent {
    const ids = importedIds(e);
    const data: AlertActionV1 = {
      actionId: action.actionId,
      alertId: ids.alert,
      indicatorId: action.indicatorId,
      indicatorType: action.indicatorType,
      canonical: action.canonical,
      reportIds: [action.originReportId],
      action: action.action,
      ...(action.reason ? { reason: action.reason } : {}),
      organisationId: `node:${e.origin}`,
      role: action.role,
      country: action.country,
      node: e.origin,
      actedAt: action.actedAt,
    };
    return {
      topic: topicName(this.config.namespace, 'actions'),
      key: action.indicatorId,
      event: newEvent(
        this.config.eventSource,
        ALERT_ACTION_V1,
        data,
        action.indicatorId,
        ids.event,
      ),
    };
  }
}
