import type { NestExpressApplication } from '@nestjs/platform-express';
import { attachEventConsumer, createHttpApp, serveOpenApi } from '@wgas/platform';
import type { IntakeConfig } from './intake.config';
import { IntakeModule } from './intake.module';
import { BULK_CONTENT_TYPES } from './jobs/bulk-import.controller';
import { INTAKE_API } from './openapi/openapi';

/**
 * Builds intake (HTTP API plus the Kafka consumer of report outcomes), not yet started:
 * call `startAllMicroservices()` and `listen()`; used by main.ts and the tests.
 */
export async function createIntakeApp(config: IntakeConfig): Promise<NestExpressApplication> {
  const app = await createHttpApp(IntakeModule.forRoot(config), {
    logLevel: config.LOG_LEVEL,
    jsonLimit: `${config.JSON_BODY_LIMIT_BYTES}b`,
    streamRoutes: [{ path: /^\/v1\/reports:bulk\/?$/, types: BULK_CONTENT_TYPES }],
  });
  attachEventConsumer(app, 'intake');
  serveOpenApi(app, INTAKE_API);
  return app;
}
