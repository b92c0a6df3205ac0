// The whole node under a steady load of realistic reports: intake, normaliser and fan-out
// as separate processes (as in production), reports POSTed at a fixed rate from the ASEAN
// report generator, and each indicator's report-to-webhook latency caught at a receiver.
// Also the peak RSS (VmHWM) of each service.
//   KAFKA_BROKERS=127.0.0.1:19792 node -r ./tools/register.js bench/pipeline.bench.ts
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl, dropDatabase } from '@wgas/persistence';
import { AlertCatcher, runLoad } from './load/load-generator';
import { generateReports } from './load/report-factory';
import {
  cpuSeconds,
  peakRssMiB,
  seedAgencyKey,
  startService,
  waitHealthy,
} from './lib/node-processes';
import {
  latencySummary,
  machineInfo,
  printFigures,
  withBenchKafka,
  writeBenchResult,
  type Figure,
} from './lib/bench-kit';

const RATE = Number(process.env.PIPELINE_BENCH_RATE ?? 100);
const SECONDS = Number(process.env.PIPELINE_BENCH_SECONDS ?? 20);
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
const SERVICES = ['intake', 'normaliser', 'fanout'] as const;

/** Rows at each stage, to see where anything missing stopped. */
async function pipelineCounts(database: string): Promise<Record<string, number>> {
  const c = new Client({ connectionString: databaseUrl(SERVER, database) });
  await c.connect();
  try {
    const one = async (sql: string) => Number(((await c.query(sql)).rows[0] as { n: string }).n);
    return {
      reports: await one('SELECT count(*) AS n FROM intake.reports'),
      outboxBacklog: await one('SELECT count(*) AS n FROM intake.outbox'),
      rawAccepted: await one(
        "SELECT count(*) AS n FROM intake.raw_indicators WHERE outcome = 'accepted'",
      ),
      rawRejected: await one(
        "SELECT count(*) AS n FROM intake.raw_indicators WHERE outcome = 'rejected'",
      ),
      indicators: await one('SELECT count(*) AS n FROM normaliser.indicators'),
      alerts: await one('SELECT count(*) AS n FROM fanout.alerts'),
      delivered: await one(
        "SELECT count(*) AS n FROM fanout.webhook_deliveries WHERE status = 'delivered'",
      ),
      pendingDeliveries: await one(
        "SELECT count(*) AS n FROM fanout.webhook_deliveries WHERE status = 'pending'",
      ),
    };
  } finally {
    await c.end();
  }
}

async function run(brokers: string): Promise<Figure[]> {
  const ns = `bench${randomBytes(4).toString('hex')}`;
  const catcher = await new AlertCatcher().start();
  const hook = catcher.url;
  const env = {
    NODE_ID: 'th',
    TOPIC_NAMESPACE: ns,
    DATABASE_NAME: `wgas_${ns}`,
    DATABASE_URL: SERVER,
    KAFKA_BROKERS: brokers,
    LOG_LEVEL: 'warn',
    CONSORTIUM_KEY: randomBytes(32).toString('base64url'),
    WEBHOOK_URL: hook,
    WEBHOOK_ROLE: 'agency',
    WEBHOOK_SECRET: `whsec_${randomBytes(32).toString('base64')}`,
  };
  const key = await seedAgencyKey(env);
  const ports = { intake: 3900, normaliser: 3901, fanout: 3902 };
  const procs = Object.fromEntries(
    SERVICES.map((s) => [s, startService(s, { ...env, HTTP_PORT: String(ports[s]) })]),
  );
  try {
    for (const s of SERVICES) await waitHealthy(`http://127.0.0.1:${ports[s]}/health/ready`);
    // The node is Thailand's: its agencies report in Thai context (foreign values arrive by federation).
    const reports = [
      ...generateReports(RATE * SECONDS, { seed: 11, duplicateRate: 0, countries: ['TH'] }),
    ];
    const t0 = Date.now();
    const cpu0 = SERVICES.map((s) => cpuSeconds(procs[s]!.pid));
    const load = await runLoad({
      intakeUrl: `http://127.0.0.1:${ports.intake}`,
      apiKey: key,
      reports,
      rate: RATE,
      country: 'TH',
      catcher,
    });
    const expected = catcher.latencies.length + catcher.outstanding;
    await catcher.waitAll(60_000);
    const elapsed = (Date.now() - t0) / 1000;
    const cpu = SERVICES.map((s, i) => cpuSeconds(procs[s]!.pid) - cpu0[i]!);
    const counts = await pipelineCounts(env.DATABASE_NAME);
    console.log('where the reports went:', counts, 'HTTP statuses:', load.statuses);
    const lat = latencySummary(catcher.latencies);
    return [
      {
        stage: `pipeline: report to alert (HTTP in, webhook out) at ${RATE} reports/s for ${SECONDS} s`,
        metric: 'alerts/s',
        value: Math.round(catcher.latencies.length / elapsed),
        unit: 'alerts/s',
        sampleSize: catcher.latencies.length,
        ...lat,
        latencyUnit: 'ms',
        target: 'p99 < 1 s (issue 6)',
      },
      // CPU per report is steadier than latency on a shared machine: it says what each
      // service costs, where latency also says how busy everything else was.
      ...SERVICES.map((s, i) => ({
        stage: `CPU of ${s} per report (load and drain)`,
        metric: 'CPU µs/report',
        value: Math.round((cpu[i]! / Math.max(1, load.sent)) * 1e6),
        unit: `µs/report (${cpu[i]!.toFixed(1)} CPU-s)`,
        sampleSize: load.sent,
      })),
      ...SERVICES.map((s) => ({
        stage: `peak RSS: ${s}`,
        metric: 'VmHWM',
        value: peakRssMiB(procs[s]!.pid),
        unit: 'MiB',
        sampleSize: 1,
      })),
      {
        stage: 'pipeline: alerts not seen within 60 s of the last report',
        metric: 'missing',
        value: catcher.outstanding,
        unit: `of ${expected} indicators (${load.sent} reports, ${load.rawValues} raw values)`,
        sampleSize: expected,
      },
    ];
  } finally {
    for (const p of Object.values(procs)) p.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 2000));
    await catcher.stop();
    await dropDatabase(SERVER, env.DATABASE_NAME).catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const figures = await withBenchKafka(run);
  const result = {
    name: 'pipeline',
    title: 'Whole node: report to alert under steady load',
    date: new Date().toISOString(),
    rerun: 'node -r ./tools/register.js bench/pipeline.bench.ts',
    machine: await machineInfo(),
    figures,
    notes: [
      'Intake, normaliser and fan-out run as separate processes on this machine together with Kafka, Postgres, the load generator and the webhook receiver (2 cores in all).',
      'Reports come from bench/load/report-factory.ts (Thai agencies on the Thai node: national formats, no repeats so each indicator alerts once); latency is from the POST to the webhook of each indicator, the first time it is reported.',
    ],
  };
  printFigures(result);
  console.log(`wrote ${writeBenchResult(result)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
