import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Expects the OpenAPI document a service serves to equal its committed
 * apps/<service>/openapi.json. With WGAS_UPDATE_OPENAPI=1 it rewrites the file first (after
 * an API change; then run Prettier on it). Compared as data, so reformatting is not drift.
 */
export function expectCommittedOpenApi(service: string, served: unknown): void {
  const committed = join(__dirname, `../../${service}/openapi.json`);
  if (process.env.WGAS_UPDATE_OPENAPI === '1') {
    writeFileSync(committed, `${JSON.stringify(served, null, 2)}\n`);
  }
  expect(served).toEqual(JSON.parse(readFileSync(committed, 'utf8')));
}
