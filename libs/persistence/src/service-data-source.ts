import { DataSource, type EntityManager, type EntitySchema, type MixedList } from 'typeorm';
import { databaseUrl, ensureDatabase } from './database-admin';

export interface ServiceDataSourceOptions {
  serverUrl: string;
  database: string;
  /** The Postgres schema the service owns (intake, normaliser, fanout). */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

/**
 * One DataSource per service: its own schema, its own migrations table, never
 * `synchronize`. Migrations are committed code and run at start.
 */
export function createServiceDataSource(o: ServiceDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl(o.serverUrl, o.database),
    schema: o.schema,
    entities: o.entities,
    migrations: o.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    extra: { max: o.poolSize ?? 10, application_name: `wgas-${o.schema}` },
  });
}

/** Creates the database and schema if needed, connects, and runs pending migrations. */
export async function openServiceDataSource(o: ServiceDataSourceOptions): Promise<DataSource> {
  await ensureDatabase(o.serverUrl, o.database);
  const ds = createServiceDataSource(o);
  await ds.initialize();
  await ds.query(`CREATE SCHEMA IF NOT EXISTS "${o.schema}"`);
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}

/**
 * SQL that would still be needed to make the schema match the entities after all
 * migrations ran. Empty means entities and migrations agree; anything else means a
 * migration is missing (CI fails on it).
 */
export async function pendingSchemaChanges(ds: DataSource): Promise<string[]> {
  const sql = await ds.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}

/** The schema a service DataSource owns. */
export function schemaOf(ds: Pick<DataSource, 'options'>): string {
  const schema = (ds.options as { schema?: string }).schema;
  if (!schema) throw new Error('service DataSource has no schema');
  return schema;
}

/**
 * Rows of a raw query. TypeORM's postgres driver returns `[rows, affected]` for UPDATE
 * and DELETE and plain rows otherwise; callers should not care which.
 */
export async function queryRows<T>(
  m: Pick<EntityManager, 'query'>,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const result = (await m.query(sql, params)) as unknown;
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}
