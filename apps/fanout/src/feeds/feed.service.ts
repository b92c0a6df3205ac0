import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AlertV1 } from '@wgas/contracts';
import { NODE_CONFIG, ProblemException, type Principal } from '@wgas/platform';
import type { FanoutConfig } from '../fanout.config';
import { SubscriptionService } from '../subscriptions/subscription.service';
import { decodeCursor, encodeCursor } from './feed-cursor';

export const DEFAULT_FEED_LIMIT = 100;

export interface FeedPage {
  subscriptionId: string;
  alerts: AlertV1[];
  nextCursor: string;
  hasMore: boolean;
}

/**
 * One page of a subscription's alerts after a cursor, in sequence order. Alerts are
 * committed in sequence order (alert-writer.ts), so a client that keeps presenting the
 * `nextCursor` it got sees every alert exactly once. Presenting a cursor acknowledges
 * everything before it (delivery state `delivered` for feed subscriptions).
 */
@Injectable()
export class FeedService {
  constructor(
    private readonly ds: DataSource,
    private readonly subscriptions: SubscriptionService,
    @Inject(NODE_CONFIG) private readonly config: FanoutConfig,
  ) {}

  get nodeId(): string {
    return this.config.NODE_ID;
  }

  async page(
    p: Principal,
    subscriptionId: string,
    cursor: string | undefined,
    limit = DEFAULT_FEED_LIMIT,
  ): Promise<FeedPage> {
    const after = decodeCursor(cursor);
    if (after === undefined) {
      throw new ProblemException(
        HttpStatus.BAD_REQUEST,
        'feed.invalid_cursor',
        'cursor is not one this feed issued',
        [
          {
            field: 'cursor',
            rule: 'cursor',
            message: 'use nextCursor from a previous page, or omit it',
          },
        ],
      );
    }
    const s = await this.subscriptions.find(p, subscriptionId, { read: true });
    const rows = (await this.ds.query(
      `SELECT seq::text AS seq, payload FROM fanout.alerts
        WHERE subscription_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [s.id, after, limit + 1],
    )) as { seq: string; payload: AlertV1 }[];
    const page = rows.slice(0, limit);
    if (s.channel === 'feed' && s.organisationId === p.organisationId && after !== '0') {
      await this.ds.query(
        'UPDATE fanout.subscriptions SET feed_acked_seq = GREATEST(feed_acked_seq, $2) WHERE id = $1',
        [s.id, after],
      );
    }
    const last = page[page.length - 1];
    return {
      subscriptionId: s.id,
      alerts: page.map((r) => r.payload),
      nextCursor: encodeCursor(last ? last.seq : after),
      hasMore: rows.length > limit,
    };
  }
}
