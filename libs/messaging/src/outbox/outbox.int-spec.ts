import { randomBytes } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { fromKafkaMessage, type CloudEvent } from '@wgas/contracts';
import { dropDatabase, openServiceDataSource } from '@wgas/persistence';
import { waitFor } from '@wgas/testing';
import { createKafka, ensureTopics, waitForLeaders } from '../kafka/kafka-client';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxRelay } from './outbox-relay';
import { COPY_MIN_EVENTS, enqueueEvents, newEvent, type OutgoingEvent } from './outbox-writer';

/** Values that COPY's text format must escape, and some that it must leave alone. */
const AWKWARD = [
  'plain',
  'back\\slash and \\N and \\x00',
  'tab\there',
  'new\nline and carriage\rreturn',
  'quotes " and \' and {"json": [1]}',
  'ไทย Tiếng Việt 中文 😀',
];

describe('outbox: enqueue (COPY for a large batch in a transaction, else one INSERT that also notifies) and relay, against real Kafka and Postgres', () => {
  const namespace = `t${randomBytes(5).toString('hex')}`;
  const topic = `${namespace}.things.v1`;
  const database = `wgas_${namespace}`;
  let kafka: Kafka;
  let ds: DataSource;
  let relay: OutboxRelay;
  let consumer: Consumer;
  const received: { key: string; event: CloudEvent }[] = [];

  beforeAll(async () => {
    kafka = createKafka({
      brokers: (process.env.KAFKA_BROKERS as string).split(','),
      clientId: 'outboxtest',
    });
    ds = await openServiceDataSource({
      serverUrl: process.env.DATABASE_URL as string,
      database,
      schema: 'obtest',
      entities: [OutboxMessage],
      migrations: [],
    });
    await ds.query(
      `CREATE TABLE obtest.outbox (seq bigserial PRIMARY KEY, event_id text NOT NULL, topic text NOT NULL,
         message_key text NOT NULL, headers jsonb NOT NULL, value bytea NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now())`,
    );
    await ensureTopics(kafka, [topic]);
    consumer = kafka.consumer({ groupId: `${namespace}.reader` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        received.push({
          key: message.key!.toString(),
          event: fromKafkaMessage(message.value, message.headers),
        });
      },
    });
    // A one-minute fallback poll: only NOTIFY can make these tests pass in time.
    relay = new OutboxRelay({ dataSource: ds, kafka, batchSize: 7, pollIntervalMs: 60_000 });
    relay.start();
  });

  afterAll(async () => {
    await relay?.stop();
    await consumer?.disconnect();
    await ds?.destroy();
    await dropDatabase(process.env.DATABASE_URL as string, database);
  });

  function events(prefix: string, n: number): OutgoingEvent<{ text: string; i: number }>[] {
    return Array.from({ length: n }, (_, i) => {
      const text = AWKWARD[i % AWKWARD.length]!;
      const key = `${prefix}-${i}-${text}`;
      return { topic, key, event: newEvent('urn:test', 'test.thing.v1', { text, i }, key) };
    });
  }

  it('publishes every event byte for byte, whether written by COPY or by INSERT', async () => {
    const copied = events('copy', COPY_MIN_EVENTS + 3);
    const small = events('small', 5); // a transaction's few events: one INSERT with the NOTIFY
    const outside = events('insert', 12);
    await ds.transaction((m) => enqueueEvents(m, copied));
    await ds.transaction((m) => enqueueEvents(m, small));
    await enqueueEvents(ds.manager, outside);
    const sent = [...copied, ...small, ...outside];
    await waitFor(() => received.length >= sent.length, { timeoutMs: 30000 });
    // (the topic has several partitions: Kafka orders per key, so compare by key)
    const byKey = (list: { key: string; event: CloudEvent }[]) =>
      [...list].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    expect(byKey(received)).toEqual(byKey(sent.map(({ key, event }) => ({ key, event }))));
    expect(await relay.backlog()).toBe(0);
  });

  it('writes nothing when the transaction rolls back', async () => {
    const before = received.length;
    await expect(
      ds.transaction(async (m) => {
        await enqueueEvents(m, events('rolled-back', 5));
        throw new Error('handler failed after enqueueing');
      }),
    ).rejects.toThrow('handler failed');
    const marker = events('after-rollback', 1);
    await ds.transaction((m) => enqueueEvents(m, marker));
    await waitFor(() => received.length > before, { timeoutMs: 30000 });
    expect(received.slice(before).map((r) => r.key)).toEqual([marker[0]!.key]);
  });

  it('wakes for a commit that lands while it is publishing (no lost wake-up)', async () => {
    // The same broker, but each publish takes 300 ms, so a commit can land mid-publish.
    await relay.stop();
    let publishing: () => void = () => undefined;
    const midPublish = new Promise<void>((r) => (publishing = r));
    const slowKafka = Object.create(kafka) as Kafka;
    slowKafka.producer = (config) => {
      const producer = kafka.producer(config);
      const sendBatch = producer.sendBatch.bind(producer);
      producer.sendBatch = async (batch) => {
        publishing();
        await new Promise((r) => setTimeout(r, 300));
        return sendBatch(batch);
      };
      return producer;
    };
    relay = new OutboxRelay({ dataSource: ds, kafka: slowKafka, pollIntervalMs: 60_000 });
    relay.start();
    const before = received.length;
    const first = events('slow-first', 1);
    const second = events('slow-second', 1);
    await ds.transaction((m) => enqueueEvents(m, first));
    await midPublish; // the relay has claimed `first` and is sending it
    await ds.transaction((m) => enqueueEvents(m, second));
    await waitFor(() => received.length - before >= 2, {
      timeoutMs: 10000,
      what: 'the event committed mid-publish, long before the one-minute fallback poll',
    });
    expect(
      received
        .slice(before)
        .map((r) => r.key)
        .sort(),
    ).toEqual([first[0]!.key, second[0]!.key].sort());
  });

  it('splits a large batch into requests Kafka accepts (a topic at the default 1 MiB limit)', async () => {
    await relay.stop();
    // created without our override: Kafka's default max.message.bytes
    const plain = `${namespace}.plain.v1`;
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: plain, numPartitions: 1 }] });
    // (kafkajs's own waitForLeaders gives up on a KRaft broker's UNKNOWN_TOPIC_OR_PARTITION)
    await waitForLeaders(admin, [plain]);
    await admin.disconnect();
    const reader = kafka.consumer({ groupId: `${namespace}.plain-reader` });
    const keys: string[] = [];
    await reader.connect();
    await reader.subscribe({ topic: plain, fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) => void keys.push(message.key!.toString()),
    });
    relay = new OutboxRelay({ dataSource: ds, kafka, batchSize: 500, pollIntervalMs: 60_000 });
    relay.start();
    try {
      // 40 events of 100 kB on one key: 4 MB for one partition, one read of the outbox
      const big = Array.from({ length: 40 }, (_, i) => ({
        topic: plain,
        key: 'one-key',
        event: newEvent('urn:test', 'test.big.v1', { i, text: 'x'.repeat(100_000) }, 'one-key'),
      }));
      await ds.transaction((m) => enqueueEvents(m, big));
      await waitFor(() => keys.length >= big.length, {
        timeoutMs: 30000,
        what: 'every large event (one 4 MB request would be refused for ever)',
      });
      expect(keys).toHaveLength(big.length);
      expect(await relay.backlog()).toBe(0);
    } finally {
      await reader.disconnect();
    }
  });

  it('reads at most maxReadBytes of values per batch (one row at the least)', async () => {
    await relay.stop();
    let requests = 0;
    const counting = Object.create(kafka) as Kafka;
    counting.producer = (config) => {
      const producer = kafka.producer(config);
      const sendBatch = producer.sendBatch.bind(producer);
      producer.sendBatch = async (batch) => {
        requests++;
        return sendBatch(batch);
      };
      return producer;
    };
    relay = new OutboxRelay({
      dataSource: ds,
      kafka: counting,
      maxReadBytes: 1,
      pollIntervalMs: 60_000,
    });
    const before = received.length;
    const few = events('one-per-read', 5);
    await ds.transaction((m) => enqueueEvents(m, few));
    relay.start();
    await waitFor(() => received.length - before >= few.length, { timeoutMs: 30000 });
    expect(requests).toBe(few.length);
  });

  it('publishes and consumes an event above 1 MiB on a topic made by ensureTopics', async () => {
    const before = received.length;
    const [large] = events('large', 1);
    (large!.event.data as { text: string }).text = 'y'.repeat(3 * 1024 * 1024);
    await ds.transaction((m) => enqueueEvents(m, [large!]));
    await waitFor(() => received.length > before, { timeoutMs: 30000, what: 'the 3 MiB event' });
    expect((received[before]!.event.data as { text: string }).text).toHaveLength(3 * 1024 * 1024);
  });

  it('publishes through one relay per schema; a standby takes over when the holder stops', async () => {
    await relay.stop();
    const first = new OutboxRelay({ dataSource: ds, kafka, pollIntervalMs: 200 });
    const standby = new OutboxRelay({ dataSource: ds, kafka, pollIntervalMs: 200 });
    first.start();
    await waitFor(() => first.isActive, {
      timeoutMs: 10000,
      what: 'the first relay holds the lock',
    });
    standby.start();
    relay = standby; // stopped by afterAll
    try {
      const before = received.length;
      const batch = events('one-relay', 20);
      await ds.transaction((m) => enqueueEvents(m, batch));
      await waitFor(() => received.length - before >= batch.length, { timeoutMs: 30000 });
      expect(first.published).toBe(batch.length);
      expect(standby.isActive).toBe(false);
      expect(standby.published).toBe(0);

      await first.stop(); // its session ends, and the lock with it
      await waitFor(() => standby.isActive, { timeoutMs: 10000, what: 'the standby takes over' });
      const later = events('after-takeover', 3);
      await ds.transaction((m) => enqueueEvents(m, later));
      await waitFor(() => received.length - before >= batch.length + later.length, {
        timeoutMs: 30000,
      });
      expect(standby.published).toBe(later.length);
      await waitFor(async () => (await standby.backlog()) === 0, { timeoutMs: 10000 });
      // nothing published twice: the first relay deleted what Kafka acknowledged
      expect(
        received
          .slice(before)
          .map((r) => r.key)
          .sort(),
      ).toEqual([...batch, ...later].map((e) => e.key).sort());
    } finally {
      await first.stop();
    }
  });
});
