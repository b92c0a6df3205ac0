import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@wgas/config';
import { ExchangeConfig } from './exchange.config';
import { createExchangeApp } from './exchange.app';

async function main(): Promise<void> {
  const config = loadConfig(ExchangeConfig);
  const app = await createExchangeApp(config);
  await app.startAllMicroservices();
  await app.listen(config.HTTP_PORT, '0.0.0.0');
  new Logger('exchange').log(
    `node ${config.NODE_ID} exchange running; HTTP on :${config.HTTP_PORT}`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
