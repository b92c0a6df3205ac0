import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ALERT_ACTION_V1,
  AlertActionV1,
  validateEventData,
  type CloudEvent,
} from '@wgas/contracts';
import { SHARED_ACTION_V1, type SharedActionV1 } from '@wgas/federation';
import { enqueueEvents } from '@wgas/messaging';
import { queryRows } from '@wgas/persistence';
import { FederationIdentity } from '../federation-identity';
import { EnvelopeWriter, type EnvelopeToSeal } from './envelope-writer';

/**
 * Sends actions taken here on foreign indicators ("blocked", "account frozen") back to
 * each origin that shared the indicator with us, so they show on the origin's report: the
 * one behind the latest state we imported from that origin (`peer_indicator_state`).
 */
@Injectable()
export class ActionForwardService {
  constructor(
    private readonly identity: FederationIdentity,
    private readonly envelopes: EnvelopeWriter,
  ) {}

  async apply(event: CloudEvent, m: EntityManager): Promise<void> {
    if (event.type !== ALERT_ACTION_V1) return;
    const a = validateEventData(AlertActionV1, event.type, event.data);
    // Only our own organisations' actions travel; relayed foreign ones are already home.
    if (a.node !== this.identity.node) return;
    // One primary-key probe per peer: the origin's report of the latest state we imported.
    const sources = await queryRows<{ origin: string; origin_report_id: string }>(
      m,
      `SELECT s.origin, s.origin_report_id
         FROM unnest($1::text[]) AS p(origin)
         JOIN exchange.peer_indicator_state s ON s.origin = p.origin AND s.indicator_id = $2
        WHERE s.origin_report_id IS NOT NULL`,
      [this.identity.registry.nodes(), a.indicatorId],
    );
    const out: EnvelopeToSeal[] = [];
    for (const s of sources) {
      const payload: SharedActionV1 = {
        to: s.origin,
        actionId: a.actionId,
        indicatorId: a.indicatorId,
        indicatorType: a.indicatorType,
        canonical: a.canonical,
        originReportId: s.origin_report_id,
        action: a.action,
        ...(a.reason ? { reason: a.reason } : {}),
        role: a.role,
        country: a.country,
        actedAt: a.actedAt,
      };
      // Keyed by action, not indicator: the compacted exchange topic keeps every action,
      // and an action never replaces our own indicator's state under the same id (ADR 0008).
      out.push({ kind: SHARED_ACTION_V1, payload, key: `action:${a.actionId}` });
    }
    await enqueueEvents(m, await this.envelopes.sealMany(m, out));
  }
}
