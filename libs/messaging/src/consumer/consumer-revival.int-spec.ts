import { randomBytes } from 'node:crypto';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EachBatchPayload, Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { toKafkaMessage, type CloudEvent } from '@wgas/contracts';
import { dropDatabase, openServiceDataSource } from '@wgas/persistence';
import { waitFor } from '@wgas/testing';
import { InboxEntry } from '../inbox/inbox-entry.entity';
import { createKafka, createProducer, ensureTopics } from '../kafka/kafka-client';
import { newEvent } from '../outbox/outbox-writer';
import { OutboxMessage } from '../outbox/outbox-message.entity';
import { CloudEventsKafkaServer } from './cloud-events-kafka.server';
import { EventErrorPassthroughFilter } from './event-error-passthrough.filter';

const seen: string[] = [];

@Controller()
class PingConsumer {
  @EventPattern('pings.v1')
  onPing(@Payload() event: CloudEvent): void {
    seen.push((event.data as { name: string }).name);
  }
}

@Module({ controllers: [PingConsumer] })
class PingModule {}

/**
 * Fails the next batch the way kafkajs will not restart from: an error marked not
 * retriable, as a broker's UNKNOWN_MEMBER_ID or REBALANCE_IN_PROGRESS is while it recovers.
 */
class FailingOnceServer extends CloudEventsKafkaServer {
  failNext = false;

  protected override handleBatch(payload: EachBatchPayload): Promise<void> {
    if (!this.failNext) return super.handleBatch(payload);
    this.failNext = false;
    return Promise.reject(
      Object.assign(new Error('the group is rebalancing'), { retriable: false }),
    );
  }
}

describe('CloudEventsKafkaServer when kafkajs gives up on its consumer, against real Kafka', () => {
  const namespace = `t${randomBytes(5).toString('hex')}`;
  const topic = `${namespace}.pings.v1`;
  const database = `wgas_${namespace}`;
  const serverUrl = process.env.DATABASE_URL as string;
  let kafka: Kafka;
  let ds: DataSource;
  let server: FailingOnceServer;
  let app: INestMicroservice;
  let producer: Producer;

  beforeAll(async () => {
    kafka = createKafka({
      brokers: (process.env.KAFKA_BROKERS as string).split(','),
      clientId: 'revivaltest',
    });
    ds = await openServiceDataSource({
      serverUrl,
      database,
      schema: 'revivaltest',
      entities: [InboxEntry, OutboxMessage],
      migrations: [],
    });
    await ds.query(
      `CREATE TABLE revivaltest.inbox (consumer text, event_id text, processed_at timestamptz DEFAULT now(), PRIMARY KEY (consumer, event_id))`,
    );
    await ensureTopics(kafka, [topic, `${topic}.dlq`]);
    server = new FailingOnceServer({
      kafka,
      groupId: `${namespace}.pings`,
      namespace,
      dataSource: ds,
    });
    app = await NestFactory.createMicroservice(PingModule, { strategy: server, logger: false });
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

  const send = (name: string) =>
    producer.send({
      topic,
      acks: -1,
      messages: [toKafkaMessage(newEvent('urn:test', 'org.test.ping.v1', { name }), 'k')],
    });

  it('starts the consumer again, and the batch it stopped on is applied', async () => {
    await send('before');
    await waitFor(() => seen.includes('before'), { what: 'the first event' });

    server.failNext = true;
    await send('stopped-on');
    await waitFor(() => seen.includes('stopped-on'), {
      what: 'the event of the failed batch, after the consumer was started again',
      timeoutMs: 30_000,
    });
    expect(server.revivals).toBe(1);
    expect(server.failNext).toBe(false);

    await send('after');
    await waitFor(() => seen.includes('after'), { what: 'an event after the revival' });
    expect(seen.filter((n) => n === 'stopped-on')).toHaveLength(1);
  });
});
