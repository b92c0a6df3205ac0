import type { NestExpressApplication } from '@nestjs/platform-express';
import { attachEventConsumer, createHttpApp } from '@wgas/platform';
import type { ExchangeConfig } from './exchange.config';
import { ExchangeModule } from './exchange.module';
import { FederationIdentity } from './federation-identity';
import { PEER_EXCHANGE_PATTERN } from './imports/peer-exchange.consumer';

/** Builds the exchange service (Kafka consumers plus HTTP health and metrics), not yet started. */
export async function createExchangeApp(config: ExchangeConfig): Promise<NestExpressApplication> {
  const app = await createHttpApp(ExchangeModule.forRoot(config), { logLevel: config.LOG_LEVEL });
  const identity = app.get(FederationIdentity);
  attachEventConsumer(app, 'exchange', {
    topics: { [PEER_EXCHANGE_PATTERN]: identity.registry.exchangeTopics() },
  });
  return app;
}
