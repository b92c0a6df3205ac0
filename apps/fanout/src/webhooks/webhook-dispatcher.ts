import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { runAfterCommit } from '@wgas/persistence';
import { NODE_CONFIG } from '@wgas/platform';
import type { FanoutConfig } from '../fanout.config';
import { WebhookSender, type DeliveryAttempt } from './webhook-sender';

/** POSTs started per event-loop turn. */
const DISPATCH_SLICE = 100;

/**
 * Sends new deliveries the moment the transaction that wrote them commits, without a
 * poll or a claim: the writer hands them over with `afterCommit`. The rows were written
 * `pending` with a lease (`next_attempt_at` = now + WEBHOOK_LEASE_MS), so the retry
 * worker leaves them alone while this sends them; whatever fails is rescheduled by the
 * recorded result, and whatever is never sent (a crash, or more than
 * WEBHOOK_DISPATCH_MAX_INFLIGHT in flight) is picked up by the worker when the lease ends,
 * with the same webhook-id. A rolled-back transaction sends nothing.
 */
@Injectable()
export class WebhookDispatcher {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private inflight = 0;
  private shed = 0;

  constructor(
    private readonly sender: WebhookSender,
    @Inject(NODE_CONFIG) private readonly config: FanoutConfig,
  ) {}

  /** Sends `deliveries` once `m`'s transaction has committed (at once outside one). */
  afterCommit(m: EntityManager, deliveries: DeliveryAttempt[]): void {
    runAfterCommit(m, () => this.dispatch(deliveries));
  }

  private dispatch(deliveries: DeliveryAttempt[], from = 0): void {
    const to = Math.min(deliveries.length, from + DISPATCH_SLICE);
    for (let i = from; i < to; i++) this.start(deliveries[i] as DeliveryAttempt);
    if (to < deliveries.length) setImmediate(() => this.dispatch(deliveries, to));
  }

  private start(d: DeliveryAttempt): void {
    if (this.inflight >= this.config.WEBHOOK_DISPATCH_MAX_INFLIGHT) {
      // Left to the retry worker after the lease: bounded memory under overload.
      if (this.shed++ % 1000 === 0)
        this.logger.warn(`dispatcher saturated, ${this.shed} deliveries left to the worker`);
      return;
    }
    this.inflight++;
    this.sender
      .send(d)
      .catch((e: unknown) => this.logger.warn(`dispatch failed: ${(e as Error).message}`))
      .finally(() => this.inflight--);
  }
}
