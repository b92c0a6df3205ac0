import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHttpApp } from '@wgas/platform';
import type { IntakeConfig } from './intake.config';
import { IntakeModule } from './intake.module';

/** Builds the intake HTTP app (not yet listening); used by main.ts and the tests. */
export async function createIntakeApp(config: IntakeConfig): Promise<NestExpressApplication> {
  return createHttpApp(IntakeModule.forRoot(config), {
    logLevel: config.LOG_LEVEL,
    jsonLimit: `${config.JSON_BODY_LIMIT_BYTES}b`,
  });
}
