import { Client } from 'pg';
import { confidenceFor, confidenceSql } from './confidence';

describe('confidenceSql in PostgreSQL', () => {
  it('stores what confidenceFor stores for 0-40 organisations and 0-12 false positives', async () => {
    const grid = Array.from({ length: 41 * 13 }, (_, i) => ({ o: i % 41, f: Math.floor(i / 41) }));
    const db = new Client({ connectionString: process.env.DATABASE_URL as string });
    await db.connect();
    try {
      // both as `real`, the column's type, so both go through the same rounding
      const { rows } = await db.query<{ o: number; f: number; sql: number; ts: number }>(
        `SELECT o, f, ${confidenceSql('o', 'f')} AS sql, ts::real AS ts
           FROM unnest($1::int[], $2::int[], $3::float8[]) AS g(o, f, ts)`,
        [grid.map((g) => g.o), grid.map((g) => g.f), grid.map((g) => confidenceFor(g.o, g.f))],
      );
      expect(rows).toHaveLength(grid.length);
      expect(rows.filter((r) => r.sql !== r.ts)).toEqual([]);
      // 62.5 thousandths: Math.round goes up where PostgreSQL's round(double) goes to even
      expect(rows.find((r) => r.o === 1 && r.f === 3)).toMatchObject({ sql: 0.063 });
    } finally {
      await db.end();
    }
  });
});
