/**
 * Generates a TypeORM migration for one service from the difference between its
 * entities and its committed migrations, run against a scratch database.
 *
 *   npm run migration:generate -- <service> <Name>
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dropDatabase, openServiceDataSource } from '@wgas/persistence';
import { SERVICE_SCHEMAS } from './services';

async function main(): Promise<void> {
  const [service, name] = process.argv.slice(2);
  const target = service ? SERVICE_SCHEMAS[service] : undefined;
  if (!target || !name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    console.error(
      `usage: generate-migration <${Object.keys(SERVICE_SCHEMAS).join('|')}> <PascalCaseName>`,
    );
    process.exit(2);
  }
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
  const database = `wgas_migrate_${randomBytes(4).toString('hex')}`;
  const ds = await openServiceDataSource({ serverUrl, database, ...target });
  try {
    const sql = await ds.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log(`${service}: entities and migrations agree; nothing to generate`);
      return;
    }
    const ts = Date.now();
    const cls = `${name}${ts}`;
    const q = (s: string) => `    await queryRunner.query(${JSON.stringify(s)});`;
    const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${cls} implements MigrationInterface {
  name = '${cls}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries.map((u) => q(u.query)).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${sql.downQueries
  .reverse()
  .map((d) => q(d.query))
  .join('\n')}
  }
}
`;
    const file = join(
      target.migrationsDir,
      `${ts}-${name.replace(/[A-Z]/g, (c, i: number) => (i ? '-' : '') + c.toLowerCase())}.ts`,
    );
    writeFileSync(file, body);
    console.log(
      `wrote ${file} (${sql.upQueries.length} statements); add ${cls} to ${target.migrationsDir}/index.ts`,
    );
  } finally {
    await ds.destroy();
    await dropDatabase(serverUrl, database);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
