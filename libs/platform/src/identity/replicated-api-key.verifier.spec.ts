import type { DataSource, EntityManager } from 'typeorm';
import { sha256Hex } from './api-key-format';
import { ReplicatedApiKeyVerifier } from './replicated-api-key.verifier';

/** The transaction events TypeORM sends a subscriber (these ones return nothing). */
type TransactionEvents = {
  afterTransactionCommit(event: unknown): void;
  afterTransactionRollback(event: unknown): void;
};

const secret = 'S'.repeat(43);
const keyId = '0123456789abcdef';
const key = `wgas_${keyId}_${secret}`;

type Row = Record<string, unknown>;

/** A DataSource whose key table is `rows`, counting the queries it answers. */
function fakeDataSource(rows: Map<string, Row>) {
  const ds = {
    options: { schema: 'svc' },
    subscribers: [] as unknown[],
    queries: 0,
    query: jest.fn(async (_sql: string, [id]: [string]) => {
      ds.queries++;
      const row = rows.get(id); // the row as the query saw it; the answer arrives later
      await Promise.resolve();
      return row ? [{ ...row }] : [];
    }),
  };
  return ds;
}

const bankRow = (over: Row = {}): Row => ({
  organisation_id: 'th-bank-1',
  role: 'bank',
  country: 'TH',
  secret_sha256: sha256Hex(secret),
  expires_at: null,
  revoked_at: null,
  ...over,
});

describe('ReplicatedApiKeyVerifier cache', () => {
  let rows: Map<string, Row>;
  let ds: ReturnType<typeof fakeDataSource>;
  let verifier: ReplicatedApiKeyVerifier;

  beforeEach(() => {
    jest.useFakeTimers({ now: Date.parse('2026-11-26T00:00:00Z') });
    rows = new Map([[keyId, bankRow()]]);
    ds = fakeDataSource(rows);
    verifier = new ReplicatedApiKeyVerifier(ds as unknown as DataSource, 5000);
  });

  afterEach(() => jest.useRealTimers());

  it('answers a known key from memory until the TTL runs out', async () => {
    expect(await verifier.verify(key)).toEqual({
      organisationId: 'th-bank-1',
      role: 'bank',
      country: 'TH',
      keyId,
    });
    expect(await verifier.verify(key)).toBeDefined();
    expect(ds.queries).toBe(1);
    jest.setSystemTime(Date.now() + 4999);
    await verifier.verify(key);
    expect(ds.queries).toBe(1);
    jest.setSystemTime(Date.now() + 1);
    await verifier.verify(key);
    expect(ds.queries).toBe(2);
  });

  it('checks the secret and the expiry on every request, cached or not', async () => {
    rows.set(keyId, bankRow({ expires_at: new Date(Date.now() + 1000) }));
    expect(await verifier.verify(key)).toBeDefined();
    expect(await verifier.verify(`wgas_${keyId}_${'T'.repeat(43)}`)).toBeUndefined();
    jest.setSystemTime(Date.now() + 1000);
    expect(await verifier.verify(key)).toBeUndefined();
    expect(ds.queries).toBe(1);
  });

  it('does not remember unknown keys, so a new key works at once', async () => {
    rows.clear();
    expect(await verifier.verify(key)).toBeUndefined();
    rows.set(keyId, bankRow());
    expect(await verifier.verify(key)).toBeDefined();
    expect(ds.queries).toBe(2);
  });

  it('forgets a key changed in a transaction, again when it commits', async () => {
    const queryRunner = { isTransactionActive: true };
    const manager = { queryRunner, connection: ds } as unknown as EntityManager;
    // TypeORM's transaction events reach the commit callbacks through their subscriber
    const commitEvents = () => ds.subscribers[0] as unknown as TransactionEvents;
    await verifier.verify(key);

    verifier.forgetOnCommit(manager, keyId);
    expect(ds.subscribers).toHaveLength(1); // registered for transaction events
    // a request between the change and its commit still reads (and caches) the old row
    expect(await verifier.verify(key)).toBeDefined();
    rows.set(keyId, bankRow({ revoked_at: new Date() }));
    expect(await verifier.verify(key)).toBeDefined();

    // a released savepoint is not the commit
    commitEvents().afterTransactionCommit({ queryRunner } as never);
    expect(await verifier.verify(key)).toBeDefined();

    queryRunner.isTransactionActive = false;
    commitEvents().afterTransactionCommit({ queryRunner } as never);
    expect(await verifier.verify(key)).toBeUndefined();
  });

  it('does not remember a read that raced a change', async () => {
    const pending = verifier.verify(key); // query in flight, old row
    verifier.forget(keyId);
    rows.set(keyId, bankRow({ role: 'telco' }));
    expect((await pending)?.role).toBe('bank');
    expect((await verifier.verify(key))?.role).toBe('telco');
  });

  it('asks the database every time with a TTL of 0', async () => {
    const uncached = new ReplicatedApiKeyVerifier(ds as unknown as DataSource, 0);
    await uncached.verify(key);
    await uncached.verify(key);
    expect(ds.queries).toBe(2);
  });
});
