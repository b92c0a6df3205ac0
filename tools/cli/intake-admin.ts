import 'reflect-metadata';
import { loadConfig } from '@wgas/config';
import {
  ApiKeyService,
  AuditLogService,
  INTAKE_ENTITIES,
  INTAKE_MIGRATIONS,
  INTAKE_SCHEMA,
  IntakeConfig,
  OrganisationAdminService,
} from '@wgas/intake';
import { InboxEntry, OutboxMessage } from '@wgas/messaging';
import { openServiceDataSource } from '@wgas/persistence';

/** Intake's organisation service on the node's database, for bootstrapping without the API. */
export async function openIntakeAdmin(): Promise<{
  service: OrganisationAdminService;
  close: () => Promise<void>;
}> {
  const config = loadConfig(IntakeConfig);
  const ds = await openServiceDataSource({
    serverUrl: config.DATABASE_URL,
    database: config.databaseName,
    schema: INTAKE_SCHEMA,
    entities: [OutboxMessage, InboxEntry, ...INTAKE_ENTITIES],
    migrations: INTAKE_MIGRATIONS,
  });
  const keys = new ApiKeyService(ds, config);
  return {
    service: new OrganisationAdminService(ds, keys, new AuditLogService(ds)),
    close: () => ds.destroy(),
  };
}
