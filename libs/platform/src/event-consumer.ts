import type { INestApplication } from '@nestjs/common';
import type { NestMicroservice } from '@nestjs/microservices';
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
  o: { topics?: Record<string, string[]> } = {},
): CloudEventsKafkaServer {
  const config = app.get<NodeConfig>(NODE_CONFIG);
  const server = new CloudEventsKafkaServer({
    kafka: app.get<Kafka>(KAFKA),
    groupId: `wgas.${config.namespace}.${service}`,
    namespace: config.namespace,
    dataSource: app.get(DataSource),
    ...(o.topics ? { topics: o.topics } : {}),
  });
  // Nest binds filters when it registers the listeners, which connectMicroservice does at
  // once unless deferred: register them only after the passthrough filter is in place, or
  // every handler error reaches the transport as a generic "Internal server error" (a schema
  // error would then be retried and dead-lettered as `Error`).
  const microservice = app.connectMicroservice(
    { strategy: server },
    { deferInitialization: true },
  ) as NestMicroservice;
  microservice.useGlobalFilters(new EventErrorPassthroughFilter());
  microservice.registerListeners();
  microservice.setIsInitialized(true);
  microservice.setIsInitHookCalled(true);
  app.get(ObservabilityRegistry).addRegistry(server.metrics.registry);
  return server;
}
