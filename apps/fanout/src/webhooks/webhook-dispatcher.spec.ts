import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { FanoutConfig } from '../fanout.config';
import { WebhookDispatcher } from './webhook-dispatcher';
import type { DeliveryAttempt, WebhookSender } from './webhook-sender';

/** The transaction events TypeORM sends a subscriber (these ones return nothing). */
type TransactionEvents = {
  afterTransactionCommit(event: unknown): void;
  afterTransactionRollback(event: unknown): void;
};

function attempt(id: string, subscription = 's1'): DeliveryAttempt {
  return {
    id,
    attempts: 0,
    createdAt: new Date(),
    body: '{}',
    subscription: {
      id: subscription,
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
  /** Deliveries handed to the retry worker (their lease ended). */
  let released: string[];
  /** Ends the POST of a delivery (it stays in flight until then). */
  let finish: Map<string, () => void>;
  let dispatcher: WebhookDispatcher;
  let ds: DataSource;

  function setUp(maxInflight = 100, socketsPerSubscription = 64): void {
    sent = [];
    released = [];
    finish = new Map();
    ds = { subscribers: [] as unknown[] } as unknown as DataSource;
    const sender = {
      send: (d: DeliveryAttempt) => {
        sent.push(d.id);
        return new Promise<void>((resolve) => finish.set(d.id, resolve));
      },
      results: { release: (id: string) => released.push(id) },
    } as unknown as WebhookSender;
    dispatcher = new WebhookDispatcher(sender, {
      WEBHOOK_DISPATCH_MAX_INFLIGHT: maxInflight,
      WEBHOOK_MAX_SOCKETS: socketsPerSubscription,
    } as FanoutConfig);
  }

  /** Lets a POST end, and the promise callbacks after it run. */
  async function complete(id: string): Promise<void> {
    finish.get(id)!();
    for (let i = 0; i < 5; i++) await Promise.resolve();
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

  it('leaves deliveries beyond the in-flight limit to the retry worker, at once', () => {
    setUp(2);
    dispatcher.afterCommit(
      {} as EntityManager,
      ['a', 'b', 'c'].map((id) => attempt(id)),
    );
    expect(sent).toEqual(['a', 'b']);
    expect(released).toEqual(['c']);
  });

  it("keeps a subscription's deliveries beyond its connections waiting, in order", async () => {
    setUp(100, 2);
    dispatcher.afterCommit(
      {} as EntityManager,
      ['a', 'b', 'c', 'd'].map((id) => attempt(id)),
    );
    expect(sent).toEqual(['a', 'b']);
    await complete('b');
    expect(sent).toEqual(['a', 'b', 'c']);
    await complete('a');
    await complete('c');
    expect(sent).toEqual(['a', 'b', 'c', 'd']);
  });

  it('does not hold other subscriptions behind a slow one', () => {
    setUp(100, 1);
    dispatcher.afterCommit({} as EntityManager, [
      attempt('slow-1', 'slow'),
      attempt('slow-2', 'slow'),
      attempt('fast-1', 'fast'),
    ]);
    expect(sent).toEqual(['slow-1', 'fast-1']);
  });

  it('counts waiting deliveries against the in-flight limit, and frees it as they finish', async () => {
    setUp(3, 1);
    dispatcher.afterCommit(
      {} as EntityManager,
      ['a', 'b', 'c', 'd'].map((id) => attempt(id)),
    );
    expect(sent).toEqual(['a']); // b and c wait; d is left to the worker
    expect(released).toEqual(['d']);
    await complete('a');
    await complete('b');
    await complete('c');
    dispatcher.afterCommit({} as EntityManager, [attempt('e')]);
    expect(sent).toEqual(['a', 'b', 'c', 'e']);
  });
});
