// The whole node under a steady load of realistic reports: intake, normaliser and fan-out
// as separate processes (as in production), reports POSTed at a fixed rate from the ASEAN
// report generator, and each indicator's report-to-webhook latency caught at a receiver.
// Also the peak RSS (VmHWM) of each service.
//   KAFKA_BROKERS=127.0.0.1:19792 node -r ./tools/register.js bench/pipeline.bench.ts
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { normalise } from '@wgas/indicators';
import { Client } from 'pg';
import { databaseUrl, dropDatabase } from '@wgas/persistence';
import { generateReports } from './load/report-factory';
import {
  latencySummary,
  machineInfo,
  printFigures,
  REPO_ROOT,
  withBenchKafka,
  writeBenchResult,
  type Figure,
} from './lib/bench-kit';

const RATE = Number(process.env.PIPELINE_BENCH_RATE ?? 100);
const SECONDS = Number(process.env.PIPELINE_BENCH_SECONDS ?? 20);
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
const SERVICES = ['intake', 'normaliser', 'fanout'] as const;

function start(service: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn('node', ['-r', './tools/register.js', `apps/${service}/src/main.ts`], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

function peakRssMiB(pid: number | undefined): number {
  if (!pid) return NaN;
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return Math.round(Number(line?.replace(/\D+/g, '') ?? 0) / 1024);
}

async function waitHealthy(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} never became ready`);
}

async function seedAgencyKey(env: NodeJS.ProcessEnv): Promise<string> {
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn('node', ['-r', './tools/register.js', 'tools/demo/seed-organisations.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
    });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`seed exited ${code}`)),
    );
  });
  const key = /^AGENCY_KEY=(.+)$/m.exec(out)?.[1];
  if (!key) throw new Error('no agency key from the seed script');
  return key;
}

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
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const value = (
        JSON.parse(Buffer.concat(chunks).toString()) as { indicator?: { value?: string } }
      ).indicator?.value;
      const t = value ? sentAt.get(value) : undefined;
      if (t !== undefined) {
        latencies.push(Date.now() - t);
        sentAt.delete(value!);
      }
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/alerts`;
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
    SERVICES.map((s) => [s, start(s, { ...env, HTTP_PORT: String(ports[s]) })]),
  );
  try {
    for (const s of SERVICES) await waitHealthy(`http://127.0.0.1:${ports[s]}/health/ready`);
    // The node is Thailand's: its agencies report in Thai context (foreign values arrive by federation).
    const reports = [
      ...generateReports(RATE * SECONDS, { seed: 11, duplicateRate: 0, countries: ['TH'] }),
    ];
    const started = Date.now();
    let sent = 0;
    let indicators = 0;
    const inflight: Promise<unknown>[] = [];
    const statuses: Record<number, number> = {};
    for (const [i, r] of reports.entries()) {
      const due = started + (i * 1000) / RATE;
      if (due > Date.now()) await new Promise((res) => setTimeout(res, due - Date.now()));
      const now = Date.now();
      for (const ind of r.body.indicators) {
        const n = normalise(ind.value, {
          country: r.country,
          ...(ind.type ? { typeHint: ind.type } : {}),
        });
        if (n.ok && !sentAt.has(n.indicator.canonical)) sentAt.set(n.indicator.canonical, now);
      }
      indicators += r.body.indicators.length;
      inflight.push(
        fetch(`http://127.0.0.1:${ports.intake}/v1/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify(r.body),
        }).then(async (res) => {
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          await res.arrayBuffer();
        }),
      );
      sent++;
    }
    await Promise.all(inflight);
    const expected = latencies.length + sentAt.size;
    const deadline = Date.now() + 60_000;
    while (sentAt.size > 0 && Date.now() < deadline)
      await new Promise((res) => setTimeout(res, 200));
    const elapsed = (Date.now() - started) / 1000;
    const counts = await pipelineCounts(env.DATABASE_NAME);
    console.log('where the reports went:', counts, 'HTTP statuses:', statuses);
    const lat = latencySummary(latencies);
    return [
      {
        stage: `pipeline: report to alert (HTTP in, webhook out) at ${RATE} reports/s for ${SECONDS} s`,
        metric: 'alerts/s',
        value: Math.round(latencies.length / elapsed),
        unit: 'alerts/s',
        sampleSize: latencies.length,
        ...lat,
        latencyUnit: 'ms',
        target: 'p99 < 1 s (issue 6)',
      },
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
        value: sentAt.size,
        unit: `of ${expected} indicators (${sent} reports, ${indicators} raw values)`,
        sampleSize: expected,
      },
    ];
  } finally {
    for (const p of Object.values(procs)) p.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 2000));
    receiver.close();
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
