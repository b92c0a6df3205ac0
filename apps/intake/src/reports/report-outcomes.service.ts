import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  EVENT_TYPES,
  ReportNormalisedV1,
  validateEventData,
  type CloudEvent,
} from '@wgas/contracts';
import { UnknownEventTypeError } from '@wgas/messaging';

/**
 * Records the normaliser's outcome for each raw indicator (from `report.normalised`) in
 * intake's own table, inside the consumer's inbox transaction. A redelivery rewrites the
 * same values.
 */
@Injectable()
export class ReportOutcomesService {
  async apply(event: CloudEvent, m: EntityManager): Promise<void> {
    if (event.type !== EVENT_TYPES.reportNormalised) throw new UnknownEventTypeError(event.type);
    const data = validateEventData(ReportNormalisedV1, event.type, event.data);
    if (data.outcomes.length === 0) return;
    const rows = data.outcomes.map((o) => ({
      id: o.rawIndicatorId,
      outcome: o.ok ? 'accepted' : 'rejected',
      canonical_type: o.type ?? null,
      canonical: o.canonical ?? null,
      indicator_id: o.indicatorId ?? null,
      rejection_code: o.rejectionCode ?? null,
      rejection_message: o.rejectionMessage ?? null,
    }));
    await m.query(
      `UPDATE intake.raw_indicators r SET outcome = v.outcome, canonical_type = v.canonical_type,
          canonical = v.canonical, indicator_id = v.indicator_id, rejection_code = v.rejection_code,
          rejection_message = v.rejection_message, normalised_at = now()
         FROM jsonb_to_recordset($2::jsonb) AS v(id uuid, outcome text, canonical_type text,
              canonical text, indicator_id text, rejection_code text, rejection_message text)
        WHERE r.id = v.id AND r.report_id = $1`,
      [data.reportId, JSON.stringify(rows)],
    );
  }
}
