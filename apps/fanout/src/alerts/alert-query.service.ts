import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AlertV1 } from '@wgas/contracts';
import { ProblemException, type Principal } from '@wgas/platform';
import { decodeCursor, encodeCursor } from '../feeds/feed-cursor';
import type { DeliveryState, ListAlertsQuery } from './dtos/list-alerts.query';

export interface AlertStateView {
  id: string;
  subscriptionId: string;
  organisationId: string;
  channel: string;
  action: string;
  rule: string;
  delivery: {
    status: DeliveryState;
    attempts: number | null;
    lastError: string | null;
    deliveredAt: string | null;
  };
  alert: AlertV1;
  createdAt: string;
}

interface Row {
  id: string;
  seq: string;
  subscription_id: string;
  organisation_id: string;
  channel: string;
  action: string;
  reason: string;
  payload: AlertV1;
  created_at: Date;
  status: DeliveryState;
  attempts: number | null;
  last_error: string | null;
  delivered_at: Date | null;
}

/**
 * Delivery state per alert per subscription. Webhook: the delivery row's status.
 * Kafka: pending while its event waits in the outbox, then delivered. Pull feed:
 * delivered once the client presented a cursor past it.
 */
const STATE_SQL = `
  SELECT a.id, a.seq::text AS seq, a.subscription_id, a.organisation_id, s.channel, a.action, a.reason,
         a.payload, a.created_at, d.attempts, d.last_error, d.delivered_at,
         CASE s.channel
           WHEN 'webhook' THEN COALESCE(d.status, 'pending')
           WHEN 'kafka' THEN CASE WHEN EXISTS (SELECT 1 FROM fanout.outbox o WHERE o.event_id = a.id::text)
                                  THEN 'pending' ELSE 'delivered' END
           ELSE CASE WHEN a.seq <= s.feed_acked_seq THEN 'delivered' ELSE 'pending' END
         END AS status
    FROM fanout.alerts a
    JOIN fanout.subscriptions s ON s.id = a.subscription_id
    LEFT JOIN fanout.webhook_deliveries d ON d.alert_id = a.id`;

/** Alert and delivery-state queries: subscribers see their own, operators all. */
@Injectable()
export class AlertQueryService {
  constructor(private readonly ds: DataSource) {}

  async list(
    p: Principal,
    q: ListAlertsQuery,
  ): Promise<{ alerts: AlertStateView[]; nextCursor: string | null }> {
    const before = q.cursor ? decodeCursor(q.cursor) : undefined;
    if (q.cursor && before === undefined) {
      throw new ProblemException(
        HttpStatus.BAD_REQUEST,
        'alerts.invalid_cursor',
        'cursor is not one this API issued',
      );
    }
    const limit = q.limit ?? 100;
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (p.role !== 'operator') add('x.organisation_id = ?', p.organisationId);
    if (q.subscriptionId) add('x.subscription_id = ?', q.subscriptionId);
    if (q.status) add('x.status = ?', q.status);
    if (before !== undefined) add('x.seq::bigint < ?', before);
    params.push(limit + 1);
    const rows = (await this.ds.query(
      `SELECT * FROM (${STATE_SQL}) x ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY x.seq::bigint DESC LIMIT $${params.length}`,
      params,
    )) as Row[];
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      alerts: page.map(toView),
      nextCursor: rows.length > limit && last ? encodeCursor(last.seq) : null,
    };
  }

  async get(p: Principal, id: string): Promise<AlertStateView> {
    const [row] = (await this.ds.query(`${STATE_SQL} WHERE a.id = $1`, [id])) as Row[];
    if (!row || (p.role !== 'operator' && row.organisation_id !== p.organisationId)) {
      throw new ProblemException(HttpStatus.NOT_FOUND, 'alert.not_found', `No alert ${id}.`);
    }
    return toView(row);
  }
}

function toView(r: Row): AlertStateView {
  return {
    id: r.id,
    subscriptionId: r.subscription_id,
    organisationId: r.organisation_id,
    channel: r.channel,
    action: r.action,
    rule: r.reason,
    delivery: {
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      deliveredAt: r.delivered_at ? r.delivered_at.toISOString() : null,
    },
    alert: r.payload,
    createdAt: r.created_at.toISOString(),
  };
}
