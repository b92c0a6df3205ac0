import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { attachEventConsumer, createFastifyHttpApp } from '@wgas/platform';
import type { NormaliserConfig } from './normaliser.config';
import { NormaliserModule } from './normaliser.module';

/**
 * Builds the normaliser (Kafka consumer, lookup API, health and metrics), not yet started.
 * Its HTTP side runs on Fastify: the lookups are the node's hottest GET path (ADR 0011).
 */
export async function createNormaliserApp(
  config: NormaliserConfig,
): Promise<NestFastifyApplication> {
  const app = await createFastifyHttpApp(NormaliserModule.forRoot(config), {
    logLevel: config.LOG_LEVEL,
  });
  attachEventConsumer(app, 'normaliser');
  return app;
}
