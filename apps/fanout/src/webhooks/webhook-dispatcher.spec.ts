import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { FanoutConfig } from '../fanout.config';
import { WebhookDispatcher } from './webhook-dispatcher';
import type { DeliveryAttempt, WebhookSender } from './webhook-sender';

/** The transaction events TypeORM sends a subscriber (these ones return nothing). */
type TransactionEvents = {
  afterTransactionCommit(event: unknown): void;
  afterTransactionRollback(event: unknown): void;
};

function attempt(id: string): DeliveryAttempt {
  return {
    id,
    attempts: 0,
    createdAt: new Date(),
    body: '{}',
    subscription: {
      id: 's1',
      webhookUrl: null,
      webhookSecret: null,
      isStatic: false,
      deletedAt: null,
      previousWebhookSecret: null,
      previousSecretExpiresAt: null,
    },
  };
}

describe('WebhookDispatcher', () => {
  let sent: string[];
  let dispatcher: WebhookDispatcher;
  let ds: DataSource;

  function setUp(maxInflight = 100): void {
    sent = [];
    ds = { subscribers: [] as unknown[] } as unknown as DataSource;
    const sender = {
      send: (d: DeliveryAttempt) => {
        sent.push(d.id);
        return new Promise(() => undefined); // stays in flight
      },
    } as unknown as WebhookSender;
    dispatcher = new WebhookDispatcher(sender, {
      WEBHOOK_DISPATCH_MAX_INFLIGHT: maxInflight,
    } as FanoutConfig);
  }

  /** A query runner in a transaction of the given depth, as TypeORM tracks it. */
  function transaction(): { qr: QueryRunner; m: EntityManager } {
    const qr = { isTransactionActive: true } as QueryRunner;
    return { qr, m: { queryRunner: qr, connection: ds } as unknown as EntityManager };
  }

  /** TypeORM's transaction events, as the subscriber registered on the DataSource gets them. */
  const commitEvents = () => ds.subscribers[0] as unknown as TransactionEvents;

  beforeEach(() => setUp());

  it('registers for TypeORM transaction events on first use', () => {
    dispatcher.afterCommit(transaction().m, [attempt('msg_a')]);
    expect(ds.subscribers).toHaveLength(1);
  });

  it('sends deliveries only once their transaction has committed', () => {
    const { qr, m } = transaction();
    dispatcher.afterCommit(m, [attempt('msg_a')]);
    dispatcher.afterCommit(m, [attempt('msg_b')]);
    expect(sent).toEqual([]);
    // releasing a savepoint: still inside the outer transaction
    commitEvents().afterTransactionCommit({ queryRunner: qr } as never);
    expect(sent).toEqual([]);
    (qr as { isTransactionActive: boolean }).isTransactionActive = false;
    commitEvents().afterTransactionCommit({ queryRunner: qr } as never);
    expect(sent).toEqual(['msg_a', 'msg_b']);
    // a later commit on the same runner does not send them again
    commitEvents().afterTransactionCommit({ queryRunner: qr } as never);
    expect(sent).toEqual(['msg_a', 'msg_b']);
  });

  it('sends nothing for a transaction that rolled back', () => {
    const { qr, m } = transaction();
    dispatcher.afterCommit(m, [attempt('msg_a')]);
    (qr as { isTransactionActive: boolean }).isTransactionActive = false;
    commitEvents().afterTransactionRollback({ queryRunner: qr } as never);
    commitEvents().afterTransactionCommit({ queryRunner: qr } as never);
    expect(sent).toEqual([]);
  });

  it('sends at once when the writes were not in a transaction', () => {
    dispatcher.afterCommit({ queryRunner: undefined } as unknown as EntityManager, [
      attempt('msg_a'),
    ]);
    expect(sent).toEqual(['msg_a']);
  });

  it('leaves deliveries beyond the in-flight limit to the retry worker', () => {
    setUp(2);
    dispatcher.afterCommit({} as EntityManager, ['a', 'b', 'c'].map(attempt));
    expect(sent).toEqual(['a', 'b']);
  });
});
