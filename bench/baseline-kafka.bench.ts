// Kafka ceilings on this machine, measured with the message size and acks we use:
// the broker's own perf tools (ProducerPerformance / ConsumerPerformance from the
// Maven-fetched jars), kafkajs as shipped, and kafkajs with our record batch encoder
// (ADR 0021), which the services use. Pipeline stages are reported as a fraction of these.
//   node -r ./tools/register.js bench/baseline-kafka.bench.ts
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EVENT_TYPES, toKafkaMessage, type IndicatorUpsertedV1 } from '@wgas/contracts';
import { createKafka, createProducer, ensureTopics, newEvent } from '@wgas/messaging';
import {
  machineInfo,
  printFigures,
  REPO_ROOT,
  timed,
  withBenchKafka,
  writeBenchResult,
  type Figure,
} from './lib/bench-kit';

const run = promisify(execFile);
const MESSAGES = Number(process.env.BENCH_KAFKA_MESSAGES ?? 200_000);
const BATCH = 1000;
const LIB = join(REPO_ROOT, 'deploy', 'kafka-local', 'lib', '*');
const LOG4J = join(REPO_ROOT, 'deploy', 'kafka-local', 'log4j2-tools.properties');

/** A real `indicator.upserted` event, the most common message on our topics. */
function sampleMessage(i: number) {
  const data: IndicatorUpsertedV1 = {
    indicatorId: `v1:${i.toString(16).padStart(64, '0')}`,
    change: 'created',
    type: 'phone',
    canonical: `+668${String(10_000_000 + i).slice(-8)}`,
    display: '+66 81 234 5678',
    reportId: '7d9f3c1e-2b4a-4c8e-9f10-123456789abc',
    reportCountry: 'TH',
    typology: 'impersonation',
    tlp: 'GREEN',
    reportCount: 1,
    countries: ['TH'],
    confidence: 0.5,
    firstSeen: new Date().toISOString(),
    lastSeen: new Date().toISOString(),
  };
  return toKafkaMessage(
    newEvent('urn:aseanwgas:node:th', EVENT_TYPES.indicatorUpserted, data),
    data.indicatorId,
  );
}

async function javaTool(cls: string, args: string[]): Promise<string> {
  const { stdout } = await run(
    'java',
    ['-Xmx512m', `-Dlog4j2.configurationFile=${LOG4J}`, '-cp', LIB, cls, ...args],
    {
      maxBuffer: 64 * 1024 * 1024,
      timeout: 300_000,
    },
  );
  return stdout;
}

async function kafkaTools(brokers: string, topic: string, size: number): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'wgas-bench-'));
  const payloads = join(dir, 'payloads.txt');
  writeFileSync(
    payloads,
    Array.from({ length: 1000 }, (_, i) => sampleMessage(i).value.toString('utf8')).join('\n'),
  );
  const produced = await javaTool('org.apache.kafka.tools.ProducerPerformance', [
    '--topic',
    topic,
    '--num-records',
    String(MESSAGES),
    '--throughput',
    '-1',
    '--payload-file',
    payloads,
    '--producer-props',
    `bootstrap.servers=${brokers}`,
    'acks=all',
    'enable.idempotence=true',
    'linger.ms=5',
  ]);
  const last = produced.trim().split('\n').pop() ?? '';
  const m = /([\d.]+) records\/sec .*?([\d.]+) ms 50th, ([\d.]+) ms 95th, ([\d.]+) ms 99th/.exec(
    last,
  );
  if (!m) throw new Error(`cannot parse ProducerPerformance output: ${last}`);
  const consumed = await javaTool('org.apache.kafka.tools.ConsumerPerformance', [
    '--bootstrap-server',
    brokers,
    '--topic',
    topic,
    '--messages',
    String(MESSAGES),
    '--group',
    `perf-${Date.now()}`,
    '--timeout',
    '60000',
  ]);
  const row =
    consumed
      .trim()
      .split('\n')
      .pop()
      ?.split(',')
      .map((s) => s.trim()) ?? [];
  const nMsgSec = Number(row[5]);
  return [
    {
      stage: 'baseline: Kafka producer (kafka-producer-perf-test)',
      metric: 'messages/s',
      value: Number(m[1]),
      unit: 'msg/s',
      sampleSize: MESSAGES,
      p50: Number(m[2]),
      p95: Number(m[3]),
      p99: Number(m[4]),
      latencyUnit: 'ms',
    },
    {
      stage: 'baseline: Kafka consumer (kafka-consumer-perf-test)',
      metric: 'messages/s',
      value: nMsgSec,
      unit: 'msg/s',
      sampleSize: MESSAGES,
    },
  ].map((f) => ({ ...f, value: Math.round(f.value), ...(size ? {} : {}) }));
}

/** Seconds to produce MESSAGES in batches of BATCH with our producer settings. */
async function produceAll(brokers: string, topic: string): Promise<number> {
  const kafka = createKafka({ brokers: brokers.split(','), clientId: 'bench-kafkajs' });
  const producer = createProducer(kafka);
  await producer.connect();
  const messages = Array.from({ length: BATCH }, (_, i) => sampleMessage(i));
  const produced = await timed(async () => {
    for (let sent = 0; sent < MESSAGES; sent += BATCH)
      await producer.send({ topic, acks: -1, messages });
  });
  await producer.disconnect();
  return produced.seconds;
}

/**
 * kafkajs's producer as shipped: this script again, in a process where the ADR 0021
 * encoder is switched off (it is installed once per process, for good).
 */
async function stockProducerSeconds(brokers: string, topic: string): Promise<number> {
  const { stdout } = await run(
    process.execPath,
    [
      '-r',
      './tools/register.js',
      'bench/baseline-kafka.bench.ts',
      '--stock-producer',
      brokers,
      topic,
    ],
    { cwd: REPO_ROOT, env: { ...process.env, KAFKA_RECORD_ENCODER: 'kafkajs' } },
  );
  return Number(stdout.trim().split('\n').pop());
}

async function kafkajsRaw(brokers: string, topic: string, stockTopic: string): Promise<Figure[]> {
  const stockSeconds = await stockProducerSeconds(brokers, stockTopic);
  const producedSeconds = await produceAll(brokers, topic);
  const kafka = createKafka({ brokers: brokers.split(','), clientId: 'bench-kafkajs' });
  const consumer = kafka.consumer({ groupId: `bench-${Date.now()}`, maxWaitTimeInMs: 50 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  const consumed = await timed(
    () =>
      new Promise<void>((resolve) => {
        void consumer.run({
          eachBatch: async ({ batch }) => {
            seen += batch.messages.length;
            if (seen >= MESSAGES) resolve();
          },
        });
      }),
  );
  await consumer.disconnect();
  return [
    {
      stage: 'baseline: kafkajs 2.2.4 as shipped, producer (idempotent, acks=all, 1000/batch)',
      metric: 'messages/s',
      value: Math.round(MESSAGES / stockSeconds),
      unit: 'msg/s',
      sampleSize: MESSAGES,
    },
    {
      stage:
        'baseline: kafkajs producer with the one-pass record batch encoder (ADR 0021; idempotent, acks=all, 1000/batch)',
      metric: 'messages/s',
      value: Math.round(MESSAGES / producedSeconds),
      unit: 'msg/s',
      sampleSize: MESSAGES,
    },
    {
      stage: 'baseline: kafkajs consumer (eachBatch, no work)',
      metric: 'messages/s',
      value: Math.round(seen / consumed.seconds),
      unit: 'msg/s',
      sampleSize: seen,
    },
  ];
}

async function main(): Promise<void> {
  const size = sampleMessage(0).value.length;
  const figures = await withBenchKafka(async (brokers) => {
    const kafka = createKafka({ brokers: brokers.split(','), clientId: 'bench-admin' });
    const stamp = Date.now();
    const javaTopic = `bench.java.${stamp}`;
    const jsTopic = `bench.kafkajs.${stamp}`;
    const stockTopic = `bench.kafkajs-stock.${stamp}`;
    await ensureTopics(kafka, [javaTopic, jsTopic, stockTopic]);
    return [
      ...(await kafkaTools(brokers, javaTopic, size)),
      ...(await kafkajsRaw(brokers, jsTopic, stockTopic)),
    ];
  });
  const result = {
    name: 'baseline-kafka',
    title: 'Kafka ceilings',
    date: new Date().toISOString(),
    rerun: 'node -r ./tools/register.js bench/baseline-kafka.bench.ts',
    machine: await machineInfo(),
    figures,
    notes: [
      `Messages are real indicator.upserted CloudEvents values, ${size} bytes, acks=all, idempotent producers, 3 partitions, single local broker.`,
      'kafkajs as shipped runs in a process of its own with KAFKA_RECORD_ENCODER=kafkajs: no WG-AS code but the producer settings (idempotent, acks=all, KeyPartitioner). The services produce with the ADR 0021 encoder, so stages are compared with that ceiling.',
    ],
  };
  printFigures(result);
  console.log(`wrote ${writeBenchResult(result)}`);
}

const stock = process.argv.indexOf('--stock-producer');
(stock >= 0
  ? produceAll(process.argv[stock + 1]!, process.argv[stock + 2]!).then((s) => console.log(s))
  : main()
).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
