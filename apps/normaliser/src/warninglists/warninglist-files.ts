import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { WarninglistEntry, WarninglistFile } from './warninglist';

/** The lists shipped with the code (`data/warninglists/*.json` at the repository root). */
export const SHIPPED_WARNINGLIST_DIR = resolve(__dirname, '../../../../data/warninglists');

export class WarninglistFileError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'WarninglistFileError';
  }
}

function isEntry(e: unknown): e is WarninglistEntry {
  if (typeof e !== 'object' || e === null) return false;
  const o = e as Record<string, unknown>;
  const note = o['note'] === undefined || typeof o['note'] === 'string';
  if (typeof o['domain'] === 'string') return note;
  if (typeof o['key'] === 'string') return note && /^[a-z_]+:.+/.test(o['key']);
  return (
    note &&
    typeof o['type'] === 'string' &&
    typeof o['country'] === 'string' &&
    typeof o['value'] === 'string'
  );
}

/** Parses one list; a malformed file is an error (a silently empty list would block a bank's hotline). */
export function parseWarninglistFile(file: string, text: string): WarninglistFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new WarninglistFileError(file, `not JSON (${(e as Error).message})`);
  }
  const o = json as Partial<WarninglistFile> | null;
  if (!o || typeof o.name !== 'string' || !/^[a-z0-9][a-z0-9._-]{0,63}$/.test(o.name))
    throw new WarninglistFileError(file, '"name" must be a short lower-case identifier');
  if (!Array.isArray(o.entries)) throw new WarninglistFileError(file, '"entries" must be an array');
  const bad = o.entries.findIndex((e) => !isEntry(e));
  if (bad >= 0)
    throw new WarninglistFileError(
      file,
      `entries[${bad}] needs {type, country, value}, {key} or {domain}`,
    );
  return { name: o.name, entries: o.entries, ...(o.seed ? { seed: true } : {}) };
}

export interface ListedFile {
  path: string;
  mtimeMs: number;
}

/** The `*.json` files of a directory with their modification times (empty if it does not exist). */
export async function listWarninglistFiles(dir: string): Promise<ListedFile[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return Promise.all(
    names.map(async (n) => {
      const path = join(dir, n);
      return { path, mtimeMs: (await stat(path)).mtimeMs };
    }),
  );
}

export async function readWarninglistFiles(files: ListedFile[]): Promise<WarninglistFile[]> {
  return Promise.all(
    files.map(async (f) => parseWarninglistFile(f.path, await readFile(f.path, 'utf8'))),
  );
}
