import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { runAfterCommit } from '@wgas/persistence';
import { NODE_CONFIG } from '@wgas/platform';
import type { FanoutConfig } from '../fanout.config';
import { WebhookSender, type DeliveryAttempt } from './webhook-sender';

/** POSTs started per event-loop turn. */
const DISPATCH_SLICE = 100;

/** Deliveries of one subscription: those being POSTed, and those waiting their turn. */
interface Lane {
  sending: number;
  waiting: DeliveryAttempt[];
  /** Index of the next waiting delivery (a queue without shifting the array). */
  head: number;
}

/**
 * Sends new deliveries the moment the transaction that wrote them commits, without a
 * poll or a claim: the writer hands them over with `afterCommit`. The rows were written
 * `pending` with a lease (`next_attempt_at` = now + WEBHOOK_LEASE_MS), so the retry
 * worker leaves them alone while this sends them; whatever fails is rescheduled by the
 * recorded result. A rolled-back transaction sends nothing.
 *
 * Each subscription has at most WEBHOOK_MAX_SOCKETS POSTs in flight (its connection pool),
 * the rest wait in its own queue in commit order: one slow receiver holds up only its
 * own alerts. Beyond WEBHOOK_DISPATCH_MAX_INFLIGHT deliveries held here (sending or
 * waiting), new ones are left to the retry worker (bounded memory under overload), with
 * the same webhook-id: their lease is ended at once, so the worker's next pass takes them
 * (waiting out the whole lease made an overload cost a minute of latency).
 */
@Injectable()
export class WebhookDispatcher {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private readonly lanes = new Map<string, Lane>();
  /** Deliveries held: being sent or waiting in a lane. */
  private held = 0;
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
    for (let i = from; i < to; i++) this.admit(deliveries[i] as DeliveryAttempt);
    if (to < deliveries.length) setImmediate(() => this.dispatch(deliveries, to));
  }

  private admit(d: DeliveryAttempt): void {
    if (this.held >= this.config.WEBHOOK_DISPATCH_MAX_INFLIGHT) {
      // Left to the retry worker, at once: bounded memory under overload.
      if (this.shed++ % 1000 === 0)
        this.logger.warn(`dispatcher saturated, ${this.shed} deliveries left to the worker`);
      this.sender.results.release(d.id);
      return;
    }
    this.held++;
    let lane = this.lanes.get(d.subscription.id);
    if (!lane) {
      lane = { sending: 0, waiting: [], head: 0 };
      this.lanes.set(d.subscription.id, lane);
    }
    if (lane.sending < this.config.WEBHOOK_MAX_SOCKETS) this.send(d.subscription.id, lane, d);
    else lane.waiting.push(d);
  }

  private send(key: string, lane: Lane, d: DeliveryAttempt): void {
    lane.sending++;
    this.sender
      .send(d)
      .catch((e: unknown) => this.logger.warn(`dispatch failed: ${(e as Error).message}`))
      .finally(() => {
        lane.sending--;
        this.held--;
        const next = lane.waiting[lane.head];
        if (next) {
          lane.waiting[lane.head++] = undefined as unknown as DeliveryAttempt;
          if (lane.head === lane.waiting.length) {
            lane.waiting = [];
            lane.head = 0;
          }
          this.send(key, lane, next);
        } else if (lane.sending === 0) {
          this.lanes.delete(key);
        }
      });
  }
}
