import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  EVENT_TYPES,
  IndicatorUpsertedV1,
  validateEventData,
  type CloudEvent,
  type Tlp,
} from '@wgas/contracts';
import { SHARED_INDICATOR_V1, type SharedIndicatorV1 } from '@wgas/federation';
import { enqueueEvents } from '@wgas/messaging';
import { FederationIdentity } from '../federation-identity';
import { EnvelopeWriter, type EnvelopeToSeal } from './envelope-writer';
import { mayExport } from './export-policy';

/**
 * Signs what the export policy allows and queues it on `<ns>.exchange.v1`, in the
 * consumer's transaction, a Kafka batch at a time. Only indicators, typology, confidence
 * and counts leave.
 */
@Injectable()
export class IndicatorExportService {
  private readonly peerMaxTlps: Tlp[];

  constructor(
    private readonly identity: FederationIdentity,
    private readonly envelopes: EnvelopeWriter,
  ) {
    this.peerMaxTlps = identity.registry
      .nodes()
      .map((n) => identity.registry.peer(n)!.receives.maxTlp);
  }

  /** A batch of `<ns>.indicators.v1` events: one sequence statement, one outbox insert. */
  async applyMany(events: CloudEvent[], m: EntityManager): Promise<void> {
    const out = events.map((e) => this.toShare(e)).filter((x) => x !== undefined);
    await enqueueEvents(m, await this.envelopes.sealMany(m, out));
  }

  private toShare(event: CloudEvent): EnvelopeToSeal | undefined {
    // Retractions and expiries are not shared yet: only what a peer should start acting on.
    if (event.type !== EVENT_TYPES.indicatorUpserted) return undefined;
    const i = validateEventData(IndicatorUpsertedV1, event.type, event.data);
    const origin = i.originNode;
    const decision = mayExport(
      { tlp: i.tlp, ...(origin ? { originNode: origin } : {}) },
      this.identity.node,
      this.peerMaxTlps,
    );
    if (!decision.export || i.tlp === 'RED') return undefined;
    const payload: SharedIndicatorV1 = {
      indicatorId: i.indicatorId,
      type: i.type,
      canonical: i.canonical,
      typology: i.typology,
      tlp: i.tlp,
      confidence: i.confidence,
      reportCount: i.reportCount,
      countries: i.countries,
      reportCountry: i.reportCountry,
      originReportId: i.reportId,
      firstSeen: i.firstSeen,
      lastSeen: i.lastSeen,
    };
    // Keyed by indicator id: the compacted exchange topic keeps its latest state (ADR 0008).
    return { kind: SHARED_INDICATOR_V1, payload, key: i.indicatorId };
  }
}
