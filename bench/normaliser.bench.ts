// Normaliser throughput (topic -> store -> output topic) and lookup latency.
//   node -r ./tools/register.js bench/normaliser.bench.ts
// Env: KAFKA_BROKERS (else a broker of its own), NORMALISER_BENCH_REPORTS (40,000),
// NORMALISER_BENCH_PROCESSES (0; N: the same backlog drained again by N normaliser processes),
// LOOKUP_BENCH_RATE (2,000/s), LOOKUP_BENCH_SECONDS (10), LOOKUP_BENCH_LOW_RATE (500/s),
// LOOKUP_BENCH_WARMUP_SECONDS (2), NORMALISE_THREAD (on; off: on the main thread, ADR 0024),
// NORMALISER_BENCH_FLOOR (on; off: skip the floor, the drain's parts measured one by one
// after it, bench/lib/normaliser-floor.ts), NORMALISER_BENCH_OUT (write the result there
// instead of bench/results). Bounded: one backlog, one timed load.
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import type { INestApplication } from '@nestjs/common';
import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  EVENT_TYPES,
  toKafkaMessage,
  topicName,
  type MemberCountry,
  type ReportSubmittedV1,
} from '@wgas/contracts';
import { loadConfig } from '@wgas/config';
import { hashPrefix } from '@wgas/indicators';
import { createKafka, createProducer, ensureTopics, newEvent } from '@wgas/messaging';
import { createNormaliserApp, NormaliserConfig } from '@wgas/normaliser';
import { databaseUrl, dropDatabase } from '@wgas/persistence';
import { ObservabilityRegistry, sha256Hex } from '@wgas/platform';
import {
  cpuShares,
  latencySummary,
  machineCpu,
  machineInfo,
  parseProcStat,
  printFigures,
  timed,
  withBenchKafka,
  writeBenchResult,
  type Figure,
  type MachineCpu,
} from './lib/bench-kit';
import { generateReports } from './load/report-factory';
import { floorFigures, measureFloor, REPLAY_BATCH, type FloorPart } from './lib/normaliser-floor';
import { cpuSeconds, freePort, startService, waitHealthy } from './lib/node-processes';

const REPORTS = Number(process.env.NORMALISER_BENCH_REPORTS ?? 40_000);
const RATE = Number(process.env.LOOKUP_BENCH_RATE ?? 2000);
const SECONDS = Number(process.env.LOOKUP_BENCH_SECONDS ?? 10);
/** A second, lower rate: latency where the single Node process is not saturated. */
const LOW_RATE = Number(process.env.LOOKUP_BENCH_LOW_RATE ?? 500);
/** Lookups at LOW_RATE before the measured runs, not counted. */
const WARMUP_SECONDS = Number(process.env.LOOKUP_BENCH_WARMUP_SECONDS ?? 2);
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
/** Normaliser processes for a second drain by separate processes (0, the default: skip it). */
const PROCESSES = Number(process.env.NORMALISER_BENCH_PROCESSES ?? 0);
/** The least CPU of the drain's parts, measured one by one after it (bench/lib/normaliser-floor). */
const FLOOR = process.env.NORMALISER_BENCH_FLOOR !== 'off';

async function floorParts(
  brokers: string,
  namespace: string,
  config: NormaliserConfig,
  raw: number,
): Promise<FloorPart[]> {
  const store = new Client({ connectionString: databaseUrl(DATABASE_URL, config.databaseName) });
  await store.connect();
  try {
    return await measureFloor({
      brokers,
      topics: {
        reports: topicName(namespace, 'reports'),
        indicators: topicName(namespace, 'indicators'),
        outcomes: topicName(namespace, 'reportOutcomes'),
      },
      store,
      serverUrl: DATABASE_URL,
      scratchDatabase: `${config.databaseName}_floor`,
      config,
      raw,
    });
  } finally {
    await store.end();
  }
}

function reportEvents(count: number) {
  const events = [];
  let raw = 0;
  for (const r of generateReports(count, { seed: 7, duplicateRate: 0.1 })) {
    const data: ReportSubmittedV1 = {
      reportId: randomUUID(),
      organisationId: `${r.country.toLowerCase()}-agency-${1 + (raw % 3)}`,
      country: r.country as MemberCountry,
      typology: r.body.typology as ReportSubmittedV1['typology'],
      tlp: r.body.tlp,
      submittedAt: new Date().toISOString(),
      indicators: r.body.indicators.map((i) => ({
        rawIndicatorId: randomUUID(),
        value: i.value,
        ...(i.type ? { typeHint: i.type } : {}),
      })),
    };
    raw += data.indicators.length;
    events.push(
      newEvent('urn:aseanwgas:node:th', EVENT_TYPES.reportSubmitted, data, data.reportId),
    );
  }
  return { events, raw };
}

async function sumOffsets(
  admin: ReturnType<ReturnType<typeof createKafka>['admin']>,
  topic: string,
) {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.reduce((s, o) => s + Number(o.high), 0);
}

async function produceBacklog(
  kafka: ReturnType<typeof createKafka>,
  topic: string,
  events: ReturnType<typeof reportEvents>['events'],
): Promise<void> {
  const producer = createProducer(kafka);
  await producer.connect();
  for (let i = 0; i < events.length; i += 1000) {
    await producer.send({
      topic,
      acks: -1,
      messages: events.slice(i, i + 1000).map((e) => {
        const m = toKafkaMessage(e, (e.data as ReportSubmittedV1).reportId);
        return { key: m.key, value: m.value, headers: m.headers };
      }),
    });
  }
  await producer.disconnect();
}

/**
 * Polls every 100 ms until the normaliser has applied every report (`processed`, its own
 * consumer counter: reading it costs the database nothing, where counting the inbox every
 * 100 ms took a few per cent of the machine's CPU from the run it measured) and then
 * published every event it wrote (an empty outbox); `stored` is called at each poll once
 * every report is in.
 */
async function waitDrained(
  processed: () => Promise<number>,
  query: (sql: string) => Promise<unknown[]>,
  reports: number,
  stored?: () => void,
): Promise<void> {
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    if ((await processed()) < reports) continue;
    stored?.();
    const [{ pending }] = (await query(
      'SELECT EXISTS (SELECT 1 FROM normaliser.outbox) AS pending',
    )) as [{ pending: boolean }];
    if (!pending) return;
  }
}

/** Events a normaliser process has applied, from its /metrics. */
async function processedBy(port: number): Promise<number> {
  const body = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  let n = 0;
  for (const line of body.split('\n')) {
    if (line.startsWith(`${PROCESSED_METRIC}{`)) n += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return n;
}

const PROCESSED_METRIC = 'wgas_consumer_events_processed_total';

/**
 * The same backlog drained by PROCESSES normaliser processes in one consumer group, each
 * started as production starts it (apps/normaliser/src/main.ts): one event loop per core,
 * as a 2-core node would run it. The group is stable before the backlog is produced; the
 * time runs from the first event produced to the last indicator event acknowledged by
 * Kafka. Returns the database the processes migrated, for the lookups after.
 */
async function throughputInProcesses(
  brokers: string,
  namespace: string,
  env: Record<string, string>,
) {
  const kafka = createKafka({ brokers: brokers.split(','), clientId: 'bench-normaliser' });
  const reportsTopic = topicName(namespace, 'reports');
  const indicatorsTopic = topicName(namespace, 'indicators');
  await ensureTopics(kafka, [reportsTopic, indicatorsTopic]);
  const { events, raw } = reportEvents(REPORTS);
  const procs: ChildProcess[] = [];
  const admin = kafka.admin();
  await admin.connect();
  const db = new Client({ connectionString: databaseUrl(DATABASE_URL, env.DATABASE_NAME!) });
  try {
    // one at a time: the first creates the database and runs the migrations
    const ports: number[] = [];
    for (let i = 0; i < PROCESSES; i++) {
      const port = await freePort();
      ports.push(port);
      procs.push(startService('normaliser', { ...env, HTTP_PORT: String(port) }));
      await waitHealthy(`http://127.0.0.1:${port}/health/ready`);
    }
    const groupId = `wgas.${namespace}.normaliser`;
    for (let i = 0; ; i++) {
      const { groups } = await admin.describeGroups([groupId]);
      const g = groups[0];
      if (g?.state === 'Stable' && g.members.length === PROCESSES) break;
      if (i > 600) throw new Error(`consumer group ${groupId} never became stable`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await db.connect();
    const cpu0 = procs.map((p) => cpuSeconds(p.pid));
    const { seconds } = await timed(async () => {
      await produceBacklog(kafka, reportsTopic, events);
      await waitDrained(
        async () => (await Promise.all(ports.map(processedBy))).reduce((a, b) => a + b, 0),
        async (sql) => (await db.query(sql)).rows,
        events.length,
      );
    });
    const cpu = procs.map((p, i) => cpuSeconds(p.pid) - cpu0[i]!);
    const out = await sumOffsets(admin, indicatorsTopic);
    console.log(
      `${PROCESSES} processes drained ${events.length} reports in ${seconds}s (CPU-s ${cpu.map((c) => c.toFixed(1)).join(', ')})`,
    );
    return { raw, reports: events.length, out, drainSeconds: seconds, cpu };
  } finally {
    await db.end().catch(() => undefined);
    await admin.disconnect();
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(
      procs.map((p) =>
        p.exitCode === null ? new Promise((r) => p.once('exit', r)) : Promise.resolve(),
      ),
    );
  }
}

async function throughput(
  brokers: string,
  namespace: string,
  app: () => Promise<INestApplication>,
) {
  const kafka = createKafka({ brokers: brokers.split(','), clientId: 'bench-normaliser' });
  const reportsTopic = topicName(namespace, 'reports');
  const indicatorsTopic = topicName(namespace, 'indicators');
  await ensureTopics(kafka, [reportsTopic, indicatorsTopic]);
  const { events, raw } = reportEvents(REPORTS);
  await produceBacklog(kafka, reportsTopic, events);
  const admin = kafka.admin();
  await admin.connect();
  // The backlog is on the topic before the normaliser starts: we time the drain, topic to
  // store to output topic (indicator events acknowledged by Kafka).
  let storedAt = 0;
  const cpu0 = process.cpuUsage();
  const machine0 = machineCpu();
  const { seconds, result: stored } = await timed(async () => {
    const a = await app();
    const ds = a.get(DataSource);
    const observability = a.get(ObservabilityRegistry);
    const t0 = Date.now();
    await waitDrained(
      async () => (await observability.total(PROCESSED_METRIC)) ?? 0,
      (sql) => ds.query(sql),
      events.length,
      () => (storedAt ||= (Date.now() - t0) / 1000),
    );
    return a;
  });
  const drainSeconds = seconds;
  const machine = cpuShares(machine0, machineCpu());
  const { user, system } = process.cpuUsage(cpu0);
  const ds = stored.get(DataSource);
  const [{ sightings, indicators }] = (await ds.query(
    `SELECT (SELECT count(*) FROM normaliser.indicator_sightings)::int AS sightings,
            (SELECT count(*) FROM normaliser.indicators)::int AS indicators`,
  )) as [{ sightings: number; indicators: number }];
  const out = await sumOffsets(admin, indicatorsTopic);
  await admin.disconnect();
  console.log(`stored after ${storedAt}s, output drained after ${drainSeconds}s (incl. start-up)`);
  return {
    app: stored,
    raw,
    reports: events.length,
    sightings,
    indicators,
    out,
    drainSeconds,
    storedAt,
    cpuSeconds: (user + system) / 1e6,
    machine,
  };
}

/**
 * CPU time (ms) of this process's main thread, the one that serves the lookups (Linux
 * /proc; undefined elsewhere). On a shared machine the CPU a request costs is a steadier
 * figure than latency, which also measures everybody else's load.
 */
function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, 100 ticks/s
  } catch {
    return undefined;
  }
}

/**
 * Each second of a lookup run (by scheduled send time): its p99, and the share of the
 * machine's CPU the hypervisor stole from it (from the /proc/stat the load generator read
 * at each second's start; the last second ends when the last answer came).
 */
function perSecond(bySecond: number[][], cpu: (MachineCpu | undefined)[]) {
  return bySecond.map((latencies, i) => ({
    p99: latencySummary(latencies).p99,
    stealPct: cpuShares(cpu[i], cpu[i + 1])?.stealPct,
  }));
}

/**
 * The load generator: one worker thread for the whole lookup phase, so its HTTP client is
 * compiled and its keep-alive connections are open before a measured run starts (a fresh
 * worker per run put its own start-up, some 300 ms of cold code, in the first requests).
 * Each 'run' message starts an open-loop run and is answered with its samples.
 */
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { readFileSync } = require('node:fs');
const readStat = () => { try { return readFileSync('/proc/stat', 'utf8'); } catch { return null; } };
const { url, key, paths } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
const u = new URL(url);
parentPort.on('message', ({ rate, seconds }) => {
  const samples = { value: [], hash: [], prefix: [] };
  // latencies by the second of their scheduled send, and /proc/stat at each second's start
  const bySecond = Array.from({ length: seconds }, () => []);
  const stats = [readStat()];
  let errors = 0, sent = 0, done = 0;
  const total = rate * seconds;
  const t0 = performance.now();
  const finish = () => {
    if (++done === total) {
      stats.push(readStat());
      parentPort.postMessage({ samples, bySecond, stats, errors, elapsed: (performance.now() - t0) / 1000 });
    }
  };
  function one(i) {
    const [kind, path] = paths[i % paths.length];
    const req = http.request({ host: u.hostname, port: u.port, path, agent, headers: { authorization: 'Bearer ' + key } }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode !== 200) errors++;
        // latency from the scheduled send time, so a stall is not hidden (coordinated omission)
        const latency = performance.now() - (t0 + (i * 1000) / rate);
        samples[kind].push(latency);
        bySecond[Math.floor(i / rate)].push(latency);
        finish();
      });
    });
    req.on('error', () => { errors++; finish(); });
    req.end();
  }
  function tick() {
    while (stats.length <= Math.min(seconds - 1, (performance.now() - t0) / 1000)) stats.push(readStat());
    const due = Math.min(total, Math.floor(((performance.now() - t0) * rate) / 1000) + 1);
    while (sent < due) one(sent++);
    if (sent < total) setTimeout(tick, 1);
  }
  tick();
});
`;

async function lookups(app: INestApplication, rates: number[]) {
  const ds = app.get(DataSource);
  await (app as INestApplication & { listen(p: number, h: string): Promise<unknown> }).listen(
    0,
    '127.0.0.1',
  );
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const keyId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  await ds.query(
    `INSERT INTO normaliser.api_key_replicas (key_id, organisation_id, role, country, secret_sha256, changed_at)
     VALUES ($1, 'bench-bank', 'bank', 'TH', $2, now())`,
    [keyId, sha256Hex(secret)],
  );
  const rows = (await ds.query(
    `SELECT id, type, canonical FROM normaliser.indicators WHERE type IN ('phone', 'bank_account', 'url') ORDER BY random() LIMIT 2000`,
  )) as { id: string; type: string; canonical: string }[];
  const paths: [string, string][] = rows.flatMap((r, i) => {
    const kind = i % 5 < 3 ? 'value' : i % 5 === 3 ? 'hash' : 'prefix';
    if (kind === 'value')
      return [
        [
          kind,
          `/v1/indicators/lookup?type=${r.type}&value=${encodeURIComponent(r.canonical)}&country=TH`,
        ],
      ];
    if (kind === 'hash') return [[kind, `/v1/indicators/${r.id}`]];
    return [[kind, `/v1/indicators/prefix/${hashPrefix(r.id, 3)}`]];
  });
  type RunResult = {
    samples: Record<string, number[]>;
    bySecond: number[][];
    stats: (string | null)[];
    errors: number;
    elapsed: number;
  };
  const worker = new Worker(LOAD_WORKER, {
    eval: true,
    workerData: { url: `http://127.0.0.1:${port}`, key: `wgas_${keyId}_${secret}`, paths },
  });
  const run = (rate: number, seconds: number) =>
    new Promise<RunResult>((resolve, reject) => {
      worker.once('message', (m) => {
        worker.off('error', reject);
        resolve(m as RunResult);
      });
      worker.once('error', reject);
      worker.postMessage({ rate, seconds });
    });
  // Not measured: compiles the lookup paths on both sides (JIT), opens pooled and keep-alive
  // connections and prepares statements, as a service that has been up for a while would
  // have: a while at the low rate, then a second at each measured rate.
  if (WARMUP_SECONDS > 0) {
    await run(LOW_RATE, WARMUP_SECONDS);
    for (const rate of rates) await run(rate, 1);
  }
  const results = [];
  for (const rate of rates) {
    const cpu0 = mainThreadCpuMs();
    const result = await run(rate, SECONDS);
    const cpu1 = mainThreadCpuMs();
    const cpuMs = cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0;
    const { bySecond, stats, ...rest } = result;
    const cpu = stats.map((t) => (t === null ? undefined : parseProcStat(t)));
    results.push({
      rate,
      cpuMs,
      ...rest,
      seconds: perSecond(bySecond, cpu),
      machine: cpuShares(cpu[0], cpu[cpu.length - 1]),
    });
  }
  await worker.terminate();
  return results;
}

async function main(): Promise<void> {
  await withBenchKafka(async (brokers) => {
    const namespace = `bench${randomBytes(4).toString('hex')}`;
    const database = `wgas_${namespace}`;
    const config = loadConfig(NormaliserConfig, {
      NODE_ID: 'th',
      TOPIC_NAMESPACE: namespace,
      DATABASE_NAME: database,
      DATABASE_URL,
      KAFKA_BROKERS: brokers,
      LOG_LEVEL: 'error',
      CONSORTIUM_KEY: 'bench-consortium-key-0123456789abcdef',
      EXPIRY_SWEEP_INTERVAL_MS: '0',
      NORMALISE_THREAD: process.env.NORMALISE_THREAD ?? 'on',
    });
    let app: INestApplication | undefined;
    // The multi-process drain first, on a namespace and database of its own.
    const ns2 = `${namespace}p`;
    const multi =
      PROCESSES > 0
        ? await throughputInProcesses(brokers, ns2, {
            NODE_ID: 'th',
            TOPIC_NAMESPACE: ns2,
            DATABASE_NAME: `wgas_${ns2}`,
            DATABASE_URL,
            KAFKA_BROKERS: brokers,
            LOG_LEVEL: 'error',
            CONSORTIUM_KEY: 'bench-consortium-key-0123456789abcdef',
            EXPIRY_SWEEP_INTERVAL_MS: '0',
          }).finally(() => dropDatabase(DATABASE_URL, `wgas_${ns2}`).catch(() => undefined))
        : undefined;
    try {
      const t = await throughput(brokers, namespace, async () => {
        app = await createNormaliserApp(config);
        await app.startAllMicroservices();
        await app.init();
        return app;
      });
      const runs = await lookups(t.app, [RATE, LOW_RATE]);
      // The floor's parts are measured with the normaliser stopped (nothing else running).
      await app?.close();
      app = undefined;
      const floor = FLOOR ? await floorParts(brokers, namespace, config, t.raw) : [];
      const figures: Figure[] = [
        {
          stage: 'normaliser: raw indicators, topic -> store -> output topic',
          metric: 'throughput',
          value: t.raw / t.drainSeconds,
          unit: 'indicators/s',
          sampleSize: t.raw,
          target: '>= 10,000 indicators/s',
        },
        {
          stage: 'normaliser: reports drained',
          metric: 'throughput',
          value: t.reports / t.drainSeconds,
          unit: 'reports/s',
          sampleSize: t.reports,
        },
        {
          stage: 'normaliser: indicator events published',
          metric: 'throughput',
          value: t.out / t.drainSeconds,
          unit: 'events/s',
          sampleSize: t.out,
        },
        {
          stage:
            'normaliser: CPU of its process per raw indicator (all threads, start-up included)',
          metric: 'cpu',
          value: (t.cpuSeconds * 1e6) / t.raw,
          unit: 'µs/indicator',
          sampleSize: t.raw,
        },
        ...(t.machine
          ? [
              {
                stage: 'normaliser drain: machine CPU the hypervisor gave other guests (steal)',
                metric: 'cpu',
                value: t.machine.stealPct,
                unit: `% (machine busy ${t.machine.busyPct}%)`,
                sampleSize: t.raw,
              },
            ]
          : []),
        ...(multi
          ? [
              {
                stage: `normaliser, ${PROCESSES} processes: raw indicators, topic -> store -> output topic`,
                metric: 'throughput',
                value: multi.raw / multi.drainSeconds,
                unit: 'indicators/s',
                sampleSize: multi.raw,
                target: '>= 10,000 indicators/s',
              },
              {
                stage: `normaliser, ${PROCESSES} processes: indicator events published`,
                metric: 'throughput',
                value: multi.out / multi.drainSeconds,
                unit: 'events/s',
                sampleSize: multi.out,
              },
              {
                stage: `normaliser, ${PROCESSES} processes: CPU per raw indicator (all processes)`,
                metric: 'cpu',
                value: (multi.cpu.reduce((a, b) => a + b, 0) * 1e6) / multi.raw,
                unit: 'µs/indicator',
                sampleSize: multi.raw,
              },
            ]
          : []),
        ...floorFigures(floor, t.raw),
        ...runs.flatMap((l) => {
          const all = Object.values(l.samples).flat();
          return [
            {
              stage: `lookups at ${l.rate}/s offered (value 60%, hash 20%, prefix 20%)`,
              metric: 'throughput',
              value: all.length / l.elapsed,
              unit: 'requests/s',
              sampleSize: all.length,
              ...latencySummary(all),
              latencyUnit: 'ms',
              target: 'p99 < 10 ms at 2,000 requests/s',
            },
            ...(l.cpuMs === undefined
              ? []
              : [
                  {
                    stage: `lookups at ${l.rate}/s: CPU of the serving thread per request`,
                    metric: 'cpu',
                    value: (l.cpuMs * 1000) / all.length,
                    unit: 'µs/request',
                    sampleSize: all.length,
                  },
                ]),
            {
              stage: `lookups at ${l.rate}/s: seconds whose p99 was under 10 ms`,
              metric: 'latency',
              value: l.seconds.filter((x) => x.p99 < 10).length,
              unit: `of ${l.seconds.length} s`,
              sampleSize: all.length,
            },
            ...(l.machine
              ? [
                  {
                    stage: `lookups at ${l.rate}/s: machine CPU the hypervisor gave other guests (steal)`,
                    metric: 'cpu',
                    value: l.machine.stealPct,
                    unit: `% (machine busy ${l.machine.busyPct}%)`,
                    sampleSize: all.length,
                  },
                ]
              : []),
            ...Object.entries(l.samples).map(([kind, s]) => ({
              stage: `lookup by ${kind} at ${l.rate}/s`,
              metric: 'latency',
              value: s.length / l.elapsed,
              unit: 'requests/s',
              sampleSize: s.length,
              ...latencySummary(s),
              latencyUnit: 'ms',
            })),
          ];
        }),
      ];
      const result = {
        name: 'normaliser',
        title: 'Normaliser and lookups',
        date: new Date().toISOString(),
        rerun: 'node -r ./tools/register.js bench/normaliser.bench.ts',
        machine: await machineInfo(DATABASE_URL),
        figures,
        notes: [
          `${t.reports} reports (${t.raw} raw indicators, 1-3 per report, 10% repeats across countries; ${t.sightings} sightings, ${t.indicators} canonical indicators) produced to the topic before the normaliser starts; the drain time includes the app's start-up.`,
          ...(multi
            ? [
                `${PROCESSES} processes: the same backlog, drained by ${PROCESSES} normaliser processes (apps/normaliser/src/main.ts, one consumer group, the topic's 3 partitions shared among them; one Node event loop per core, as a 2-core node would run the service), started and stable before the backlog is produced; timed from the first event produced to the last indicator event acknowledged. CPU-s per process: ${multi.cpu.map((c) => c.toFixed(1)).join(', ')}.`,
              ]
            : []),
          ...(floor.length > 0
            ? [
                `Floor: after the lookups, with the normaliser stopped, each part of the drain done again alone and its CPU counted (bench/lib/normaliser-floor.ts): a new consumer group reading the reports topic and doing nothing with them; the ${t.out} indicator events and the outcome events the drain published, produced again to a scratch topic; the drain's sightings and those events written again into a scratch database with the normaliser's own statements (IndicatorStoreRepository, enqueueEvents; ${REPLAY_BATCH.toLocaleString('en-US')} reports a transaction), and the outbox read back and deleted as the relay does; the reports decoded, validated, normalised and hashed on one thread. The Kafka and Postgres parts count the whole machine's busy CPU (/proc/stat: broker, database and this process), the last this process's CPU alone. Their sum leaves out the consumer's bookkeeping, building the events and every wait, so no drain of these reports on this machine and stack can take less CPU.`,
              ]
            : []),
          ...runs.map(
            (l) =>
              `Lookups at ${l.rate}/s, each second's p99 in ms (steal % of the machine in that second): ${l.seconds.map((x) => `${x.p99}${x.stealPct === undefined ? '' : ` (${x.stealPct}%)`}`).join(', ')}.`,
          ),
          `Lookup errors (non-200): ${runs.map((l) => `${l.errors} at ${l.rate}/s`).join(', ')}. Latency measured from each request's scheduled send time (open loop), after ${WARMUP_SECONDS} s of unmeasured warm-up at ${LOW_RATE}/s and 1 s at each measured rate, by the same load generator on the same connections. One normaliser process serves every lookup (it also runs the Kafka consumer and outbox relay, idle by then); the load generator is a worker thread of that same process (node:http, keep-alive, up to 128 connections) and uses the same 2 cores.`,
          'Shared 2-core machine: Kafka, Postgres, the normaliser and the load generator compete for the same cores; the speed of the machine varies between runs (compare with the baselines measured in the same run).',
        ],
      };
      printFigures(result);
      // NORMALISER_BENCH_OUT: write the result elsewhere (iterating) instead of bench/results
      const out = process.env.NORMALISER_BENCH_OUT;
      if (out) writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
      console.log(`wrote ${out ?? writeBenchResult(result)}`);
    } finally {
      await app?.close();
      await dropDatabase(DATABASE_URL, database).catch(() => undefined);
    }
  });
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
