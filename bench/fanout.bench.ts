// Fan-out delivery throughput and latency: 10 webhook subscribers (telcos) and indicator
// events arriving at a steady 500 per second (one phone per report, as the normaliser
// emits them), for DURATION_S seconds after a warm-up.
//   KAFKA_BROKERS=127.0.0.1:19692 node -r ./tools/register.js bench/fanout.bench.ts
// Runs fan-out as its own process (apps/fanout/src/main.ts) on a fresh database and topic
// namespace; the load generator and the 10 receivers run in this process. 127.0.0.1 only.
// Prints a table and writes bench/results/fanout.json. Not a test: nothing asserts on time.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { EVENT_TYPES, toKafkaMessage, topicName, type IndicatorUpsertedV1 } from '@wgas/contracts';
import { createKafka, createProducer, newEvent } from '@wgas/messaging';
import { dropDatabase } from '@wgas/persistence';
import {
  latencySummary,
  machineInfo,
  printFigures,
  REPO_ROOT,
  writeBenchResult,
  type BenchResult,
} from './lib/bench-kit';

const SUBSCRIBERS = 10;
const RATE_PER_SECOND = Number(process.env.FANOUT_BENCH_RATE ?? 500);
const DURATION_S = Number(process.env.FANOUT_BENCH_SECONDS ?? 20);
const WARMUP_EVENTS = 200;
const TICK_MS = 20;
const DRAIN_TIMEOUT_MS = 180_000;

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
const namespace = `bench${randomBytes(4).toString('hex')}`;
const database = `wgas_${namespace}`;

/** Arrival times per receiver, by indicator value. */
type Arrivals = Map<string, number>;

async function startReceivers(): Promise<{ servers: Server[]; arrivals: Arrivals[] }> {
  const servers: Server[] = [];
  const arrivals: Arrivals[] = [];
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const seen: Arrivals = new Map();
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const now = performance.now();
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          indicator: { value: string };
        };
        if (!seen.has(body.indicator.value)) seen.set(body.indicator.value, now);
        res.statusCode = 204;
        res.end();
      });
    });
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    servers.push(server);
    arrivals.push(seen);
  }
  return { servers, arrivals };
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

async function startFanout(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', './tools/register.js', 'apps/fanout/src/main.ts'], {
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
      WEBHOOK_POLL_MS: '20',
    },
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`fan-out exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('fan-out did not become ready');
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
async function stageRates(): Promise<{ alertsPerSecond: number; deliveriesPerSecond: number }> {
  const c = new Client({ connectionString: `${databaseUrl}/${database}` });
  await c.connect();
  try {
    const rate = async (sql: string) => {
      const [r] = (await c.query(sql)).rows as { n: number; s: number }[];
      return r && r.s > 0 ? Math.round(r.n / r.s) : 0;
    };
    const window = `indicator_id NOT IN (SELECT 'ind_bench_' || g FROM generate_series(0, ${WARMUP_EVENTS - 1}) g)`;
    return {
      alertsPerSecond: await rate(
        `SELECT count(*)::int AS n, extract(epoch FROM max(created_at) - min(created_at))::float AS s FROM fanout.alerts WHERE ${window}`,
      ),
      deliveriesPerSecond: await rate(
        `SELECT count(*)::int AS n, extract(epoch FROM max(d.delivered_at) - min(a.created_at))::float AS s
           FROM fanout.webhook_deliveries d JOIN fanout.alerts a ON a.id = d.alert_id WHERE a.${window}`,
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

async function main(): Promise<void> {
  const { servers, arrivals } = await startReceivers();
  const port = await freePort();
  const fanout = await startFanout(port);
  const kafka = createKafka({ brokers, clientId: 'fanout-bench' });
  const producer = createProducer(kafka);
  await producer.connect();
  const topic = topicName(namespace, 'indicators');
  const sentAt = new Map<string, number>();
  let next = 0;
  const send = async (count: number) => {
    const batch = Array.from({ length: count }, () => indicatorEvent(next++));
    const t = performance.now();
    for (const b of batch) sentAt.set(b.value, t);
    await producer.send({ topic, acks: -1, messages: batch.map((b) => b.message) });
  };
  const delivered = () => arrivals.reduce((n, a) => n + a.size, 0);
  const waitDelivered = async (target: number) => {
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    while (delivered() < target && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
  };

  try {
    await subscribe(
      servers.map((s) => `http://127.0.0.1:${(s.address() as AddressInfo).port}/hook`),
    );
    await send(WARMUP_EVENTS);
    await waitDelivered(WARMUP_EVENTS * SUBSCRIBERS);
    const warm = new Set(sentAt.keys());

    // Steady load: RATE_PER_SECOND events, TICK_MS apart in batches, schedule drift-corrected.
    const perTick = (RATE_PER_SECOND * TICK_MS) / 1000;
    const ticks = (DURATION_S * 1000) / TICK_MS;
    const start = performance.now();
    let lateTicks = 0;
    const inflight: Promise<void>[] = [];
    for (let i = 0; i < ticks; i++) {
      const due = start + i * TICK_MS;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      else if (wait < -TICK_MS) lateTicks++;
      inflight.push(send(perTick));
    }
    await Promise.all(inflight);
    const loadEnd = performance.now();
    const events = next - WARMUP_EVENTS;
    const target = next * SUBSCRIBERS;
    await waitDelivered(target);
    const drained = performance.now();
    const stages = await stageRates();

    const latencies: number[] = [];
    let missing = 0;
    let lastArrival = start;
    for (const [value, t0] of sentAt) {
      if (warm.has(value)) continue;
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
    const result: BenchResult = {
      name: 'fanout',
      title: 'Fan-out',
      date: new Date().toISOString(),
      rerun: 'KAFKA_BROKERS=127.0.0.1:19692 node -r ./tools/register.js bench/fanout.bench.ts',
      machine: await machineInfo(databaseUrl),
      figures: [
        {
          stage: `offered load: indicator events to ${SUBSCRIBERS} telco webhooks`,
          metric: 'events/s',
          value: Math.round((events / (loadEnd - start)) * 1000),
          unit: 'events/s',
          sampleSize: events,
          target: `${RATE_PER_SECOND}/s steady`,
        },
        {
          stage: `webhook deliveries (${SUBSCRIBERS} subscribers), first send to last arrival`,
          metric: 'alerts/s',
          value: Math.round((deliveries / (lastArrival - start)) * 1000),
          unit: 'alerts/s',
          sampleSize: deliveries,
          target: `${RATE_PER_SECOND * SUBSCRIBERS}/s to keep up`,
        },
        {
          stage: 'indicator event on Kafka to signed webhook received',
          metric: 'latency',
          value: lat.p50,
          unit: 'ms p50',
          sampleSize: deliveries,
          ...lat,
          latencyUnit: 'ms',
          target: 'p99 < 1000 ms',
        },
      ],
      notes: [
        `${DURATION_S} s at ${RATE_PER_SECOND} events/s after ${WARMUP_EVENTS} warm-up events; each event is one report's phone number, routed by the sharing policy to ${SUBSCRIBERS} telco subscriptions.`,
        'Latency starts when the producer sends the indicator event (what the normaliser emits for a report) and ends when the receiver has the whole POST; intake and normaliser time comes on top (see their sections).',
        `Fan-out runs as one process (consumer, outbox relay and webhook worker), receivers and load generator in another, Kafka and Postgres on the same 2-core machine, which is shared with other engineers' work: figures vary between runs.`,
        `Inside fan-out: alerts stored at ${stages.alertsPerSecond}/s (consumer), webhooks completed at ${stages.deliveriesPerSecond}/s (worker), over the measured window.`,
        `Late producer ticks (> ${TICK_MS} ms behind schedule): ${lateTicks} of ${ticks}; deliveries missing at the end: ${missing}; drain after load: ${Math.round(drained - loadEnd)} ms.`,
      ],
    };
    printFigures(result);
    console.log(`wrote ${writeBenchResult(result)}`);
  } finally {
    await producer.disconnect();
    fanout.kill('SIGTERM');
    await new Promise((r) => (fanout.exitCode !== null ? r(null) : fanout.once('exit', r)));
    for (const s of servers) s.closeAllConnections();
    for (const s of servers) await new Promise((r) => s.close(r));
    await dropDatabase(databaseUrl, database).catch(() => undefined);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
