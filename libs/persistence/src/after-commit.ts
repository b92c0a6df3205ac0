import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

/**
 * Callbacks waiting for the outermost transaction of their query runner to commit; dropped
 * if it rolls back. One per DataSource, registered as a TypeORM subscriber on first use.
 */
class CommitCallbacks implements EntitySubscriberInterface<unknown> {
  private readonly waiting = new WeakMap<QueryRunner, (() => void)[]>();

  add(queryRunner: QueryRunner, fn: () => void): void {
    const list = this.waiting.get(queryRunner);
    if (list) list.push(fn);
    else this.waiting.set(queryRunner, [fn]);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // a released savepoint also "commits"; only the outermost commit makes the writes visible
    if (event.queryRunner.isTransactionActive) return;
    const list = this.waiting.get(event.queryRunner);
    if (!list) return;
    this.waiting.delete(event.queryRunner);
    for (const fn of list) fn();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.waiting.delete(event.queryRunner);
  }
}

const callbacksOf = new WeakMap<DataSource, CommitCallbacks>();

/**
 * Runs `fn` once the manager's transaction has committed (at once when the manager is in
 * no transaction); never if it rolls back. For work that must only see committed rows:
 * sending what was just written, or dropping a cache entry the transaction changed.
 */
export function runAfterCommit(manager: EntityManager, fn: () => void): void {
  const queryRunner = manager.queryRunner;
  if (!queryRunner?.isTransactionActive) return fn();
  let callbacks = callbacksOf.get(manager.connection);
  if (!callbacks) {
    callbacks = new CommitCallbacks();
    manager.connection.subscribers.push(callbacks);
    callbacksOf.set(manager.connection, callbacks);
  }
  callbacks.add(queryRunner, fn);
}
