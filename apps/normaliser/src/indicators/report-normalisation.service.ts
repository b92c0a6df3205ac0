import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  EVENT_TYPES,
  ReportSubmittedV1,
  topicName,
  validateEventData,
  type CloudEvent,
  type IndicatorUpsertedV1,
  type RawIndicatorOutcomeV1,
  type ReportNormalisedV1,
} from '@wgas/contracts';
import {
  enqueueEvents,
  newEvent,
  UnknownEventTypeError,
  type OutgoingEvent,
} from '@wgas/messaging';
import { NODE_CONFIG } from '@wgas/platform';
import type { NormaliserConfig } from '../normaliser.config';
import { WarninglistService } from '../warninglists/warninglist.service';
import type { HashedIndicator, NormaliseJob } from './normalise-for-store';
import { NormaliserThread } from './normaliser-thread';
import {
  IndicatorStoreRepository,
  type SightingInput,
  type StoredIndicator,
} from './indicator-store.repository';

/**
 * Turns submitted reports into canonical indicators: normalise each raw value, check it
 * against the warninglists, record the sightings and upsert the indicators (set-based, one
 * batch at a time), and queue `indicator.upserted` for fan-out plus each report's outcome
 * for intake, all in the consumer's inbox transaction. A warninglisted indicator is stored
 * and flagged but produces no `indicator.upserted`, so nothing downstream can alert on it.
 */
@Injectable()
export class ReportNormalisationService {
  private readonly logger = new Logger(ReportNormalisationService.name);

  constructor(
    @Inject(NODE_CONFIG) private readonly config: NormaliserConfig,
    private readonly store: IndicatorStoreRepository,
    private readonly warninglists: WarninglistService,
    private readonly normaliser: NormaliserThread,
  ) {}

  async apply(event: CloudEvent, manager: EntityManager): Promise<void> {
    return this.applyMany([event], manager);
  }

  /**
   * Several `report.submitted` events in one transaction, with a fixed number of statements.
   * With `enterGate` (see IndicatorWriteGate), the indicator rows are merged only once the
   * caller's transaction holds the gate.
   */
  async applyMany(
    events: CloudEvent[],
    manager: EntityManager,
    enterGate?: () => Promise<void>,
  ): Promise<void> {
    const reports = events.map((event) => {
      if (event.type !== EVENT_TYPES.reportSubmitted) throw new UnknownEventTypeError(event.type);
      return validateEventData(ReportSubmittedV1, event.type, event.data);
    });
    const jobs: NormaliseJob[] = reports.flatMap((report) =>
      report.indicators.map((raw) => ({
        value: raw.value,
        country: report.country,
        ...(raw.typeHint ? { typeHint: raw.typeHint } : {}),
      })),
    );
    const results = await this.normaliser.normalise(jobs);
    let next = 0;
    const sightings: SightingInput[] = [];
    const out: OutgoingEvent[] = [];
    for (const report of reports) {
      const outcomes: RawIndicatorOutcomeV1[] = [];
      for (const raw of report.indicators) {
        const result = results[next++]!;
        if (!result.ok) {
          this.logger.debug(`rejected raw indicator ${raw.rawIndicatorId}: ${result.code}`);
          outcomes.push({
            rawIndicatorId: raw.rawIndicatorId,
            ok: false,
            rejectionCode: result.code,
            rejectionMessage: result.message.slice(0, 512),
          });
          continue;
        }
        outcomes.push({
          rawIndicatorId: raw.rawIndicatorId,
          ok: true,
          type: result.indicator.type,
          canonical: result.indicator.canonical,
          indicatorId: result.indicator.id,
        });
        sightings.push(this.sighting(report, raw.rawIndicatorId, result.indicator));
        for (const related of result.related)
          sightings.push(this.sighting(report, raw.rawIndicatorId, related));
      }
      // A peer's indicator, imported by the exchange, has no report in our intake to update.
      if (!report.originNode) out.push(this.outcomeEvent(report.reportId, outcomes));
    }
    // Report outcomes and sightings need no indicator lock: write them before the gate.
    await enqueueEvents(manager, out);
    const recorded = await this.store.insertSightings(manager, sightings);
    if (enterGate && recorded.length > 0) await enterGate();
    const { fresh, indicators } = await this.store.mergeIndicators(manager, recorded);
    await enqueueEvents(manager, this.upsertedEvents(fresh, indicators));
  }

  /** Tells intake what became of each raw indicator (it must not read our tables). */
  private outcomeEvent(reportId: string, outcomes: RawIndicatorOutcomeV1[]): OutgoingEvent {
    const data: ReportNormalisedV1 = { reportId, outcomes };
    return {
      topic: topicName(this.config.namespace, 'reportOutcomes'),
      key: reportId,
      event: newEvent(this.config.eventSource, EVENT_TYPES.reportNormalised, data, reportId),
    };
  }

  private sighting(
    report: ReportSubmittedV1,
    rawIndicatorId: string,
    indicator: HashedIndicator,
  ): SightingInput {
    return {
      indicatorId: indicator.id,
      type: indicator.type,
      canonical: indicator.canonical,
      display: indicator.display,
      warninglist: this.warninglists.match(indicator),
      reportId: report.reportId,
      rawIndicatorId,
      organisationId: report.organisationId,
      country: report.country,
      typology: report.typology,
      tlp: report.tlp,
      seenAt: new Date(report.submittedAt),
      ...(report.originNode ? { originNode: report.originNode } : {}),
    };
  }

  /** One event per new sighting, carrying the indicator's state after the whole batch. */
  private upsertedEvents(
    fresh: SightingInput[],
    indicators: Map<string, StoredIndicator>,
  ): OutgoingEvent[] {
    const topic = topicName(this.config.namespace, 'indicators');
    const announced = new Set<string>();
    const out: OutgoingEvent[] = [];
    for (const s of fresh) {
      const i = indicators.get(s.indicatorId);
      if (!i || i.warninglisted) continue;
      const created = i.inserted && !announced.has(i.id);
      announced.add(i.id);
      const data: IndicatorUpsertedV1 = {
        indicatorId: i.id,
        change: created ? 'created' : 'updated',
        type: i.type,
        canonical: i.canonical,
        display: i.display,
        reportId: s.reportId,
        reportCountry: s.country,
        typology: s.typology,
        tlp: s.tlp,
        reportCount: i.reportCount,
        countries: i.countries,
        confidence: i.confidence,
        firstSeen: i.firstSeen.toISOString(),
        lastSeen: i.lastSeen.toISOString(),
        ...(created ? {} : { changes: i.changes.length > 0 ? i.changes : ['report'] }),
        ...(s.originNode ? { originNode: s.originNode } : {}),
      };
      out.push({
        topic,
        key: i.id,
        event: newEvent(this.config.eventSource, EVENT_TYPES.indicatorUpserted, data, i.id),
      });
    }
    return out;
  }
}
