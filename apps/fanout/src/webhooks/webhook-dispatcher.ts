import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';
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
export class WebhookDispatcher implements EntitySubscriberInterface, OnModuleInit {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private readonly waiting = new WeakMap<QueryRunner, DeliveryAttempt[]>();
  private inflight = 0;
  private shed = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly sender: WebhookSender,
    @Inject(NODE_CONFIG) private readonly config: FanoutConfig,
  ) {}

  onModuleInit(): void {
    // TypeORM calls subscribers on every query runner's commit and rollback.
    this.ds.subscribers.push(this);
  }

  /** Sends `deliveries` once `m`'s transaction has committed (at once if it has none). */
  afterCommit(m: EntityManager, deliveries: DeliveryAttempt[]): void {
    const qr = m.queryRunner;
    if (!qr?.isTransactionActive) return this.dispatch(deliveries);
    const list = this.waiting.get(qr);
    if (list) list.push(...deliveries);
    else this.waiting.set(qr, [...deliveries]);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A savepoint release also lands here; only the outermost commit makes rows visible.
    if (event.queryRunner.isTransactionActive) return;
    const list = this.waiting.get(event.queryRunner);
    if (!list) return;
    this.waiting.delete(event.queryRunner);
    this.dispatch(list);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.waiting.delete(event.queryRunner);
  }

  /**
   * Starts the POSTs a slice at a time, yielding to the event loop in between, so a big
   * batch does not hold up the consumer's next transaction (it waits on its round trips).
   */
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
