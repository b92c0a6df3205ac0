import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ALERT_ACTION_V1,
  AlertActionV1,
  INDICATOR_FALSE_POSITIVE_V1,
  topicName,
  validateEventData,
  type CloudEvent,
  type IndicatorFalsePositiveV1,
} from '@wgas/contracts';
import { enqueueEvents, newEvent } from '@wgas/messaging';
import { queryRows } from '@wgas/persistence';
import { NODE_CONFIG } from '@wgas/platform';
import type { NormaliserConfig } from '../normaliser.config';
import { confidenceFor } from './confidence';
import type { IndicatorStatus } from './indicator.entity';

/** Independent organisations whose false-positive reports confirm one (ADR 0009). */
export const FALSE_POSITIVE_QUORUM = 2;
/** Roles of this node whose single false-positive report confirms one (ADR 0009). */
const CONFIRMING_ROLES: ReadonlySet<string> = new Set(['agency', 'operator']);

interface Locked {
  id: string;
  type: string;
  canonical: string;
  status: IndicatorStatus;
  organisations: string[];
  false_positive_count: number;
}

/**
 * Feedback from `<node>.actions.v1`: each organisation that says an indicator is a false
 * positive counts once, halves its confidence, and is told apart from a confirmation. The
 * indicator becomes `false_positive` (and every subscriber unblocks) when one of this node's
 * agencies or operators says so, or when FALSE_POSITIVE_QUORUM independent organisations
 * have; before that only the organisation that said so stops being alerted (fan-out).
 * Other actions (blocked, frozen, ...) are for the reporting agency and change nothing here.
 */
@Injectable()
export class FalsePositiveService {
  constructor(@Inject(NODE_CONFIG) private readonly config: NormaliserConfig) {}

  async apply(event: CloudEvent, m: EntityManager): Promise<void> {
    const action = validateEventData(AlertActionV1, ALERT_ACTION_V1, event.data);
    if (action.action !== 'false_positive') return;
    const [indicator] = await queryRows<Locked>(
      m,
      `SELECT id, type, canonical, status, organisations, false_positive_count FROM normaliser.indicators
        WHERE id = $1 FOR UPDATE`,
      [action.indicatorId],
    );
    if (!indicator) return; // not ours (or already gone): nothing to adjust
    // A peer node forwards its members' actions under `node:<id>`: one voice per peer.
    const organisation =
      action.node === this.config.NODE_ID || action.organisationId.startsWith('node:')
        ? action.organisationId
        : `node:${action.node}`;
    const counted = await queryRows(
      m,
      `INSERT INTO normaliser.false_positive_reports
         (indicator_id, organisation_id, role, country, node, action_id, acted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING organisation_id`,
      [
        indicator.id,
        organisation,
        action.role,
        action.country,
        action.node,
        action.actionId,
        action.actedAt,
      ],
    );
    if (counted.length === 0) return; // this organisation already said so
    // the row is locked and only this service counts: one more organisation than before
    const n = indicator.false_positive_count + 1;
    const confirmedBy =
      indicator.status === 'false_positive'
        ? undefined
        : action.node === this.config.NODE_ID && CONFIRMING_ROLES.has(action.role)
          ? `false-positive:${action.role}-of-${action.node}`
          : n >= FALSE_POSITIVE_QUORUM
            ? `false-positive:${n}-independent-organisations`
            : undefined;
    const status: IndicatorFalsePositiveV1['status'] =
      indicator.status === 'false_positive' || confirmedBy ? 'false_positive' : 'active';
    const confidence = confidenceFor(indicator.organisations.length, n);
    await m.query(
      `UPDATE normaliser.indicators SET false_positive_count = $2, confidence = $3,
         status = CASE WHEN $4 THEN 'false_positive' ELSE status END,
         status_changed_at = CASE WHEN $4 THEN now() ELSE status_changed_at END
       WHERE id = $1`,
      [indicator.id, n, confidence, confirmedBy !== undefined],
    );
    const data: IndicatorFalsePositiveV1 = {
      indicatorId: indicator.id,
      type: indicator.type,
      canonical: indicator.canonical,
      falsePositiveReports: n,
      confidence,
      status,
      ...(confirmedBy ? { confirmedBy } : {}),
    };
    await enqueueEvents(m, [
      {
        topic: topicName(this.config.namespace, 'indicators'),
        key: indicator.id,
        event: newEvent(this.config.eventSource, INDICATOR_FALSE_POSITIVE_V1, data, indicator.id),
      },
    ]);
  }
}
