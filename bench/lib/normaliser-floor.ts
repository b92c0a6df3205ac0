// The least machine CPU the normaliser's work can take on this machine, with the fixed
// stack (kafkajs, pg, Node): each part of what one drain did, done again on its own with
// nothing else in it, and its CPU counted. Used by bench/normaliser.bench.ts after its drain.
import type { KafkaMessage } from 'kafkajs';
import {
  EVENT_TYPES,
  fromKafkaMessage,
  ReportSubmittedV1,
  validateEventData,
  type CloudEvent,
  type IndicatorUpsertedV1,
  type ReportNormalisedV1,
} from '@wgas/contracts';
import { createKafka, createProducer, enqueueEvents, ensureTopics } from '@wgas/messaging';
import {
  IndicatorStoreRepository,
  NORMALISER_ENTITIES,
  NORMALISER_MIGRATIONS,
  NORMALISER_SCHEMA,
  NormaliserThread,
  type NormaliserConfig,
  type SightingInput,
} from '@wgas/normaliser';
import { dropDatabase, openServiceDataSource } from '@wgas/persistence';
import type { Client } from 'pg';
import { cpus } from 'node:os';
import { busyMicros, machineCpu, type Figure } from './bench-kit';

/** Reports per transaction when the store's writes are replayed (the drain's were 1-3k). */
export const REPLAY_BATCH = 1000;

export interface FloorInput {
  brokers: string;
  topics: { reports: string; indicators: string; outcomes: string };
  /** The drained store (read only), and where to make a scratch database beside it. */
  store: Client;
  serverUrl: string;
  scratchDatabase: string;
  config: NormaliserConfig;
  raw: number;
}

export interface FloorPart {
  stage: string;
  /** Machine CPU (every process, all cores) per raw indicator, in µs. */
  perRaw: number;
  /** This process's share of it (Node: kafkajs, pg, our code), in µs. */
  nodePerRaw: number;
}

interface Cpu {
  /** Busy machine CPU in µs; undefined off Linux. */
  machine: number | undefined;
  /** This process's CPU in µs. */
  node: number;
}

async function cpuOf(work: () => Promise<void>): Promise<Cpu> {
  const from = machineCpu();
  const node0 = process.cpuUsage();
  await work();
  const { user, system } = process.cpuUsage(node0);
  return { machine: busyMicros(from, machineCpu()), node: user + system };
}

/** Every message of a topic, read by a group of its own (`keep` false: counted only). */
async function readTopic(brokers: string, topic: string, keep: boolean): Promise<KafkaMessage[]> {
  const kafka = createKafka({ brokers: brokers.split(','), clientId: 'bench-floor' });
  const admin = kafka.admin();
  await admin.connect();
  const remaining = new Map(
    (await admin.fetchTopicOffsets(topic))
      .filter((o) => Number(o.high) > 0)
      .map((o) => [o.partition, Number(o.high)]),
  );
  await admin.disconnect();
  const kept: KafkaMessage[] = [];
  if (remaining.size === 0) return kept;
  const consumer = kafka.consumer({ groupId: `bench-floor-${topic}-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          if (keep) kept.push(...batch.messages);
          const high = remaining.get(batch.partition);
          if (high !== undefined && Number(batch.lastOffset()) + 1 >= high) {
            remaining.delete(batch.partition);
            if (remaining.size === 0) resolve();
          }
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return kept;
}

function toEvent(m: KafkaMessage): CloudEvent {
  return fromKafkaMessage(m.value, m.headers as Parameters<typeof fromKafkaMessage>[1]);
}

/** The report an outgoing event belongs to (outcomes are keyed by it, indicator events carry it). */
function reportOf(e: CloudEvent): string {
  return e.type === EVENT_TYPES.reportNormalised
    ? (e.data as ReportNormalisedV1).reportId
    : (e.data as IndicatorUpsertedV1).reportId;
}

interface SightingRow {
  indicator_id: string;
  report_id: string;
  raw_indicator_id: string;
  organisation_id: string;
  country: SightingInput['country'];
  typology: SightingInput['typology'];
  tlp: SightingInput['tlp'];
  seen_at: Date;
  type: string;
  canonical: string;
  display: string;
  warninglist_entry: string | null;
}

/**
 * The store's writes of the drain, made again in a scratch database with the normaliser's
 * own statements: per REPLAY_BATCH reports, one transaction with the consumer's inbox rows,
 * the outcome events into the outbox, the sightings and the indicator upsert, the indicator
 * events into the outbox; then, as the relay does, the outbox read back in order and
 * deleted. Node's part (building the statements, pg) is counted with Postgres's.
 */
async function replayStore(
  input: FloorInput,
  reports: { eventId: string; reportId: string }[],
  events: { topic: string; event: CloudEvent }[],
): Promise<Cpu> {
  const { rows } = await input.store.query<SightingRow>(
    `SELECT s.*, i.type, i.canonical, i.display, i.warninglist_entry
       FROM normaliser.indicator_sightings s JOIN normaliser.indicators i ON i.id = s.indicator_id`,
  );
  const sightings = new Map<string, SightingInput[]>();
  for (const r of rows) {
    const list = sightings.get(r.report_id) ?? [];
    list.push({
      indicatorId: r.indicator_id,
      type: r.type,
      canonical: r.canonical,
      display: r.display,
      warninglist: r.warninglist_entry ?? undefined,
      reportId: r.report_id,
      rawIndicatorId: r.raw_indicator_id,
      organisationId: r.organisation_id,
      country: r.country,
      typology: r.typology,
      tlp: r.tlp,
      seenAt: r.seen_at,
    });
    sightings.set(r.report_id, list);
  }
  const byReport = new Map<string, { topic: string; key: string; event: CloudEvent }[]>();
  for (const { topic, event } of events) {
    const reportId = reportOf(event);
    const list = byReport.get(reportId) ?? [];
    list.push({ topic, key: event.subject ?? reportId, event });
    byReport.set(reportId, list);
  }
  const ds = await openServiceDataSource({
    serverUrl: input.serverUrl,
    database: input.scratchDatabase,
    schema: NORMALISER_SCHEMA,
    entities: NORMALISER_ENTITIES,
    migrations: NORMALISER_MIGRATIONS,
    poolSize: 2,
  });
  const repo = new IndicatorStoreRepository();
  const outcomeType = EVENT_TYPES.reportNormalised;
  let relayed = 0;
  try {
    const cpu = await cpuOf(async () => {
      for (let i = 0; i < reports.length; i += REPLAY_BATCH) {
        const batch = reports.slice(i, i + REPLAY_BATCH);
        const out = batch.flatMap((r) => byReport.get(r.reportId) ?? []);
        await ds.transaction(async (m) => {
          await m.query(
            `INSERT INTO normaliser.inbox (consumer, event_id) SELECT $1, unnest($2::text[])
               ON CONFLICT DO NOTHING RETURNING event_id`,
            ['bench-floor', batch.map((r) => r.eventId)],
          );
          await enqueueEvents(
            m,
            out.filter((o) => o.event.type === outcomeType),
          );
          const fresh = await repo.insertSightings(
            m,
            batch.flatMap((r) => sightings.get(r.reportId) ?? []),
          );
          await repo.mergeIndicators(m, fresh);
          await enqueueEvents(
            m,
            out.filter((o) => o.event.type !== outcomeType),
          );
        });
        for (;;) {
          const sent = (await ds.query(
            `SELECT seq, topic, message_key, headers, value FROM normaliser.outbox ORDER BY seq LIMIT 1000`,
          )) as { seq: string }[];
          if (sent.length === 0) break;
          relayed += sent.length;
          await ds.query('DELETE FROM normaliser.outbox WHERE seq = ANY($1::bigint[])', [
            sent.map((s) => s.seq),
          ]);
        }
      }
    });
    // A replay that wrote less than the drain measured less: refuse it.
    const [{ n }] = (await ds.query(
      'SELECT count(*)::int AS n FROM normaliser.indicator_sightings',
    )) as [{ n: number }];
    if (n !== rows.length || relayed !== events.length)
      throw new Error(
        `store replay wrote ${n} of ${rows.length} sightings and relayed ${relayed} of ${events.length} events`,
      );
    return cpu;
  } finally {
    await ds.destroy();
    await dropDatabase(input.serverUrl, input.scratchDatabase).catch(() => undefined);
  }
}

/**
 * The parts, each measured alone after the drain (the normaliser stopped): consuming the
 * reports, producing the events the drain produced, the store's writes for them, and
 * Node's own work on each report (decode, validate, normalise, hash; this process's CPU on
 * one thread). Their sum is machine CPU any drain of these reports on this stack spends at
 * the least, before the consumer's bookkeeping, the events' JSON and the waits between.
 */
export async function measureFloor(input: FloorInput): Promise<FloorPart[]> {
  const { brokers, topics, raw } = input;
  // Read first, not counted: the inputs of the parts below.
  const reports = await readTopic(brokers, topics.reports, true);
  const outgoing = [
    ...(await readTopic(brokers, topics.indicators, true)).map((m) => ({
      topic: topics.indicators,
      m,
    })),
    ...(await readTopic(brokers, topics.outcomes, true)).map((m) => ({
      topic: topics.outcomes,
      m,
    })),
  ];
  const parts: FloorPart[] = [];
  const add = (stage: string, cpu: Cpu) => {
    if (cpu.machine !== undefined)
      parts.push({ stage, perRaw: cpu.machine / raw, nodePerRaw: cpu.node / raw });
  };

  add(
    `Kafka: consuming the ${reports.length} reports (kafkajs eachBatch, no work)`,
    await cpuOf(async () => void (await readTopic(brokers, topics.reports, false))),
  );

  const kafka = createKafka({ brokers: brokers.split(','), clientId: 'bench-floor' });
  const scratch = `${topics.indicators}.floor`;
  await ensureTopics(kafka, [scratch]);
  const producer = createProducer(kafka);
  await producer.connect();
  const messages = outgoing.map(({ m }) => ({
    key: m.key,
    value: m.value,
    headers: m.headers,
  }));
  add(
    `Kafka: producing the ${messages.length} indicator and outcome events (kafkajs with the ADR 0021 encoder, 1,000 a request, acks=all)`,
    await cpuOf(async () => {
      for (let i = 0; i < messages.length; i += 1000)
        await producer.send({ topic: scratch, acks: -1, messages: messages.slice(i, i + 1000) });
    }),
  );
  await producer.disconnect();

  const decoded = reports.map(toEvent);
  add(
    `Postgres and pg: the store's writes replayed (inbox, sightings, indicator upsert, outbox in and out; ${REPLAY_BATCH.toLocaleString('en-US')} reports a transaction)`,
    await replayStore(
      input,
      decoded.map((e) => ({ eventId: e.id, reportId: (e.data as ReportSubmittedV1).reportId })),
      outgoing.map(({ topic, m }) => ({ topic, event: toEvent(m) })),
    ),
  );

  // The config with normalising inline (its other fields as they are, getters included).
  const inlineConfig: NormaliserConfig = Object.assign(Object.create(input.config) as object, {
    NORMALISE_THREAD: 'off' as const,
  }) as NormaliserConfig;
  const inline = new NormaliserThread(inlineConfig);
  const { node } = await cpuOf(async () => {
    for (const m of reports) {
      const event = toEvent(m);
      const report = validateEventData(ReportSubmittedV1, event.type, event.data);
      await inline.normalise(
        report.indicators.map((r) => ({
          value: r.value,
          country: report.country,
          ...(r.typeHint ? { typeHint: r.typeHint } : {}),
        })),
      );
    }
  });
  // One thread of this process and nothing else: its own CPU, not the machine's (which
  // would add the idle broker's and database's ticks).
  add('Node: decoding, validating, normalising and hashing each report (one thread)', {
    machine: node,
    node,
  });
  return parts;
}

/** The parts as bench figures, with their sum against the 10,000/s budget of this machine. */
export function floorFigures(parts: FloorPart[], raw: number, cores = cpus().length): Figure[] {
  if (parts.length === 0) return [];
  const sum = parts.reduce((s, p) => s + p.perRaw, 0);
  const budget = (cores * 1e6) / 10_000;
  return [
    ...parts.map((p) => ({
      stage: `floor, ${p.stage}`,
      metric: 'cpu',
      value: p.perRaw,
      unit: `µs/indicator (this Node process ${Math.round(p.nodePerRaw)})`,
      sampleSize: raw,
    })),
    {
      stage: `floor: the parts together, machine CPU per raw indicator (10,000/s on ${cores} cores allows ${budget})`,
      metric: 'cpu',
      value: sum,
      unit: 'µs/indicator',
      sampleSize: raw,
      target: `<= ${budget} µs/indicator`,
    },
    {
      stage: 'floor: the most raw indicators/s this machine could drain at that CPU',
      metric: 'throughput',
      value: (cores * 1e6) / sum,
      unit: 'indicators/s',
      sampleSize: raw,
      target: '>= 10,000 indicators/s',
    },
  ];
}
