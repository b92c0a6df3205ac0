import { EXCHANGE_ENTITIES, EXCHANGE_MIGRATIONS, EXCHANGE_SCHEMA } from '@wgas/exchange';
import { InboxEntry, OutboxMessage } from '@wgas/messaging';
import type { ServiceDataSourceOptions } from '@wgas/persistence';
import { INTAKE_ENTITIES, INTAKE_MIGRATIONS, INTAKE_SCHEMA } from '@wgas/intake';
import { FANOUT_ENTITIES, FANOUT_MIGRATIONS, FANOUT_SCHEMA } from '@wgas/fanout';
import { NORMALISER_ENTITIES, NORMALISER_MIGRATIONS, NORMALISER_SCHEMA } from '@wgas/normaliser';

export interface ServiceSchema {
  schema: string;
  entities: ServiceDataSourceOptions['entities'];
  migrations: ServiceDataSourceOptions['migrations'];
  migrationsDir: string;
}

/** Each service's schema, entities and committed migrations, for generating and checking. */
export const SERVICE_SCHEMAS: Record<string, ServiceSchema> = {
  intake: {
    schema: INTAKE_SCHEMA,
    entities: [OutboxMessage, InboxEntry, ...INTAKE_ENTITIES],
    migrations: INTAKE_MIGRATIONS,
    migrationsDir: 'apps/intake/src/migrations',
  },
  normaliser: {
    schema: NORMALISER_SCHEMA,
    entities: [OutboxMessage, InboxEntry, ...NORMALISER_ENTITIES],
    migrations: NORMALISER_MIGRATIONS,
    migrationsDir: 'apps/normaliser/src/migrations',
  },
  fanout: {
    schema: FANOUT_SCHEMA,
    entities: [OutboxMessage, InboxEntry, ...FANOUT_ENTITIES],
    migrations: FANOUT_MIGRATIONS,
    migrationsDir: 'apps/fanout/src/migrations',
  },
  exchange: {
    schema: EXCHANGE_SCHEMA,
    entities: [OutboxMessage, InboxEntry, ...EXCHANGE_ENTITIES],
    migrations: EXCHANGE_MIGRATIONS,
    migrationsDir: 'apps/exchange/src/migrations',
  },
};
