import { randomBytes, randomUUID } from 'node:crypto';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Module } from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { toKafkaMessage, type CloudEvent } from '@wgas/contracts';
import { waitFor } from '@wgas/testing';
import { newEvent } from '../outbox/outbox-writer';
import { CloudEventsKafkaServer } from './cloud-events-kafka.server';
import { startConsumerFixture, type ConsumerFixture } from './consumer-fixture';
import { batchHandler, type BatchEventContext, type EventContext } from './event-context';

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

const sorted: string[] = [];

/** A batch handler that declares which events it can have any effect for. */
@Controller()
class SortedThingsConsumer {
  @EventPattern(
    'sorted.v1',
    batchHandler({ relevant: (e) => (e.data as { keep?: unknown } | null)?.keep === true }),
  )
  async onThings(@Payload() events: CloudEvent[], @Ctx() ctx: BatchEventContext): Promise<void> {
    for (const e of events) {
      await ctx.manager.query('INSERT INTO msgtest.things (event_id, name) VALUES ($1, $2)', [
        e.id,
        (e.data as { name: string }).name,
      ]);
      sorted.push((e.data as { name: string }).name);
    }
  }
}

@Module({ controllers: [ThingsConsumer, SortedThingsConsumer] })
class ThingsModule {}

describe('CloudEventsKafkaServer against real Kafka and Postgres', () => {
  const namespace = `t${randomBytes(5).toString('hex')}`;
  const topic = `${namespace}.things.v1`;
  let fixture: ConsumerFixture;
  let kafka: Kafka;
  let ds: DataSource;
  let producer: Producer;

  beforeAll(async () => {
    fixture = await startConsumerFixture({
      namespace,
      schema: 'msgtest',
      topics: [topic],
      module: ThingsModule,
      server: (kafka, dataSource) =>
        new CloudEventsKafkaServer({
          kafka,
          groupId: `${namespace}.things`,
          namespace,
          dataSource,
          retryBackoffMs: 10,
        }),
    });
    ({ kafka, ds, producer } = fixture);
    await ds.query(`CREATE TABLE msgtest.things (event_id text, name text)`);
  });

  afterAll(async () => {
    await fixture?.close();
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

  it('hands a batch handler only the events it declared relevant; the rest skip the inbox', async () => {
    const sortedTopic = `${namespace}.sorted.v1`;
    const events = [
      newEvent('urn:test', 'org.test.thing.v1', { name: 'skipped-1', keep: false }),
      newEvent('urn:test', 'org.test.thing.v1', { name: 'kept-1', keep: true }),
      newEvent('urn:test', 'org.test.thing.v1', { name: 'skipped-2' }),
      newEvent('urn:test', 'org.test.thing.v1', { name: 'kept-2', keep: true }),
    ];
    await producer.send({
      topic: sortedTopic,
      acks: -1,
      messages: events.map((e) => toKafkaMessage(e, 'k')),
    });
    // one batch of only irrelevant events, after the others: the consumer moves past it
    await producer.send({
      topic: sortedTopic,
      acks: -1,
      messages: [
        toKafkaMessage(newEvent('urn:test', 'org.test.thing.v1', { name: 'skipped-3' }), 'k'),
      ],
    });
    await waitFor(() => sorted.includes('kept-2'), { what: 'the relevant events' });
    expect(sorted).toEqual(['kept-1', 'kept-2']);
    const inbox = (await ds.query(
      'SELECT event_id FROM msgtest.inbox WHERE consumer = $1 AND event_id = ANY($2::text[])',
      [`${namespace}.things`, events.map((e) => e.id)],
    )) as { event_id: string }[];
    expect(inbox.map((r) => r.event_id).sort()).toEqual([events[1]!.id, events[3]!.id].sort());
    const admin = kafka.admin();
    await admin.connect();
    try {
      await waitFor(
        async () => {
          const [committed] = await admin.fetchOffsets({
            groupId: `${namespace}.things`,
            topics: [sortedTopic],
          });
          return committed!.partitions.some((p) => p.offset === '5');
        },
        { timeoutMs: 5000, what: 'the offset past the irrelevant last batch committed' },
      );
    } finally {
      await admin.disconnect();
    }
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
