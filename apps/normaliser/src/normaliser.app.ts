import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { attachEventConsumer, createFastifyHttpApp, serveOpenApi } from '@wgas/platform';
import type { NormaliserConfig } from './normaliser.config';
import { NormaliserModule } from './normaliser.module';
import { NORMALISER_API } from './openapi';

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
  // No Swagger UI: on Fastify it would need @fastify/static; the JSON and YAML are served.
  serveOpenApi(app, NORMALISER_API, { ui: false });
  return app;
}
