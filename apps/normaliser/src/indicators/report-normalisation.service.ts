import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  EVENT_TYPES,
  ReportSubmittedV1,
  topicName,
  validateEventData,
  type CloudEvent,
  type IndicatorUpsertedV1,
  type MemberCountry,
} from '@wgas/contracts';
import { indicatorHash, normalise, type CanonicalIndicator } from '@wgas/indicators';
import {
  enqueueEvents,
  newEvent,
  UnknownEventTypeError,
  type OutgoingEvent,
} from '@wgas/messaging';
import { queryRows } from '@wgas/persistence';
import { NODE_CONFIG } from '@wgas/platform';
import type { NormaliserConfig } from '../normaliser.config';
import { confidenceFor } from './confidence';

interface IndicatorRow {
  id: string;
  report_count: number;
  countries: string[];
  organisations: string[];
  first_seen: Date;
  last_seen: Date;
  inserted: boolean;
}

/**
 * Turns a submitted report into canonical indicators: normalise each raw value, record
 * the sighting, upsert the indicator, and queue `indicator.upserted` for fan-out, all in
 * the consumer's inbox transaction.
 */
@Injectable()
export class ReportNormalisationService {
  private readonly logger = new Logger(ReportNormalisationService.name);
  private readonly key: { version: number; secret: string };

  constructor(@Inject(NODE_CONFIG) private readonly config: NormaliserConfig) {
    this.key = { version: config.CONSORTIUM_KEY_VERSION, secret: config.CONSORTIUM_KEY };
  }

  async apply(event: CloudEvent, manager: EntityManager): Promise<void> {
    if (event.type !== EVENT_TYPES.reportSubmitted) throw new UnknownEventTypeError(event.type);
    const report = validateEventData(ReportSubmittedV1, event.type, event.data);
    const out: OutgoingEvent[] = [];
    for (const raw of report.indicators) {
      const result = normalise(raw.value, {
        country: report.country,
        ...(raw.typeHint ? { typeHint: raw.typeHint } : {}),
      });
      if (!result.ok) {
        this.logger.debug(`rejected raw indicator ${raw.rawIndicatorId}: ${result.rejection.code}`);
        continue;
      }
      for (const indicator of [result.indicator, ...(result.indicator.related ?? [])]) {
        const upserted = await this.upsert(manager, report, raw.rawIndicatorId, indicator);
        if (upserted) out.push(upserted);
      }
    }
    await enqueueEvents(manager, out);
  }

  private async upsert(
    m: EntityManager,
    report: ReportSubmittedV1,
    rawIndicatorId: string,
    indicator: CanonicalIndicator,
  ): Promise<OutgoingEvent | undefined> {
    const id = indicatorHash(this.key, indicator.key);
    const seenAt = new Date(report.submittedAt);
    const [row] = (await m.query(
      `INSERT INTO normaliser.indicators AS i
         (id, type, canonical, display, first_seen, last_seen, report_count, countries, organisations, typologies, confidence)
       VALUES ($1, $2, $3, $4, $5, $5, 0, '{}', '{}', '{}', 0)
       ON CONFLICT (id) DO UPDATE SET last_seen = greatest(i.last_seen, excluded.last_seen)
       RETURNING id, (xmax = 0) AS inserted`,
      [id, indicator.type, indicator.canonical, indicator.display, seenAt],
    )) as { id: string; inserted: boolean }[];
    const sighting = (await m.query(
      `INSERT INTO normaliser.indicator_sightings
         (indicator_id, report_id, raw_indicator_id, organisation_id, country, typology, tlp, seen_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING report_id`,
      [
        id,
        report.reportId,
        rawIndicatorId,
        report.organisationId,
        report.country,
        report.typology,
        report.tlp,
        seenAt,
      ],
    )) as unknown[];
    if (sighting.length === 0) return undefined; // the same report named it twice
    const [agg] = await queryRows<IndicatorRow>(
      m,
      `UPDATE normaliser.indicators AS i SET
         report_count = i.report_count + 1,
         countries = (SELECT array_agg(DISTINCT c ORDER BY c) FROM unnest(i.countries || $2::text) c),
         organisations = (SELECT array_agg(DISTINCT o ORDER BY o) FROM unnest(i.organisations || $3::text) o),
         typologies = (SELECT array_agg(DISTINCT t ORDER BY t) FROM unnest(i.typologies || $4::text) t)
       WHERE id = $1
       RETURNING id, report_count, countries, organisations, first_seen, last_seen`,
      [id, report.country, report.organisationId, report.typology],
    );
    if (!agg) throw new Error(`indicator ${id} vanished during upsert`);
    const confidence = confidenceFor(agg.organisations.length);
    await m.query('UPDATE normaliser.indicators SET confidence = $2 WHERE id = $1', [
      id,
      confidence,
    ]);
    const data: IndicatorUpsertedV1 = {
      indicatorId: id,
      change: row?.inserted ? 'created' : 'updated',
      type: indicator.type,
      canonical: indicator.canonical,
      display: indicator.display,
      reportId: report.reportId,
      reportCountry: report.country,
      typology: report.typology,
      tlp: report.tlp,
      reportCount: agg.report_count,
      countries: agg.countries as MemberCountry[],
      confidence,
      firstSeen: agg.first_seen.toISOString(),
      lastSeen: agg.last_seen.toISOString(),
    };
    const topic = topicName(this.config.namespace, 'indicators');
    return {
      topic,
      key: id,
      event: newEvent(this.config.eventSource, EVENT_TYPES.indicatorUpserted, data, id),
    };
  }
}
