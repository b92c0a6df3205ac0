import { InboxEntry, OutboxMessage } from '@wgas/messaging';
import type { ServiceDataSourceOptions } from '@wgas/persistence';
import { INTAKE_ENTITIES, INTAKE_SCHEMA } from '../../apps/intake/src/intake.module';
import { INTAKE_MIGRATIONS } from '../../apps/intake/src/migrations';
import { FANOUT_ENTITIES, FANOUT_SCHEMA } from '../../apps/fanout/src/fanout.module';
import { FANOUT_MIGRATIONS } from '../../apps/fanout/src/migrations';
import { NORMALISER_MIGRATIONS } from '../../apps/normaliser/src/migrations';
import {
  NORMALISER_ENTITIES,
  NORMALISER_SCHEMA,
} from '../../apps/normaliser/src/normaliser.module';

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
};
