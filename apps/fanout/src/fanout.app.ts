import type { NestExpressApplication } from '@nestjs/platform-express';
import { attachEventConsumer, createHttpApp, serveOpenApi } from '@wgas/platform';
import type { FanoutConfig } from './fanout.config';
import { FanoutModule } from './fanout.module';
import { FANOUT_API } from './openapi';

/** Builds fan-out (Kafka consumer, webhook worker, HTTP), not yet started. */
export async function createFanoutApp(config: FanoutConfig): Promise<NestExpressApplication> {
  const app = await createHttpApp(FanoutModule.forRoot(config), { logLevel: config.LOG_LEVEL });
  attachEventConsumer(app, 'fanout');
  serveOpenApi(app, FANOUT_API);
  return app;
}
