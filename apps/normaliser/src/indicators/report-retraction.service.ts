import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  INDICATOR_RETRACTED_V1,
  ReportRetractedV1,
  topicName,
  validateEventData,
  EVENT_TYPES,
  type CloudEvent,
  type IndicatorRetractedV1,
} from '@wgas/contracts';
import { enqueueEvents, newEvent, type OutgoingEvent } from '@wgas/messaging';
import { queryRows } from '@wgas/persistence';
import { NODE_CONFIG } from '@wgas/platform';
import type { NormaliserConfig } from '../normaliser.config';
import { confidenceFor } from './confidence';
import { TLP_ORDER_SQL } from './tlp-order';

interface Recomputed {
  id: string;
  type: string;
  canonical: string;
  report_count: number;
  organisations: string[];
  false_positive_count: number;
}

/**
 * Withdraws a retracted report's support from every indicator it named: its sightings go,
 * counts, countries, organisations and confidence are recomputed from the sightings that
 * remain, and an indicator no other report supports becomes `retracted`. Each affected
 * indicator gets an `indicator.retracted` event so fan-out can unblock.
 */
@Injectable()
export class ReportRetractionService {
  constructor(@Inject(NODE_CONFIG) private readonly config: NormaliserConfig) {}

  async apply(event: CloudEvent, m: EntityManager): Promise<void> {
    const retraction = validateEventData(
      ReportRetractedV1,
      EVENT_TYPES.reportRetracted,
      event.data,
    );
    const removed = await queryRows<{ indicator_id: string }>(
      m,
      'DELETE FROM normaliser.indicator_sightings WHERE report_id = $1 AND organisation_id = $2 RETURNING indicator_id',
      [retraction.reportId, retraction.organisationId],
    );
    const out: OutgoingEvent[] = [];
    for (const { indicator_id: id } of removed) {
      const [row] = await queryRows<Recomputed>(
        m,
        `UPDATE normaliser.indicators AS i SET
           report_count = s.n,
           countries = s.countries,
           organisations = s.organisations,
           typologies = s.typologies,
           tlp = coalesce(s.tlp, i.tlp),
           status = CASE WHEN s.n = 0 THEN 'retracted' ELSE i.status END,
           status_changed_at = CASE WHEN s.n = 0 AND i.status <> 'retracted' THEN now() ELSE i.status_changed_at END
         FROM (SELECT count(*)::int AS n,
                      (array_agg(tlp ORDER BY array_position(${TLP_ORDER_SQL}, tlp)))[1] AS tlp,
                      coalesce(array_agg(DISTINCT country::text ORDER BY country::text) FILTER (WHERE country IS NOT NULL), '{}') AS countries,
                      coalesce(array_agg(DISTINCT organisation_id ORDER BY organisation_id) FILTER (WHERE organisation_id IS NOT NULL), '{}') AS organisations,
                      coalesce(array_agg(DISTINCT typology ORDER BY typology) FILTER (WHERE typology IS NOT NULL), '{}') AS typologies
                 FROM normaliser.indicator_sightings WHERE indicator_id = $1) AS s
         WHERE i.id = $1
         RETURNING i.id, i.type, i.canonical, i.report_count, i.organisations, i.false_positive_count`,
        [id],
      );
      if (!row) continue;
      const confidence = confidenceFor(row.organisations.length, row.false_positive_count);
      await m.query('UPDATE normaliser.indicators SET confidence = $2 WHERE id = $1', [
        id,
        confidence,
      ]);
      const data: IndicatorRetractedV1 = {
        indicatorId: id,
        type: row.type,
        canonical: row.canonical,
        reportId: retraction.reportId,
        remainingReports: row.report_count,
        confidence,
        status: row.report_count === 0 ? 'retracted' : 'active',
      };
      out.push({
        topic: topicName(this.config.namespace, 'indicators'),
        key: id,
        event: newEvent(this.config.eventSource, INDICATOR_RETRACTED_V1, data, id),
      });
    }
    await enqueueEvents(m, out);
  }
}
