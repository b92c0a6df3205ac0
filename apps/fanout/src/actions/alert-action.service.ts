import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ALERT_ACTION_V1, topicName, type AlertActionV1, type AlertV1 } from '@wgas/contracts';
import { enqueueEvents, newEvent } from '@wgas/messaging';
import { NODE_CONFIG, ProblemException, type Principal } from '@wgas/platform';
import { AlertDecisionService } from '../alerts/alert-decision.service';
import type { FanoutConfig } from '../fanout.config';
import type { RecordActionDto } from './dtos/record-action.dto';

export interface ActionView {
  id: string;
  alertId: string;
  action: string;
  reason: string | null;
  note: string | null;
  createdAt: string;
}

/**
 * A subscriber reports what it did about an alert it received. Stored, published on
 * `<ns>.actions.v1` (keyed by indicator id) in the same transaction. A false positive stops
 * alerts on the indicator to the organisation that says so, at once, and unblocks its
 * subscriptions; the normaliser decides when it is confirmed for everyone (ADR 0009).
 */
@Injectable()
export class AlertActionService {
  constructor(
    private readonly ds: DataSource,
    private readonly decisions: AlertDecisionService,
    @Inject(NODE_CONFIG) private readonly config: FanoutConfig,
  ) {}

  async record(p: Principal, alertId: string, dto: RecordActionDto): Promise<ActionView> {
    return this.ds.transaction(async (m) => {
      const [alert] = (await m.query(
        'SELECT id, organisation_id, indicator_id, report_id, payload FROM fanout.alerts WHERE id = $1',
        [alertId],
      )) as {
        id: string;
        organisation_id: string;
        indicator_id: string;
        report_id: string | null;
        payload: AlertV1;
      }[];
      if (!alert || alert.organisation_id !== p.organisationId) {
        throw new ProblemException(HttpStatus.NOT_FOUND, 'alert.not_found', `No alert ${alertId}.`);
      }
      const id = randomUUID();
      const actedAt = new Date().toISOString();
      await m.query(
        `INSERT INTO fanout.alert_actions (id, alert_id, indicator_id, organisation_id, action, reason, note, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          alert.id,
          alert.indicator_id,
          p.organisationId,
          dto.action,
          dto.reason ?? null,
          dto.note ?? null,
          actedAt,
        ],
      );
      const data: AlertActionV1 = {
        actionId: id,
        alertId: alert.id,
        indicatorId: alert.indicator_id,
        indicatorType: alert.payload.indicator.type,
        canonical: alert.payload.indicator.value,
        ...(alert.report_id ? { reportIds: [alert.report_id] } : {}),
        action: dto.action,
        ...(dto.reason !== undefined ? { reason: dto.reason } : {}),
        ...(dto.note !== undefined ? { note: dto.note } : {}),
        organisationId: p.organisationId,
        role: p.role,
        country: p.country,
        node: this.config.NODE_ID,
        actedAt,
      };
      await enqueueEvents(m, [
        {
          topic: topicName(this.config.namespace, 'actions'),
          key: alert.indicator_id,
          event: newEvent(this.config.eventSource, ALERT_ACTION_V1, data, alert.indicator_id),
        },
      ]);
      if (dto.action === 'false_positive') {
        // This organisation stops hearing of it now; everyone else once the normaliser
        // confirms the false positive (ADR 0009).
        await m.query(
          `INSERT INTO fanout.indicator_suppressions (indicator_id, organisation_id, reason, action_id)
           VALUES ($1, $2, 'false_positive', $3) ON CONFLICT DO NOTHING`,
          [alert.indicator_id, p.organisationId, id],
        );
        await this.decisions.unblockAll(
          m,
          alert.indicator_id,
          'false_positive',
          'false-positive:reported-by-subscriber',
          id,
          p.organisationId,
        );
      }
      return {
        id,
        alertId: alert.id,
        action: dto.action,
        reason: dto.reason ?? null,
        note: dto.note ?? null,
        createdAt: actedAt,
      };
    });
  }
}
