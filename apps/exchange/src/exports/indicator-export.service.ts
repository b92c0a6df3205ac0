import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  EVENT_TYPES,
  IndicatorUpsertedV1,
  validateEventData,
  type CloudEvent,
} from '@wgas/contracts';
import { SHARED_INDICATOR_V1, type SharedIndicatorV1 } from '@wgas/federation';
import { enqueueEvents } from '@wgas/messaging';
import { FederationIdentity } from '../federation-identity';
import { EnvelopeWriter } from './envelope-writer';
import { mayExport } from './export-policy';

/**
 * Signs what the export policy allows and queues it on `<ns>.exchange.v1`, in the
 * consumer's transaction. Only indicators, typology, confidence and counts leave.
 */
@Injectable()
export class IndicatorExportService {
  constructor(
    private readonly identity: FederationIdentity,
    private readonly envelopes: EnvelopeWriter,
  ) {}

  async apply(event: CloudEvent, m: EntityManager): Promise<void> {
    // Retractions and expiries are not shared yet: only what a peer should start acting on.
    if (event.type !== EVENT_TYPES.indicatorUpserted) return;
    const i = validateEventData(IndicatorUpsertedV1, event.type, event.data);
    const origin = i.originNode;
    const peerMax = this.identity.registry
      .nodes()
      .map((n) => this.identity.registry.peer(n)!.receives.maxTlp);
    const decision = mayExport(
      { tlp: i.tlp, ...(origin ? { originNode: origin } : {}) },
      this.identity.node,
      peerMax,
    );
    if (!decision.export || i.tlp === 'RED') return;
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
    await enqueueEvents(m, [
      await this.envelopes.seal(m, SHARED_INDICATOR_V1, payload, i.indicatorId),
    ]);
  }
}
