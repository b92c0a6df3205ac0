import { randomBytes, randomUUID } from 'node:crypto';
import { Controller, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Module } from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { toKafkaMessage, type CloudEvent } from '@wgas/contracts';
import { dropDatabase, openServiceDataSource } from '@wgas/persistence';
import { waitFor } from '@wgas/testing';
import { InboxEntry } from '../inbox/inbox-entry.entity';
import { createKafka, createProducer, ensureTopics } from '../kafka/kafka-client';
import { newEvent } from '../outbox/outbox-writer';
import { OutboxMessage } from '../outbox/outbox-message.entity';
import { CloudEventsKafkaServer } from './cloud-events-kafka.server';
import type { EventContext } from './event-context';
import { EventErrorPassthroughFilter } from './event-error-passthrough.filter';

const applied: string[] = [];

@Controller()
class ThingsConsumer {
  @EventPattern('things.v1')
  async onThing(@Payload() event: CloudEvent, @Ctx() ctx: EventContext): Promise<void> {
    const data = event.data as { name: string };
    await ctx.manager.query('INSERT INTO msgtest.things (event_id, name) VALUES ($1, $2)', [
      event.id,
      data.name,
    ]);
    if (data.name === 'always-fails') throw new Error('handler refuses this one');
    applied.push(data.name);
  }
}

@Module({ controllers: [ThingsConsumer] })
class ThingsModule {}

describe('CloudEventsKafkaServer against real Kafka and Postgres', () => {
  const namespace = `t${randomBytes(5).toString('hex')}`;
  const topic = `${namespace}.things.v1`;
  const database = `wgas_${namespace}`;
  const serverUrl = process.env.DATABASE_URL as string;
  let kafka: Kafka;
  let ds: DataSource;
  let app: INestMicroservice;
  let producer: Producer;

  beforeAll(async () => {
    kafka = createKafka({
      brokers: (process.env.KAFKA_BROKERS as string).split(','),
      clientId: 'msgtest',
    });
    ds = await openServiceDataSource({
      serverUrl,
      database,
      schema: 'msgtest',
      entities: [InboxEntry, OutboxMessage],
      migrations: [],
    });
    await ds.query(
      `CREATE TABLE msgtest.inbox (consumer text, event_id text, processed_at timestamptz DEFAULT now(), PRIMARY KEY (consumer, event_id))`,
    );
    await ds.query(`CREATE TABLE msgtest.things (event_id text, name text)`);
    await ensureTopics(kafka, [topic, `${topic}.dlq`]);
    const server = new CloudEventsKafkaServer({
      kafka,
      groupId: `${namespace}.things`,
      namespace,
      dataSource: ds,
      retryBackoffMs: 10,
    });
    app = await NestFactory.createMicroservice(ThingsModule, { strategy: server, logger: false });
    app.useGlobalFilters(new EventErrorPassthroughFilter());
    await app.listen();
    producer = createProducer(kafka);
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await ds?.destroy();
    await dropDatabase(serverUrl, database);
  });

  const send = (e: CloudEvent, key = 'k') => {
    const m = toKafkaMessage(e, key);
    return producer.send({ topic, acks: -1, messages: [m] });
  };

  it('applies each event once, dead-letters poison and failing events, and keeps going', async () => {
    const first = newEvent('urn:test', 'org.test.thing.v1', { name: 'first' });
    await send(first);
    await producer.send({
      topic,
      messages: [{ key: 'k', value: 'not a cloud event', headers: {} }],
    });
    await send(newEvent('urn:test', 'org.test.thing.v1', { name: 'always-fails' }));
    await send(first); // redelivery of an event already applied
    await send(newEvent('urn:test', 'org.test.thing.v1', { name: 'after-poison' }));

    await waitFor(() => applied.includes('after-poison'), { what: 'the message after the poison' });
    const rows = (await ds.query('SELECT name FROM msgtest.things ORDER BY name')) as {
      name: string;
    }[];
    // Effects live in the database: 'first' once despite its redelivery, and the failing
    // handler's write rolled back with its transaction. (The in-memory `applied` list may
    // repeat names: a batch that fails is replayed message by message.)
    expect(rows.map((r) => r.name)).toEqual(['after-poison', 'first']);

    const dead = await readAll(kafka, `${topic}.dlq`, 2);
    const reasons = dead.map((h) => h.dlq_reason).sort();
    expect(reasons).toEqual(['CloudEventParseError', 'Error']);
    for (const h of dead) {
      expect(h.dlq_original_topic).toBe(topic);
      expect(h.dlq_consumer_group).toBe(`${namespace}.things`);
      expect(h.dlq_original_offset).toMatch(/^\d+$/);
    }
    expect(dead.find((h) => h.dlq_reason === 'Error')?.dlq_attempts).toBe('3');
  });

  it('commits what it applied on its timer, also once the topic goes quiet', async () => {
    // Not after every batch (each commit was a round trip the next fetch waited for), but
    // within the commit interval (1 s): an idle consumer shows no lag for what it applied.
    await send(newEvent('urn:test', 'org.test.thing.v1', { name: 'then-quiet' }));
    await waitFor(() => applied.includes('then-quiet'), { what: 'the last event' });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(topic);
      const end = (p: number) => ends.find((e) => e.partition === p)?.high;
      await waitFor(
        async () => {
          const [committed] = await admin.fetchOffsets({
            groupId: `${namespace}.things`,
            topics: [topic],
          });
          return committed!.partitions.every(
            (p) => end(p.partition) === '0' || p.offset === end(p.partition),
          );
        },
        { timeoutMs: 5000, what: 'offsets committed up to the end of every partition' },
      );
    } finally {
      await admin.disconnect();
    }
  });
});

async function readAll(
  kafka: Kafka,
  topic: string,
  count: number,
): Promise<Record<string, string>[]> {
  const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}` });
  const seen: Record<string, string>[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      seen.push(
        Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
      );
    },
  });
  try {
    await waitFor(() => seen.length >= count, { what: `${count} messages on ${topic}` });
    return seen;
  } finally {
    await consumer.disconnect();
  }
}
