import { Logger } from '@nestjs/common';
import {
  ConfigResourceTypes,
  ConfigSource,
  Kafka,
  logLevel,
  type Admin,
  type LogEntry,
  type Producer,
} from 'kafkajs';
import { isCompactedTopic } from '@wgas/contracts';
import { KeyPartitioner } from './key-partitioner';
import { installRecordBatchEncoder } from './record-batch-encoder';

const logger = new Logger('kafkajs');
const topicsLogger = new Logger('KafkaTopics');

// kafkajs logs every retried request at ERROR; those are expected while a broker restarts,
// so they are downgraded and the caller decides what is worth an error.
function logCreator() {
  return ({ level, log }: LogEntry): void => {
    const { message, error } = log as { message: string; error?: string };
    const text = error ? `${message}: ${error}` : message;
    if (level <= logLevel.ERROR) logger.warn(text);
    else if (level === logLevel.WARN) logger.debug(text);
  };
}

export interface KafkaClientOptions {
  brokers: string[];
  clientId: string;
}

let encoderChecked = false;

export function createKafka(o: KafkaClientOptions): Kafka {
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  // Record batches written in one pass (ADR 0021), before anything produces.
  const encoder = installRecordBatchEncoder();
  if (!encoder.installed && !encoderChecked)
    logger.warn(`kafkajs encodes record batches itself: ${encoder.reason}`);
  encoderChecked = true;
  return new Kafka({
    clientId: o.clientId,
    brokers: o.brokers,
    logLevel: logLevel.WARN,
    logCreator,
    connectionTimeout: 3000,
    requestTimeout: 30000,
    retry: { initialRetryTime: 200, maxRetryTime: 5000, retries: 5 },
  });
}

/** Idempotent producer with acks=all: no duplicates from producer retries, ordered per partition. */
export function createProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: KeyPartitioner,
    allowAutoTopicCreation: false,
    retry: { initialRetryTime: 100, maxRetryTime: 2000, retries: 3 },
  });
}

/**
 * `max.message.bytes` of the topics we create: above the largest report intake can be
 * configured to accept (JSON_BODY_LIMIT_BYTES and BULK_MAX_LINE_BYTES, at most 10 MiB),
 * so the event of a report at that limit, with its envelope, still fits. Kafka's default
 * (1 MiB) refused the event of a report at intake's default limit, and the outbox relay
 * would retry it for ever. A larger message costs nothing until one is sent.
 */
export const TOPIC_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/**
 * Creates the topics that do not exist yet (with `max.message.bytes` =
 * TOPIC_MAX_MESSAGE_BYTES, compacted for `COMPACTED_TOPIC_SUFFIXES`) and waits for their
 * leaders. Then every topic is checked against those settings, and one that differs is
 * brought to them (`alignExisting`): not only those `listTopics` showed, which can miss a
 * topic another process created a moment before (it then counts as missing, and
 * `createTopics` only reports that it exists).
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: string[],
  numPartitions = 3,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length > 0) {
      // Creating topics that another service is creating at the same moment is fine.
      await admin.createTopics({
        topics: missing.map((topic) => ({
          topic,
          numPartitions,
          replicationFactor: -1,
          configEntries: [
            { name: 'max.message.bytes', value: String(TOPIC_MAX_MESSAGE_BYTES) },
            ...(isCompactedTopic(topic) ? [{ name: 'cleanup.policy', value: 'compact' }] : []),
          ],
        })),
        waitForLeaders: false,
      });
    }
    await waitForLeaders(admin, topics);
    await alignExisting(admin, topics);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Brings topics that already existed (created by an older release, or auto-created by a
 * producer) to the settings ours are created with: `cleanup.policy=compact` for the
 * compacted suffixes, and `max.message.bytes` of at least TOPIC_MAX_MESSAGE_BYTES. Their
 * other overrides are kept (AlterConfigs replaces a topic's overrides as a whole, so they
 * are sent again), and a larger `max.message.bytes` an operator set is left alone. Best
 * effort: a service without the right to alter a topic (a peer's, under ACLs) still
 * starts, and says why the topic was not changed.
 */
async function alignExisting(admin: Admin, topics: string[]): Promise<void> {
  try {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name })),
    });
    const plans = resources.flatMap((r) => {
      const value = (name: string) =>
        r.configEntries.find((e) => e.configName === name)?.configValue;
      const wanted: { name: string; value: string }[] = [];
      if (isCompactedTopic(r.resourceName) && value('cleanup.policy') !== 'compact')
        wanted.push({ name: 'cleanup.policy', value: 'compact' });
      if (Number(value('max.message.bytes') ?? 0) < TOPIC_MAX_MESSAGE_BYTES)
        wanted.push({ name: 'max.message.bytes', value: String(TOPIC_MAX_MESSAGE_BYTES) });
      if (wanted.length === 0) return [];
      const names = new Set(wanted.map((w) => w.name));
      const kept = r.configEntries
        .filter((e) => e.configSource === ConfigSource.TOPIC_CONFIG && !e.isSensitive)
        .filter((e) => !names.has(e.configName))
        .map((e) => ({ name: e.configName, value: e.configValue }));
      return [{ topic: r.resourceName, kept, wanted }];
    });
    if (plans.length === 0) return;
    await admin.alterConfigs({
      validateOnly: false,
      resources: plans.map((p) => ({
        type: ConfigResourceTypes.TOPIC,
        name: p.topic,
        configEntries: [...p.kept, ...p.wanted],
      })),
    });
    for (const p of plans)
      topicsLogger.log(`${p.topic}: ${p.wanted.map((w) => `${w.name}=${w.value}`).join(', ')}`);
  } catch (e) {
    topicsLogger.warn(
      `cannot update the settings of ${topics.join(', ')}: ${(e as Error).message}`,
    );
  }
}

/**
 * kafkajs's own wait gives up on UNKNOWN_TOPIC_OR_PARTITION, which a KRaft broker answers
 * for a moment after creating many topics at once; poll the metadata until every
 * partition has a leader instead.
 */
export async function waitForLeaders(
  admin: Admin,
  topics: string[],
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 100; ; delay = Math.min(delay * 2, 2000)) {
    try {
      const { topics: meta } = await admin.fetchTopicMetadata({ topics });
      const ready =
        meta.length === topics.length &&
        meta.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0));
      if (ready) return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
    }
    if (Date.now() > deadline)
      throw new Error(`topics have no leaders after ${timeoutMs} ms: ${topics.join(', ')}`);
    await new Promise((r) => setTimeout(r, delay));
  }
}
