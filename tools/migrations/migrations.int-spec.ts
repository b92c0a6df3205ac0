import { randomBytes } from 'node:crypto';
import { dropDatabase, openServiceDataSource, pendingSchemaChanges } from '@wgas/persistence';
import { SERVICE_SCHEMAS } from './services';

/**
 * Generate-and-diff: on a fresh database, after every committed migration ran, TypeORM
 * must find nothing left to change. A failure here means an entity changed without a
 * migration: run `npm run migration:generate -- <service> <Name>` and commit the file.
 */
describe.each(Object.entries(SERVICE_SCHEMAS))('%s migrations', (service, target) => {
  const serverUrl = process.env.DATABASE_URL as string;
  const database = `wgas_mig_${service}_${randomBytes(3).toString('hex')}`;

  afterAll(async () => {
    await dropDatabase(serverUrl, database);
  });

  it('agree with the entities, and revert cleanly', async () => {
    const ds = await openServiceDataSource({ serverUrl, database, ...target });
    try {
      expect(await pendingSchemaChanges(ds)).toEqual([]);
      const migrations = target.migrations as unknown[];
      for (let i = 0; i < migrations.length; i++)
        await ds.undoLastMigration({ transaction: 'each' });
      const [{ n }] = (await ds.query(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'migrations'`,
        [target.schema],
      )) as [{ n: number }];
      expect(n).toBe(0);
    } finally {
      await ds.destroy();
    }
  });
});
