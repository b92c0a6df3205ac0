import { randomBytes, randomUUID } from 'node:crypto';
import { dropDatabase, openServiceDataSource } from '@wgas/persistence';
import { EXCHANGE_ENTITIES, EXCHANGE_SCHEMA } from '../exchange.module';
import { EXCHANGE_MIGRATIONS } from '.';

describe('migration PeerIndicatorReport (ADR 0017) on a database with imported state', () => {
  const serverUrl = process.env.DATABASE_URL as string;
  const database = `wgas_mig_pir_${randomBytes(3).toString('hex')}`;

  afterAll(async () => {
    await dropDatabase(serverUrl, database);
  });

  it('gives each peer indicator the report of the newest envelope imported for it', async () => {
    const ds = await openServiceDataSource({
      serverUrl,
      database,
      schema: EXCHANGE_SCHEMA,
      entities: EXCHANGE_ENTITIES,
      migrations: EXCHANGE_MIGRATIONS,
    });
    try {
      await ds.undoLastMigration({ transaction: 'each' });
      const [older, newer, other, action] = [
        randomUUID(),
        randomUUID(),
        randomUUID(),
        randomUUID(),
      ];
      await ds.query(
        `INSERT INTO exchange.imported_envelopes (origin, event_id, kind, sequence, indicator_id, origin_report_id)
         VALUES ('th', 'e1', 'indicator.v1', 1, 'i1', $1), ('th', 'e2', 'indicator.v1', 5, 'i1', $2),
                ('th', 'e3', 'action.v1', 9, 'i1', $4), ('sg', 'e4', 'indicator.v1', 2, 'i1', $3),
                ('sg', 'e5', 'indicator.v1', 3, 'i2', NULL)`,
        [older, newer, other, action],
      );
      await ds.query(
        `INSERT INTO exchange.peer_indicator_state (origin, indicator_id, sequence)
         VALUES ('th', 'i1', 5), ('sg', 'i1', 2), ('sg', 'i2', 3)`,
      );
      await ds.runMigrations({ transaction: 'each' });
      const rows = (await ds.query(
        `SELECT origin, indicator_id, origin_report_id FROM exchange.peer_indicator_state ORDER BY origin, indicator_id`,
      )) as { origin: string; indicator_id: string; origin_report_id: string | null }[];
      expect(rows).toEqual([
        { origin: 'sg', indicator_id: 'i1', origin_report_id: other },
        { origin: 'sg', indicator_id: 'i2', origin_report_id: null },
        { origin: 'th', indicator_id: 'i1', origin_report_id: newer },
      ]);
      const indexes = (await ds.query(
        `SELECT indexname FROM pg_indexes WHERE schemaname = 'exchange' AND tablename = 'imported_envelopes'`,
      )) as { indexname: string }[];
      expect(indexes.map((i) => i.indexname)).toEqual([expect.stringMatching(/^PK_/)]);
    } finally {
      await ds.destroy();
    }
  });
});
