// Intake throughput over HTTP: single reports (POST /v1/reports) and bulk NDJSON imports
// (POST /v1/reports:bulk), end to end into Kafka through the outbox.
//   KAFKA_BROKERS=127.0.0.1:19092 node -r ./tools/register.js bench/intake.bench.ts
// Starts intake in-process on a fresh database and topic namespace; only talks to 127.0.0.1.
// Prints a table and writes bench/results/intake.json. Not a test: nothing asserts on time.
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { loadConfig } from '@wgas/config';
import { ApiKeyService, createIntakeApp, IntakeConfig } from '@wgas/intake';
import { OutboxRelay } from '@wgas/messaging';
import { dropDatabase } from '@wgas/persistence';
import {
  baselineFrom,
  latencySummary,
  machineInfo,
  writeBenchResult,
  type BenchResult,
} from './lib/bench-kit';

const SINGLE_REPORTS = 3000;
const SINGLE_CONCURRENCY = 16;
const BULK_RUNS = 3;
const BULK_LINES = 40_000;
const INDICATORS_PER_LINE = 5;
const MAX_SECONDS_PER_RUN = 300;

function post(
  url: string,
  key: string,
  type: string,
  body: Buffer | Readable,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': type } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    if (Buffer.isBuffer(body)) req.end(body);
    else body.pipe(req);
  });
}

function report(n: number, indicators: number): Record<string, unknown> {
  return {
    typology: 'investment',
    tlp: 'GREEN',
    channel: 'messaging_app',
    lossAmount: '1500.00',
    lossCurrency: 'THB',
    indicators: Array.from({ length: indicators }, (_, i) =>
      i % 2 === 0
        ? { value: `08${String(10_000_000 + n * 7 + i).slice(-8)}`, type: 'phone' }
        : { value: `https://scam-${n}-${i}.example/login` },
    ),
  };
}

/** NDJSON generated on the fly, so the benchmark itself never holds the file in memory. */
function ndjsonStream(lines: number, offset: number): Readable {
  let n = 0;
  return new Readable({
    read() {
      const batch: string[] = [];
      for (let i = 0; i < 1000 && n < lines; i++, n++)
        batch.push(JSON.stringify(report(offset + n, INDICATORS_PER_LINE)));
      this.push(batch.length > 0 ? `${batch.join('\n')}\n` : null);
    },
  });
}

async function waitForEmptyOutbox(relay: OutboxRelay, deadline: number): Promise<void> {
  while ((await relay.backlog()) > 0) {
    if (Date.now() > deadline) throw new Error('outbox did not drain in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function main(): Promise<void> {
  const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
  if (!brokers.split(',').every((b) => b.startsWith('127.0.0.1:')))
    throw new Error('the benchmark only talks to 127.0.0.1');
  const namespace = `bench${randomBytes(4).toString('hex')}`;
  const env = {
    NODE_ID: 'th',
    TOPIC_NAMESPACE: namespace,
    DATABASE_NAME: `wgas_${namespace}`,
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432',
    KAFKA_BROKERS: brokers,
    LOG_LEVEL: 'error',
  };
  const config = loadConfig(IntakeConfig, env);
  const app = await createIntakeApp(config);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const relay = app.get(OutboxRelay);
  try {
    const keys = app.get(ApiKeyService);
    await keys.createOrganisation({
      id: 'bench-agency',
      name: 'Bench agency',
      role: 'agency',
      country: 'TH',
    });
    const key = (await keys.issueKey('bench-agency')).key;
    await waitForEmptyOutbox(relay, Date.now() + 60_000);

    // Single reports: SINGLE_CONCURRENCY clients in a closed loop, one indicator each.
    const latencies: number[] = [];
    let next = 0;
    const singleStart = performance.now();
    await Promise.all(
      Array.from({ length: SINGLE_CONCURRENCY }, async () => {
        while (next < SINGLE_REPORTS) {
          const body = Buffer.from(JSON.stringify(report(next++, 1)));
          const t = performance.now();
          const res = await post(`${base}/v1/reports`, key, 'application/json', body);
          latencies.push(performance.now() - t);
          if (res.status !== 201) throw new Error(`single: HTTP ${res.status} ${res.text}`);
        }
      }),
    );
    const singleHttpSeconds = (performance.now() - singleStart) / 1000;
    await waitForEmptyOutbox(relay, Date.now() + MAX_SECONDS_PER_RUN * 1000);
    const singleE2eSeconds = (performance.now() - singleStart) / 1000;

    // Bulk: BULK_RUNS uploads of BULK_LINES lines; end to end = until the outbox is empty.
    const runs: { httpSeconds: number; e2eSeconds: number }[] = [];
    for (let run = 0; run < BULK_RUNS; run++) {
      const t = performance.now();
      const res = await post(
        `${base}/v1/reports:bulk`,
        key,
        'application/x-ndjson',
        ndjsonStream(BULK_LINES, (run + 1) * 1_000_000),
      );
      const httpSeconds = (performance.now() - t) / 1000;
      if (res.status !== 202) throw new Error(`bulk: HTTP ${res.status} ${res.text.slice(0, 500)}`);
      await waitForEmptyOutbox(relay, Date.now() + MAX_SECONDS_PER_RUN * 1000);
      runs.push({ httpSeconds, e2eSeconds: (performance.now() - t) / 1000 });
    }
    const indicatorsPerRun = BULK_LINES * INDICATORS_PER_LINE;
    const bulkRates = runs.map((r) => indicatorsPerRun / r.e2eSeconds);

    const results = {
      single: {
        reports: SINGLE_REPORTS,
        concurrency: SINGLE_CONCURRENCY,
        indicatorsPerReport: 1,
        reportsPerSecondHttp: Math.round(SINGLE_REPORTS / singleHttpSeconds),
        reportsPerSecondIntoKafka: Math.round(SINGLE_REPORTS / singleE2eSeconds),
        latencyMs: latencySummary(latencies),
      },
      bulk: {
        runs: BULK_RUNS,
        linesPerRun: BULK_LINES,
        indicatorsPerLine: INDICATORS_PER_LINE,
        reportsPerSecondHttp: Math.round(BULK_LINES / Math.min(...runs.map((r) => r.httpSeconds))),
        indicatorsPerSecondIntoKafka: {
          best: Math.round(Math.max(...bulkRates)),
          median: Math.round(
            [...bulkRates].sort((a, b) => a - b)[Math.floor(bulkRates.length / 2)] as number,
          ),
        },
        runSecondsHttp: latencySummary(runs.map((r) => r.httpSeconds)),
        runSecondsIntoKafka: latencySummary(runs.map((r) => r.e2eSeconds)),
      },
    };
    console.log('Intake over HTTP, end to end into Kafka through the outbox\n');
    console.log(`${'workload'.padEnd(46)} ${'rate'.padStart(22)}   p50 / p95 / p99`);
    const s = results.single;
    console.log(
      `${`single POST /v1/reports (${s.concurrency} clients, ${s.reports})`.padEnd(46)} ${`${s.reportsPerSecondHttp} reports/s`.padStart(22)}   ${s.latencyMs.p50} / ${s.latencyMs.p95} / ${s.latencyMs.p99} ms`,
    );
    console.log(
      `${'  ... into Kafka'.padEnd(46)} ${`${s.reportsPerSecondIntoKafka} reports/s`.padStart(22)}`,
    );
    const b = results.bulk;
    console.log(
      `${`bulk NDJSON (${b.runs} x ${b.linesPerRun} lines x ${b.indicatorsPerLine} ind.)`.padEnd(46)} ${`${b.reportsPerSecondHttp} reports/s`.padStart(22)}   ${b.runSecondsHttp.p50} / ${b.runSecondsHttp.p95} / ${b.runSecondsHttp.p99} s per run`,
    );
    console.log(
      `${'  ... into Kafka (end to end)'.padEnd(46)} ${`${b.indicatorsPerSecondIntoKafka.median} indicators/s`.padStart(22)}   ${b.runSecondsIntoKafka.p50} / ${b.runSecondsIntoKafka.p95} / ${b.runSecondsIntoKafka.p99} s per run`,
    );

    const kafkajs = baselineFrom('baseline-kafka', 'baseline: kafkajs producer');
    const result: BenchResult = {
      name: 'intake',
      title: 'Intake over HTTP, end to end into Kafka through the outbox',
      date: new Date().toISOString(),
      rerun: 'node -r ./tools/register.js bench/intake.bench.ts',
      machine: await machineInfo(),
      figures: [
        {
          stage: `intake: single POST /v1/reports (${s.concurrency} clients), accepted over HTTP`,
          metric: 'reports/s',
          value: s.reportsPerSecondHttp,
          unit: 'reports/s',
          sampleSize: s.reports,
          ...s.latencyMs,
          latencyUnit: 'ms',
        },
        {
          stage: 'intake: single reports, end to end into Kafka',
          metric: 'reports/s',
          value: s.reportsPerSecondIntoKafka,
          unit: 'reports/s',
          sampleSize: s.reports,
          ...(kafkajs ? { baseline: kafkajs } : {}),
        },
        {
          stage: `intake: bulk NDJSON over HTTP (${b.runs} x ${b.linesPerRun} lines)`,
          metric: 'reports/s',
          value: b.reportsPerSecondHttp,
          unit: 'reports/s',
          sampleSize: b.runs * b.linesPerRun,
          p50: b.runSecondsHttp.p50,
          p95: b.runSecondsHttp.p95,
          p99: b.runSecondsHttp.p99,
          latencyUnit: 's per run',
        },
        {
          stage: `intake: bulk import, end to end into Kafka (median of ${b.runs} runs; best ${b.indicatorsPerSecondIntoKafka.best})`,
          metric: 'indicators/s',
          value: b.indicatorsPerSecondIntoKafka.median,
          unit: 'indicators/s',
          sampleSize: b.runs * b.linesPerRun * b.indicatorsPerLine,
          p50: b.runSecondsIntoKafka.p50,
          p95: b.runSecondsIntoKafka.p95,
          p99: b.runSecondsIntoKafka.p99,
          latencyUnit: 's per run',
          target: '>= 20,000 indicators/s',
          ...(kafkajs ? { baseline: kafkajs } : {}),
        },
      ],
      notes: [
        'Intake runs in the benchmark process on 127.0.0.1 with a fresh database and topic namespace; end to end means until the outbox relay has published every event with acks=all.',
        `Bulk lines carry ${b.indicatorsPerLine} indicators each (one report.submitted event per line), so the Kafka baseline compares events, not indicators.`,
      ],
    };
    console.log(`\nwrote ${writeBenchResult(result)}`);
  } finally {
    await app.close();
    await dropDatabase(env.DATABASE_URL, env.DATABASE_NAME).catch(() => undefined);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
