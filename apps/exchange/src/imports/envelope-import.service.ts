import { randomUUID } from 'node:crypto';
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
  type ExchangeEnvelope,
} from '@wgas/federation';
import { enqueueEvents, newEvent } from '@wgas/messaging';
import { queryRows } from '@wgas/persistence';
import { NODE_CONFIG } from '@wgas/platform';
import type { ExchangeConfig } from '../exchange.config';
import { ExchangeMetrics } from '../exchange.metrics';
import { peerMayReceive } from '../exports/export-policy';
import { FederationIdentity } from '../federation-identity';

/**
 * Accepts a peer's envelope only if it verifies against the registry, is not a replay
 * (origin + event id seen before) and carries a marking the origin may send us. An
 * accepted indicator enters the local pipeline as a report from the origin node, so the
 * normaliser merges it as foreign intelligence and fan-out alerts under our own policy.
 * Refusals are counted and logged, and leave no trace in any store.
 */
@Injectable()
export class EnvelopeImportService {
  private readonly logger = new Logger(EnvelopeImportService.name);

  constructor(
    @Inject(NODE_CONFIG) private readonly config: ExchangeConfig,
    private readonly identity: FederationIdentity,
    private readonly metrics: ExchangeMetrics,
  ) {}

  async apply(event: CloudEvent, m: EntityManager): Promise<void> {
    const verdict = verifyEnvelope(event.data, {
      registry: this.identity.registry,
      self: this.identity.node,
      maxAgeMs: this.config.EXCHANGE_MAX_AGE_MS,
    });
    const claimed = (event.data as { envelope?: { origin?: unknown } } | null)?.envelope?.origin;
    const originLabel =
      typeof claimed === 'string' && /^[a-z]{2}$/.test(claimed) ? claimed : 'invalid';
    if (!verdict.ok) return this.refuse(originLabel, verdict.reason);
    const envelope = verdict.envelope;
    if (envelope.kind === SHARED_INDICATOR_V1) return this.importIndicator(m, envelope);
    if (envelope.kind === SHARED_ACTION_V1) return this.importAction(m, envelope);
    return this.refuse(envelope.origin, 'unknown_kind');
  }

  private async importIndicator(m: EntityManager, envelope: ExchangeEnvelope): Promise<void> {
    const shared = this.payload(SharedIndicatorV1, envelope);
    if (!shared) return this.refuse(envelope.origin, 'invalid_payload');
    const allowed = this.identity.registry.peer(envelope.origin)!.receives.maxTlp;
    if (!peerMayReceive(shared.tlp, allowed))
      return this.refuse(envelope.origin, 'marking_not_allowed');
    if (!(await this.firstSight(m, envelope, shared.indicatorId, shared.originReportId))) {
      return this.refuse(envelope.origin, 'replay');
    }
    await enqueueEvents(m, [this.asLocalReport(envelope, shared)]);
    this.metrics.imported.inc({ origin: envelope.origin, result: 'accepted' });
  }

  /** An action a peer took on one of our indicators: it joins our actions topic, for our report. */
  private async importAction(m: EntityManager, envelope: ExchangeEnvelope): Promise<void> {
    const action = this.payload(SharedActionV1, envelope);
    if (!action) return this.refuse(envelope.origin, 'invalid_payload');
    if (action.to !== this.identity.node) return; // addressed to another peer
    if (!(await this.firstSight(m, envelope, action.indicatorId, action.originReportId))) {
      return this.refuse(envelope.origin, 'replay');
    }
    const data: AlertActionV1 = {
      actionId: action.actionId,
      alertId: randomUUID(),
      indicatorId: action.indicatorId,
      indicatorType: action.indicatorType,
      canonical: action.canonical,
      reportIds: [action.originReportId],
      action: action.action,
      ...(action.reason ? { reason: action.reason } : {}),
      organisationId: `node:${envelope.origin}`,
      role: action.role,
      country: action.country,
      node: envelope.origin,
      actedAt: action.actedAt,
    };
    await enqueueEvents(m, [
      {
        topic: topicName(this.config.namespace, 'actions'),
        key: action.indicatorId,
        event: newEvent(this.config.eventSource, ALERT_ACTION_V1, data, action.indicatorId),
      },
    ]);
    this.metrics.imported.inc({ origin: envelope.origin, result: 'accepted' });
  }

  private payload<T extends object>(cls: new () => T, envelope: ExchangeEnvelope): T | undefined {
    try {
      return validateEventData(cls, envelope.kind, envelope.payload);
    } catch {
      return undefined;
    }
  }

  private refuse(origin: string, reason: string): void {
    this.metrics.imported.inc({ origin, result: reason });
    this.logger.warn(`refused envelope from ${origin}: ${reason}`);
  }

  private async firstSight(
    m: EntityManager,
    e: ExchangeEnvelope,
    indicatorId: string,
    originReportId: string,
  ): Promise<boolean> {
    const rows = await queryRows(
      m,
      `INSERT INTO exchange.imported_envelopes (origin, event_id, kind, sequence, indicator_id, origin_report_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING event_id`,
      [e.origin, e.eventId, e.kind, e.sequence, indicatorId, originReportId],
    );
    return rows.length > 0;
  }

  private asLocalReport(e: ExchangeEnvelope, s: SharedIndicatorV1) {
    const reportId = randomUUID();
    const data: ReportSubmittedV1 = {
      reportId,
      organisationId: `node:${e.origin}`,
      country: s.reportCountry,
      typology: s.typology,
      tlp: s.tlp,
      submittedAt: e.timestamp,
      indicators: [{ rawIndicatorId: randomUUID(), value: s.canonical, typeHint: s.type }],
      originNode: e.origin,
      originReportId: s.originReportId,
    };
    return {
      topic: topicName(this.config.namespace, 'reports'),
      key: reportId,
      event: newEvent(this.config.eventSource, EVENT_TYPES.reportSubmitted, data, reportId),
    };
  }
}
