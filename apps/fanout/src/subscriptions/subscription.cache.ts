import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Subscription } from './subscription.entity';

/** How long another replica's subscription change may take to be seen here. */
export const SUBSCRIPTION_CACHE_TTL_MS = 1000;

/**
 * Live subscriptions, read once per second instead of once per indicator event (the
 * consumer's hottest query). Changes made through this process invalidate it at once.
 */
@Injectable()
export class SubscriptionCache {
  private cached: { at: number; rows: Subscription[] } | undefined;

  async active(m: EntityManager): Promise<Subscription[]> {
    if (this.cached && Date.now() - this.cached.at < SUBSCRIPTION_CACHE_TTL_MS)
      return this.cached.rows;
    const rows = await m
      .getRepository(Subscription)
      .createQueryBuilder('s')
      .where('s.deleted_at IS NULL')
      .orderBy('s.created_at')
      .getMany();
    this.cached = { at: Date.now(), rows };
    return rows;
  }

  invalidate(): void {
    this.cached = undefined;
  }
}
