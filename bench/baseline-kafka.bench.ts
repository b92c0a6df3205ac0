// Kafka ceilings on this machine, measured with the message size and acks we use:
// the broker's own perf tools (ProducerPerformance / ConsumerPerformance from the
// Maven-fetched jars) and kafkajs with none of our code. Pipeline stages are reported
// as a fraction of these.
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

async function kafkajsRaw(brokers: string, topic: string): Promise<Figure[]> {
  const kafka = createKafka({ brokers: brokers.split(','), clientId: 'bench-kafkajs' });
  const producer = createProducer(kafka);
  await producer.connect();
  const messages = Array.from({ length: BATCH }, (_, i) => sampleMessage(i));
  const produced = await timed(async () => {
    for (let sent = 0; sent < MESSAGES; sent += BATCH)
      await producer.send({ topic, acks: -1, messages });
  });
  await producer.disconnect();
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
      stage: 'baseline: kafkajs producer (idempotent, acks=all, 1000/batch)',
      metric: 'messages/s',
      value: Math.round(MESSAGES / produced.seconds),
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
    await ensureTopics(kafka, [javaTopic, jsTopic]);
    return [
      ...(await kafkaTools(brokers, javaTopic, size)),
      ...(await kafkajsRaw(brokers, jsTopic)),
    ];
  });
  const result = {
    name: 'baseline-kafka',
    title: 'Kafka ceilings (no WG-AS code)',
    date: new Date().toISOString(),
    rerun: 'node -r ./tools/register.js bench/baseline-kafka.bench.ts',
    machine: await machineInfo(),
    figures,
    notes: [
      `Messages are real indicator.upserted CloudEvents values, ${size} bytes, acks=all, idempotent producers, 3 partitions, single local broker.`,
    ],
  };
  printFigures(result);
  console.log(`wrote ${writeBenchResult(result)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
