// What tests and tools may use of the exchange service: the app factory, config and schema.
export { createExchangeApp } from './exchange.app';
export { ExchangeConfig } from './exchange.config';
export { EXCHANGE_ENTITIES, EXCHANGE_SCHEMA } from './exchange.module';
export { EXCHANGE_MIGRATIONS } from './migrations';
export { ExchangeMetrics } from './exchange.metrics';
export { EnvelopeImportService } from './imports/envelope-import.service';
