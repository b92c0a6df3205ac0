import type { CliIo } from './cli-command';

/** Exit code for a request the API refused or a server that could not be reached. */
export const EXIT_FAILED = 1;

export interface IntakeTarget {
  url: string;
  key: string;
}

/** WGAS_URL (default http://127.0.0.1:3000) and WGAS_API_KEY, as the orgs/keys/import commands use them. */
export function intakeTarget(
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): IntakeTarget | undefined {
  const key = env.WGAS_API_KEY;
  if (!key) {
    io.stderr.write(
      'Set WGAS_API_KEY to an API key (and WGAS_URL if intake is not on 127.0.0.1:3000).\n',
    );
    return undefined;
  }
  return { url: (env.WGAS_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, ''), key };
}

/** Calls intake; prints a problem+json error on stderr and returns undefined on failure. */
export async function callIntake<T>(
  t: IntakeTarget,
  io: CliIo,
  method: string,
  path: string,
  body?: unknown,
): Promise<T | undefined> {
  const res = await fetch(`${t.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${t.key}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) {
    io.stderr.write(`${method} ${path}: HTTP ${res.status}\n${text}\n`);
    return undefined;
  }
  return JSON.parse(text) as T;
}
