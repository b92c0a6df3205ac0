import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@wgas/config';
import { NormaliserConfig } from './normaliser.config';
import { createNormaliserApp } from './normaliser.app';

async function main(): Promise<void> {
  const config = loadConfig(NormaliserConfig);
  const app = await createNormaliserApp(config);
  await app.startAllMicroservices();
  await app.listen(config.HTTP_PORT, '0.0.0.0');
  new Logger('normaliser').log(
    `node ${config.NODE_ID} normaliser consuming; HTTP on :${config.HTTP_PORT}`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
