import type { INestMicroservice, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { dropDatabase, openServiceDataSource } from '@wgas/persistence';
import { InboxEntry } from '../inbox/inbox-entry.entity';
import { createKafka, createProducer, ensureTopics } from '../kafka/kafka-client';
import { OutboxMessage } from '../outbox/outbox-message.entity';
import type { CloudEventsKafkaServer } from './cloud-events-kafka.server';
import { EventErrorPassthroughFilter } from './event-error-passthrough.filter';

/** A consumer under test: its server in a Nest microservice, a database of its own, a producer. */
export interface ConsumerFixture {
  kafka: Kafka;
  ds: DataSource;
  app: INestMicroservice;
  producer: Producer;
  close(): Promise<void>;
}

/**
 * For the transport's integration specs (real Kafka from KAFKA_BROKERS, real Postgres from
 * DATABASE_URL): creates database `wgas_<namespace>` with an inbox in `schema`, the topics
 * and their dead-letter topics, and starts `module` on the server `server` builds.
 */
export async function startConsumerFixture(o: {
  namespace: string;
  schema: string;
  topics: string[];
  module: Type;
  server: (kafka: Kafka, ds: DataSource) => CloudEventsKafkaServer;
}): Promise<ConsumerFixture> {
  const serverUrl = process.env.DATABASE_URL as string;
  const database = `wgas_${o.namespace}`;
  const kafka = createKafka({
    brokers: (process.env.KAFKA_BROKERS as string).split(','),
    clientId: o.schema,
  });
  const ds = await openServiceDataSource({
    serverUrl,
    database,
    schema: o.schema,
    entities: [InboxEntry, OutboxMessage],
    migrations: [],
  });
  await ds.query(
    `CREATE TABLE ${o.schema}.inbox (consumer text, event_id text, processed_at timestamptz DEFAULT now(), PRIMARY KEY (consumer, event_id))`,
  );
  await ensureTopics(kafka, [...o.topics, ...o.topics.map((t) => `${t}.dlq`)]);
  const app = await NestFactory.createMicroservice(o.module, {
    strategy: o.server(kafka, ds),
    logger: false,
  });
  app.useGlobalFilters(new EventErrorPassthroughFilter());
  await app.listen();
  const producer = createProducer(kafka);
  await producer.connect();
  return {
    kafka,
    ds,
    app,
    producer,
    async close() {
      await producer.disconnect();
      await app.close();
      await ds.destroy();
      await dropDatabase(serverUrl, database);
    },
  };
}
