import type { NestExpressApplication } from '@nestjs/platform-express';
import { attachEventConsumer, createHttpApp } from '@wgas/platform';
import type { NormaliserConfig } from './normaliser.config';
import { NormaliserModule } from './normaliser.module';

/** Builds the normaliser (Kafka consumer plus HTTP for health and metrics), not yet started. */
export async function createNormaliserApp(
  config: NormaliserConfig,
): Promise<NestExpressApplication> {
  const app = await createHttpApp(NormaliserModule.forRoot(config), { logLevel: config.LOG_LEVEL });
  attachEventConsumer(app, 'normaliser');
  return app;
}
