import { randomBytes } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { fromKafkaMessage, type CloudEvent } from '@wgas/contracts';
import { dropDatabase, openServiceDataSource } from '@wgas/persistence';
import { waitFor } from '@wgas/testing';
import { createKafka, ensureTopics } from '../kafka/kafka-client';
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
});
