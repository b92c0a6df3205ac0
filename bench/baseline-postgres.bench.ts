// Postgres ceilings: batched inserts and upserts of indicator-shaped rows with `pg`
// alone, the best our store can hope for on this machine.
//   node -r ./tools/register.js bench/baseline-postgres.bench.ts
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { dropDatabase, ensureDatabase, databaseUrl } from '@wgas/persistence';
import {
  busyMicros,
  machineCpu,
  machineInfo,
  printFigures,
  timed,
  writeBenchResult,
  type Figure,
} from './lib/bench-kit';

const ROWS = Number(process.env.BENCH_PG_ROWS ?? 100_000);
const BATCH = 1000;
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432';

function batchSql(upsert: boolean, n: number): string {
  const values = Array.from({ length: n }, (_, i) => {
    const b = i * 6;
    return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 5}, 1, ARRAY[$${b + 6}], 0.5)`;
  }).join(',');
  const conflict = upsert
    ? ' ON CONFLICT (id) DO UPDATE SET last_seen = excluded.last_seen, report_count = indicators.report_count + 1'
    : '';
  return `INSERT INTO indicators (id, type, canonical, display, first_seen, last_seen, report_count, countries, confidence) VALUES ${values}${conflict}`;
}

/**
 * Rows a second, and the machine's busy CPU per row (µs; Postgres and this client together,
 * from /proc/stat, undefined off Linux): what a row costs the machine at the least.
 */
async function insertAll(
  c: Client,
  upsert: boolean,
): Promise<{ rate: number; cpuPerRow: number | undefined }> {
  const sql = batchSql(upsert, BATCH);
  const now = new Date();
  const cpu0 = machineCpu();
  const { seconds } = await timed(async () => {
    for (let start = 0; start < ROWS; start += BATCH) {
      const params: unknown[] = [];
      for (let i = start; i < start + BATCH; i++) {
        params.push(
          `v1:${i.toString(16).padStart(64, '0')}`,
          'phone',
          `+668${String(1e7 + i)}`,
          '+66 8x',
          now,
          'TH',
        );
      }
      await c.query(sql, params);
    }
  });
  const busy = busyMicros(cpu0, machineCpu());
  return {
    rate: Math.round(ROWS / seconds),
    cpuPerRow: busy === undefined ? undefined : busy / ROWS,
  };
}

function cpuFigure(stage: string, cpuPerRow: number | undefined): Figure[] {
  return cpuPerRow === undefined
    ? []
    : [{ stage, metric: 'cpu', value: cpuPerRow, unit: 'µs/row', sampleSize: ROWS }];
}

async function main(): Promise<void> {
  const database = `wgas_bench_${randomBytes(3).toString('hex')}`;
  await ensureDatabase(SERVER, database);
  const c = new Client({ connectionString: databaseUrl(SERVER, database) });
  await c.connect();
  let figures: Figure[];
  try {
    await c.query(`CREATE TABLE indicators (id text PRIMARY KEY, type text NOT NULL, canonical text NOT NULL, display text NOT NULL,
      first_seen timestamptz NOT NULL, last_seen timestamptz NOT NULL, report_count int NOT NULL, countries text[] NOT NULL, confidence real NOT NULL)`);
    const inserts = await insertAll(c, false);
    const upserts = await insertAll(c, true);
    figures = [
      {
        stage: 'baseline: Postgres batched INSERT (pg, 1000 rows/statement)',
        metric: 'rows/s',
        value: inserts.rate,
        unit: 'rows/s',
        sampleSize: ROWS,
      },
      ...cpuFigure(
        'baseline: Postgres, machine CPU per row of the batched INSERT',
        inserts.cpuPerRow,
      ),
      {
        stage: 'baseline: Postgres batched UPSERT on conflict (pg, 1000 rows/statement)',
        metric: 'rows/s',
        value: upserts.rate,
        unit: 'rows/s',
        sampleSize: ROWS,
      },
      ...cpuFigure(
        'baseline: Postgres, machine CPU per row of the batched UPSERT',
        upserts.cpuPerRow,
      ),
    ];
  } finally {
    await c.end();
    await dropDatabase(SERVER, database);
  }
  const result = {
    name: 'baseline-postgres',
    title: 'Postgres ceilings (no WG-AS code)',
    date: new Date().toISOString(),
    rerun: 'node -r ./tools/register.js bench/baseline-postgres.bench.ts',
    machine: await machineInfo(),
    figures,
    notes: [
      'Rows shaped like normaliser.indicators (hash id, type, canonical, display, timestamps, counts, countries, confidence); one connection; default fsync.',
    ],
  };
  printFigures(result);
  console.log(`wrote ${writeBenchResult(result)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
