import { Client } from 'pg';

/** Returns `url` with its path replaced by `/database`. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

const SAFE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function assertSafe(name: string): void {
  if (!SAFE_NAME.test(name)) throw new Error(`unsafe database identifier: ${name}`);
}

/** Creates the database if it does not exist (idempotent, race-safe). */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  assertSafe(database);
  const client = new Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE "${database}"`);
      } catch (e) {
        // 42P04 duplicate_database / 23505: another process created it first.
        const code = (e as { code?: string }).code;
        if (code !== '42P04' && code !== '23505') throw e;
      }
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  assertSafe(database);
  const client = new Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
