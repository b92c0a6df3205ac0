import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@wgas/config';
import { FanoutConfig } from './fanout.config';
import { createFanoutApp } from './fanout.app';

async function main(): Promise<void> {
  const config = loadConfig(FanoutConfig);
  const app = await createFanoutApp(config);
  await app.startAllMicroservices();
  await app.listen(config.HTTP_PORT, '0.0.0.0');
  new Logger('fanout').log(
    `node ${config.NODE_ID} fan-out consuming; HTTP on :${config.HTTP_PORT}`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
