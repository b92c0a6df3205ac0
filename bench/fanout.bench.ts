// Fan-out delivery throughput and latency: 10 webhook subscribers (telcos) and indicator
// events arriving at a steady 500 per second (one phone per report, as the normaliser
// emits them), for DURATION_S seconds after a warm-up.
//   KAFKA_BROKERS=127.0.0.1:19692 node -r ./tools/register.js bench/fanout.bench.ts
// Runs fan-out as its own process (apps/fanout/src/main.ts; FANOUT_BENCH_REPLICAS of them)
// on a fresh database and topic namespace; the 10 receivers run in a child process of
// their own (this file with --receivers), the load generator in this one. 127.0.0.1 only.
// Two runs, one after the other, on the same processes:
//  - indicators: indicator events (what the normaliser emits) at the rate; the fan-out stage.
//  - reports: report events on `<ns>.reports.v1` at the rate, through a normaliser process
//    and fan-out: report to webhook, everything after intake's outbox.
// Knobs: FANOUT_BENCH_RATE (500/s), FANOUT_BENCH_SECONDS (20), FANOUT_BENCH_REPLICAS (1),
// FANOUT_BENCH_FROM (indicators,reports), FANOUT_BENCH_WRITE=0 (print only, while iterating).
// Prints a table and writes bench/results/fanout.json. Not a test: nothing asserts on time.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import {
  EVENT_TYPES,
  toKafkaMessage,
  topicName,
  type IndicatorUpsertedV1,
  type ReportSubmittedV1,
} from '@wgas/contracts';
import { createKafka, createProducer, newEvent } from '@wgas/messaging';
import { dropDatabase } from '@wgas/persistence';
import {
  latencySummary,
  machineInfo,
  printFigures,
  REPO_ROOT,
  writeBenchResult,
  type BenchResult,
  type Figure,
} from './lib/bench-kit';
import { cpuSeconds, freePort } from './lib/node-processes';

const SUBSCRIBERS = 10;
const RATE_PER_SECOND = Number(process.env.FANOUT_BENCH_RATE ?? 500);
const DURATION_S = Number(process.env.FANOUT_BENCH_SECONDS ?? 20);
/** Fan-out processes sharing the consumer group and the deliveries table. */
const REPLICAS = Number(process.env.FANOUT_BENCH_REPLICAS ?? 1);
const FROM = (process.env.FANOUT_BENCH_FROM ?? 'indicators,reports').split(',') as Mode[];
type Mode = 'indicators' | 'reports';
const WARMUP_EVENTS = 200;
const TICK_MS = 20;
const DRAIN_TIMEOUT_MS = 180_000;

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
const namespace = `bench${randomBytes(4).toString('hex')}`;
const database = `wgas_${namespace}`;

/** Arrival times per receiver, by indicator value (epoch ms, sub-millisecond). */
type Arrivals = Map<string, number>;

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes. */
const epochMs = () => performance.timeOrigin + performance.now();

type ReceiverMessage =
  { ready: number[] } | { arrivals: [subscriber: number, value: string, at: number][] };

/**
 * Receiver process (`--receivers`): SUBSCRIBERS node:http servers with keep-alive, each
 * answering 204 at once and reporting first arrivals to the parent every 50 ms.
 */
async function runReceivers(): Promise<void> {
  let batch: [number, string, number][] = [];
  const ports: number[] = [];
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const seen = new Set<string>();
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const now = epochMs();
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          indicator: { value: string };
        };
        if (!seen.has(body.indicator.value)) {
          seen.add(body.indicator.value);
          batch.push([i, body.indicator.value, now]);
        }
        res.statusCode = 204;
        res.end();
      });
    });
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', 511, r));
    ports.push((server.address() as AddressInfo).port);
  }
  const send = (m: ReceiverMessage) => process.send?.(m);
  setInterval(() => {
    if (batch.length === 0) return;
    send({ arrivals: batch });
    batch = [];
  }, 50);
  process.on('disconnect', () => process.exit(0));
  send({ ready: ports });
}

/** Starts the receiver process; arrivals fill in as it reports them. */
async function startReceivers(): Promise<{
  child: ChildProcess;
  ports: number[];
  arrivals: Arrivals[];
}> {
  const arrivals: Arrivals[] = Array.from({ length: SUBSCRIBERS }, () => new Map());
  const child = fork(__filename, ['--receivers'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    execArgv: [...nodeArgs(), ...process.execArgv],
  });
  const ports = await new Promise<number[]>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`receivers exited with ${code}`)));
    child.on('message', (m: ReceiverMessage) => {
      if ('ready' in m) resolve(m.ready);
      else for (const [i, value, at] of m.arrivals) arrivals[i]?.set(value, at);
    });
  });
  return { child, ports, arrivals };
}

/** FANOUT_BENCH_NODE_ARGS for the child processes, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`. */
function nodeArgs(): string[] {
  return (process.env.FANOUT_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
}

const CONSORTIUM_KEY = randomBytes(32).toString('base64url');

async function startApp(app: 'fanout' | 'normaliser', port: number): Promise<ChildProcess> {
  const args = [...nodeArgs(), '-r', './tools/register.js', `apps/${app}/src/main.ts`];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ID: 'th',
      TOPIC_NAMESPACE: namespace,
      DATABASE_NAME: database,
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: brokers.join(','),
      HTTP_PORT: String(port),
      LOG_LEVEL: 'warn',
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      CONSORTIUM_KEY,
    },
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${app} exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${app} did not become ready`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Subscriptions go straight into fan-out's table: the API's key replication is not what we measure. */
async function subscribe(urls: string[]): Promise<void> {
  const c = new Client({ connectionString: `${databaseUrl}/${database}` });
  await c.connect();
  try {
    for (const [i, url] of urls.entries()) {
      const secret = `whsec_${randomBytes(32).toString('base64')}`;
      await c.query(
        `INSERT INTO fanout.subscriptions (id, organisation_id, role, country, channel, webhook_url, webhook_secret, types)
         VALUES ($1, $2, 'telco', 'TH', 'webhook', $3, $4, '{phone}')`,
        [randomUUID(), `bench-telco-${i}`, url, `plain:${secret}`],
      );
    }
  } finally {
    await c.end();
  }
}

/** Where the time goes: the consumer's alert-insert rate and the worker's delivery rate. */
async function stageRates(since: number): Promise<{
  alertsPerSecond: number;
  deliveriesPerSecond: number;
  /** Event created (its firstSeen) to alert stored, p50/p99 ms: the consumer's share. */
  consumerMs: string;
  /** Alert stored to delivery recorded, p50/p99 ms: the dispatcher's share. */
  dispatchMs: string;
  attemptsPerDelivery: number;
}> {
  const c = new Client({ connectionString: `${databaseUrl}/${database}` });
  await c.connect();
  try {
    const rate = async (sql: string) => {
      const [r] = (await c.query(sql)).rows as { n: number; s: number }[];
      return r && r.s > 0 ? Math.round(r.n / r.s) : 0;
    };
    const percentiles = async (interval: string) => {
      const [r] = (
        await c.query(
          `SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${interval}) * 1000)) AS p50,
                  round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM ${interval}) * 1000)) AS p99
             FROM fanout.webhook_deliveries d JOIN fanout.alerts a ON a.id = d.alert_id WHERE a.${window}`,
        )
      ).rows as { p50: number; p99: number }[];
      return `${r?.p50 ?? '?'}/${r?.p99 ?? '?'}`;
    };
    // alerts of the steady load only: created after it started
    const window = `created_at >= to_timestamp(${since / 1000})`;
    return {
      alertsPerSecond: await rate(
        `SELECT count(*)::int AS n, extract(epoch FROM max(created_at) - min(created_at))::float AS s FROM fanout.alerts WHERE ${window}`,
      ),
      deliveriesPerSecond: await rate(
        `SELECT count(*)::int AS n, extract(epoch FROM max(d.delivered_at) - min(a.created_at))::float AS s
           FROM fanout.webhook_deliveries d JOIN fanout.alerts a ON a.id = d.alert_id WHERE a.${window}`,
      ),
      consumerMs: await percentiles(
        `a.created_at - (a.payload->'indicator'->>'firstSeen')::timestamptz`,
      ),
      dispatchMs: await percentiles('d.delivered_at - a.created_at'),
      attemptsPerDelivery: Number(
        (
          await c.query(
            `SELECT avg(d.attempts)::float AS n FROM fanout.webhook_deliveries d JOIN fanout.alerts a ON a.id = d.alert_id WHERE a.${window}`,
          )
        ).rows[0]?.n ?? 0,
      ),
    };
  } finally {
    await c.end();
  }
}

function indicatorEvent(n: number): { value: string; message: ReturnType<typeof toKafkaMessage> } {
  const value = `+6681${String(n).padStart(7, '0')}`;
  const now = new Date().toISOString();
  const data: IndicatorUpsertedV1 = {
    indicatorId: `ind_bench_${n}`,
    change: 'created',
    type: 'phone',
    canonical: value,
    display: value,
    reportId: randomUUID(),
    reportCountry: 'TH',
    typology: 'investment',
    tlp: 'GREEN',
    reportCount: 1,
    countries: ['TH'],
    confidence: 0.5,
    firstSeen: now,
    lastSeen: now,
  };
  const event = newEvent(
    'urn:aseanwgas:node:th',
    EVENT_TYPES.indicatorUpserted,
    data,
    data.indicatorId,
  );
  return { value, message: toKafkaMessage(event, data.indicatorId) };
}

/** A Thai agency's report naming one phone number in E.164 (its canonical form). */
function reportEvent(n: number): { value: string; message: ReturnType<typeof toKafkaMessage> } {
  const value = `+6682${String(n).padStart(7, '0')}`;
  const data: ReportSubmittedV1 = {
    reportId: randomUUID(),
    organisationId: 'th-agency-1',
    country: 'TH',
    typology: 'investment',
    tlp: 'GREEN',
    submittedAt: new Date().toISOString(),
    indicators: [{ rawIndicatorId: randomUUID(), value, typeHint: 'phone' }],
  };
  const event = newEvent('urn:aseanwgas:node:th', EVENT_TYPES.reportSubmitted, data, data.reportId);
  return { value, message: toKafkaMessage(event, data.reportId) };
}

interface ModeRun {
  figures: Figure[];
  notes: string[];
}

async function main(): Promise<void> {
  const receivers = await startReceivers();
  const { arrivals } = receivers;
  // One at a time: each runs the migrations at start.
  const fanouts: ChildProcess[] = [];
  for (let i = 0; i < REPLICAS; i++) fanouts.push(await startApp('fanout', await freePort()));
  const normaliser = FROM.includes('reports')
    ? await startApp('normaliser', await freePort())
    : undefined;
  const kafka = createKafka({ brokers, clientId: 'fanout-bench' });
  const producer = createProducer(kafka);
  await producer.connect();
  /** Per event number: its indicator value and when it was sent. */
  const sent: { value: string; at: number }[] = [];
  let next = 0;
  const delivered = () => arrivals.reduce((n, a) => n + a.size, 0);
  const waitDelivered = async (target: number) => {
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    while (delivered() < target && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
  };

  /** Warm-up, then RATE_PER_SECOND events of `mode` for DURATION_S, then the drain. */
  const run = async (mode: Mode): Promise<ModeRun> => {
    const topic = topicName(namespace, mode);
    const make = mode === 'indicators' ? indicatorEvent : reportEvent;
    const send = async (count: number) => {
      const batch = Array.from({ length: count }, () => make(next++));
      const t = epochMs();
      for (const b of batch) sent.push({ value: b.value, at: t });
      await producer.send({ topic, acks: -1, messages: batch.map((b) => b.message) });
    };
    const first = next;
    await send(WARMUP_EVENTS);
    await waitDelivered(next * SUBSCRIBERS);
    const measuredFrom = next;

    // Steady load: RATE_PER_SECOND events, TICK_MS apart in batches, schedule drift-corrected.
    const perTick = (RATE_PER_SECOND * TICK_MS) / 1000;
    const ticks = (DURATION_S * 1000) / TICK_MS;
    const start = epochMs();
    const cpuAtStart = fanouts.map((f) => cpuSeconds(f.pid));
    const normaliserCpuAtStart = normaliser ? cpuSeconds(normaliser.pid) : 0;
    const receiverCpuAtStart = cpuSeconds(receivers.child.pid);
    let lateTicks = 0;
    const inflight: Promise<void>[] = [];
    for (let i = 0; i < ticks; i++) {
      const due = start + i * TICK_MS;
      const wait = due - epochMs();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      else if (wait < -TICK_MS) lateTicks++;
      inflight.push(send(perTick));
    }
    await Promise.all(inflight);
    const loadEnd = epochMs();
    const events = next - measuredFrom;
    await waitDelivered(next * SUBSCRIBERS);
    const drained = epochMs();
    const fanoutCpu = fanouts.reduce((t, f, i) => t + cpuSeconds(f.pid) - (cpuAtStart[i] ?? 0), 0);
    const normaliserCpu = normaliser ? cpuSeconds(normaliser.pid) - normaliserCpuAtStart : 0;
    const receiverCpu = cpuSeconds(receivers.child.pid) - receiverCpuAtStart;

    const latencies: number[] = [];
    let missing = 0;
    let lastArrival = start;
    for (let n = measuredFrom; n < next; n++) {
      const { value, at: t0 } = sent[n]!;
      for (const a of arrivals) {
        const t = a.get(value);
        if (t === undefined) missing++;
        else {
          latencies.push(t - t0);
          lastArrival = Math.max(lastArrival, t);
        }
      }
    }
    const lat = latencySummary(latencies);
    const deliveries = latencies.length;
    const what = mode === 'indicators' ? 'indicator events' : 'reports (one phone each)';
    const figures: Figure[] = [
      {
        stage: `offered load: ${what} to ${SUBSCRIBERS} telco webhooks`,
        metric: 'events/s',
        value: Math.round((events / (loadEnd - start)) * 1000),
        unit: 'events/s',
        sampleSize: events,
        target: `${RATE_PER_SECOND}/s steady`,
      },
      {
        stage: `webhook deliveries from ${what} (${SUBSCRIBERS} subscribers, ${REPLICAS} fan-out process${REPLICAS > 1 ? 'es' : ''}), first send to last arrival`,
        metric: 'alerts/s',
        value: Math.round((deliveries / (lastArrival - start)) * 1000),
        unit: 'alerts/s',
        sampleSize: deliveries,
        target: `${RATE_PER_SECOND * SUBSCRIBERS}/s to keep up`,
      },
      {
        stage:
          mode === 'indicators'
            ? 'indicator event on Kafka to signed webhook received'
            : 'report event on Kafka to signed webhook received (normaliser + fan-out)',
        metric: 'latency',
        value: lat.p50,
        unit: 'ms p50',
        sampleSize: deliveries,
        ...lat,
        latencyUnit: 'ms',
        target: 'p99 < 1000 ms',
      },
    ];
    const notes = [
      `${what}: ${DURATION_S} s at ${RATE_PER_SECOND}/s after ${measuredFrom - first} warm-up events. CPU from the start of the steady load to the drain: fan-out ${fanoutCpu.toFixed(1)} s (${((fanoutCpu * 1e6) / Math.max(1, events * SUBSCRIBERS)).toFixed(0)} µs per webhook)${normaliser && mode === 'reports' ? `, normaliser ${normaliserCpu.toFixed(1)} s` : ''}, receivers ${receiverCpu.toFixed(1)} s, over ${((drained - start) / 1000).toFixed(1)} s of wall time. Late producer ticks (> ${TICK_MS} ms behind schedule): ${lateTicks} of ${ticks}; deliveries missing at the end: ${missing}; drain after load: ${Math.round(drained - loadEnd)} ms.`,
    ];
    {
      const stages = await stageRates(start);
      notes.push(
        `Inside (${what}): alerts stored at ${stages.alertsPerSecond}/s (consumer), webhooks completed at ${stages.deliveriesPerSecond}/s (dispatcher and retry worker), over the measured window; ${mode === 'indicators' ? 'event' : 'report'} to alert stored p50/p99 ${stages.consumerMs} ms, alert stored to delivery recorded ${stages.dispatchMs} ms; ${stages.attemptsPerDelivery.toFixed(3)} attempts per delivery.`,
      );
    }
    return { figures, notes };
  };

  try {
    await subscribe(receivers.ports.map((port) => `http://127.0.0.1:${port}/hook`));
    const runs: ModeRun[] = [];
    for (const mode of FROM) runs.push(await run(mode));
    const result: BenchResult = {
      name: 'fanout',
      title: 'Fan-out',
      date: new Date().toISOString(),
      rerun: 'KAFKA_BROKERS=127.0.0.1:19692 node -r ./tools/register.js bench/fanout.bench.ts',
      machine: await machineInfo(databaseUrl),
      figures: runs.flatMap((r) => r.figures),
      notes: [
        `Each event is one report's phone number, routed by the sharing policy to ${SUBSCRIBERS} telco subscriptions. Latency starts when the producer sends the event and ends when the receiver has the whole POST. The indicator-event run times fan-out alone; the report run adds the normaliser (report on \`<ns>.reports.v1\` to webhook); intake's HTTP and outbox come on top (see the whole-node section).`,
        `Fan-out runs as ${REPLICAS} process${REPLICAS > 1 ? 'es' : ''} (consumer, post-commit webhook dispatcher, retry worker, outbox relay)${normaliser ? ', the normaliser as another' : ''}, the 10 receivers in another (node:http, keep-alive), the load generator in this one; Kafka and Postgres on the same 2-core machine: figures vary between runs.`,
        ...runs.flatMap((r) => r.notes),
      ],
    };
    printFigures(result);
    if (process.env.FANOUT_BENCH_WRITE === '0') console.log(JSON.stringify(result.notes, null, 1));
    else console.log(`wrote ${writeBenchResult(result)}`);
  } finally {
    await producer.disconnect();
    for (const child of [...fanouts, ...(normaliser ? [normaliser] : [])]) {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    }
    receivers.child.kill('SIGTERM');
    await dropDatabase(databaseUrl, database).catch(() => undefined);
  }
}

(process.argv.includes('--receivers') ? runReceivers() : main()).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
