import type { INestApplication } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { NodeConfig } from '@wgas/config';
import { CloudEventsKafkaServer, EventErrorPassthroughFilter } from '@wgas/messaging';
import { KAFKA, NODE_CONFIG } from './node-infrastructure.module';
import { ObservabilityRegistry } from './observability';

/**
 * Connects the app's `@EventPattern` handlers to Kafka through the inbox/DLQ transport
 * and exports its metrics. Call before `app.startAllMicroservices()`.
 */
export function attachEventConsumer(
  app: INestApplication,
  service: string,
): CloudEventsKafkaServer {
  const config = app.get<NodeConfig>(NODE_CONFIG);
  const server = new CloudEventsKafkaServer({
    kafka: app.get<Kafka>(KAFKA),
    groupId: `wgas.${config.namespace}.${service}`,
    namespace: config.namespace,
    dataSource: app.get(DataSource),
  });
  app.connectMicroservice({ strategy: server }).useGlobalFilters(new EventErrorPassthroughFilter());
  app.get(ObservabilityRegistry).addRegistry(server.metrics.registry);
  return server;
}
