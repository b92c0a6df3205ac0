import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@wgas/config';
import { IntakeConfig } from './intake.config';
import { createIntakeApp } from './intake.app';

async function main(): Promise<void> {
  const config = loadConfig(IntakeConfig);
  const app = await createIntakeApp(config);
  await app.startAllMicroservices();
  await app.listen(config.HTTP_PORT, '0.0.0.0');
  new Logger('intake').log(`node ${config.NODE_ID} intake listening on :${config.HTTP_PORT}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
