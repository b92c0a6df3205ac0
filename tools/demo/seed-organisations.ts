/**
 * Seeds a node's demo organisations (an agency and an operator) and prints their API
 * keys as shell assignments. Runs intake's own key service against intake's schema.
 *
 *   NODE_ID=th node -r ./tools/register.js tools/demo/seed-organisations.ts
 */
import 'reflect-metadata';
import { loadConfig } from '@wgas/config';
import { openServiceDataSource } from '@wgas/persistence';
import { InboxEntry, OutboxMessage } from '@wgas/messaging';
import {
  ApiKeyService,
  INTAKE_ENTITIES,
  INTAKE_MIGRATIONS,
  INTAKE_SCHEMA,
  IntakeConfig,
  Organisation,
} from '@wgas/intake';

async function main(): Promise<void> {
  const config = loadConfig(IntakeConfig);
  const ds = await openServiceDataSource({
    serverUrl: config.DATABASE_URL,
    database: config.databaseName,
    schema: INTAKE_SCHEMA,
    entities: [OutboxMessage, InboxEntry, ...INTAKE_ENTITIES],
    migrations: INTAKE_MIGRATIONS,
  });
  const keys = new ApiKeyService(ds, config);
  const country = config.NODE_ID.toUpperCase();
  const out: string[] = [];
  for (const role of ['agency', 'operator', 'telco', 'bank'] as const) {
    const id = `${config.NODE_ID}-demo-${role}`;
    if (!(await ds.getRepository(Organisation).findOneBy({ id }))) {
      await keys.createOrganisation({ id, name: `Demo ${role} (${country})`, role, country });
    }
    const issued = await keys.issueKey(id, { label: 'start-network demo' });
    out.push(`${role.toUpperCase()}_KEY=${issued.key}`);
  }
  await ds.destroy();
  console.log(out.join('\n'));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
