import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ALERT_ACTION_V1,
  AlertActionV1,
  validateEventData,
  type CloudEvent,
} from '@wgas/contracts';
import { NODE_CONFIG } from '@wgas/platform';
import type { IntakeConfig } from '../intake.config';

/**
 * Records actions taken on alerts (here, or relayed back by the exchange from a peer)
 * against the reports they name, so the reporting agency sees "blocked in Malaysia".
 * A peer's action names the report of ours behind the latest state it imported (ADR
 * 0017); it is shown on every report of ours that named the same indicator. Actions on
 * reports this node does not hold are ignored.
 */
@Injectable()
export class ReportActionsService {
  constructor(@Inject(NODE_CONFIG) private readonly config: IntakeConfig) {}

  async apply(event: CloudEvent, m: EntityManager): Promise<void> {
    if (event.type !== ALERT_ACTION_V1) return;
    const a = validateEventData(AlertActionV1, event.type, event.data);
    if (!a.reportIds?.length) return;
    const fromPeer = a.node !== this.config.NODE_ID;
    await m.query(
      `INSERT INTO intake.report_actions
         (action_id, report_id, indicator_id, indicator_type, canonical, action, reason, role, country, node, acted_at)
       SELECT $1, r.id, $3, $4, $5, $6, $7, $8, $9, $10, $11 FROM intake.reports r
        WHERE r.id = ANY($2::uuid[])
           OR ($12 AND r.id IN (SELECT report_id FROM intake.raw_indicators WHERE indicator_id = $3))
       ON CONFLICT DO NOTHING`,
      [
        a.actionId,
        a.reportIds,
        a.indicatorId,
        a.indicatorType,
        a.canonical,
        a.action,
        a.reason ?? null,
        a.role,
        a.country,
        a.node,
        a.actedAt,
        fromPeer,
      ],
    );
  }
}
