import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { runAfterCommit } from './after-commit';

/** The transaction events TypeORM sends a subscriber (these ones return nothing). */
type TransactionEvents = {
  afterTransactionCommit(event: unknown): void;
  afterTransactionRollback(event: unknown): void;
};

describe('runAfterCommit', () => {
  function transaction() {
    const ds = { subscribers: [] as unknown[] } as unknown as DataSource;
    const qr = { isTransactionActive: true } as QueryRunner;
    const m = { queryRunner: qr, connection: ds } as unknown as EntityManager;
    const subscriber = () => ds.subscribers[0] as unknown as TransactionEvents;
    const end = () => ((qr as { isTransactionActive: boolean }).isTransactionActive = false);
    return { ds, qr, m, subscriber, end };
  }

  it('runs the callbacks once the outermost transaction has committed, once, in order', () => {
    const { ds, qr, m, subscriber, end } = transaction();
    const ran: string[] = [];
    runAfterCommit(m, () => ran.push('a'));
    runAfterCommit(m, () => ran.push('b'));
    expect(ds.subscribers).toHaveLength(1); // one subscriber per DataSource
    expect(ran).toEqual([]);
    // releasing a savepoint: still inside the outer transaction
    subscriber().afterTransactionCommit({ queryRunner: qr } as never);
    expect(ran).toEqual([]);
    end();
    subscriber().afterTransactionCommit({ queryRunner: qr } as never);
    expect(ran).toEqual(['a', 'b']);
    // a later commit on the same runner does not run them again
    subscriber().afterTransactionCommit({ queryRunner: qr } as never);
    expect(ran).toEqual(['a', 'b']);
  });

  it('drops the callbacks of a transaction that rolled back', () => {
    const { qr, m, subscriber, end } = transaction();
    const ran: string[] = [];
    runAfterCommit(m, () => ran.push('a'));
    end();
    subscriber().afterTransactionRollback({ queryRunner: qr } as never);
    subscriber().afterTransactionCommit({ queryRunner: qr } as never);
    expect(ran).toEqual([]);
  });

  it('runs at once outside a transaction', () => {
    const ran: string[] = [];
    runAfterCommit({ queryRunner: undefined } as unknown as EntityManager, () => ran.push('a'));
    expect(ran).toEqual(['a']);
  });
});
