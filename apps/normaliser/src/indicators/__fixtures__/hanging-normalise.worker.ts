/* eslint-disable @typescript-eslint/no-require-imports -- the real entry must load after the listener below */
// A normaliser thread entry for the specs: normalise.worker.ts itself, behind a listener
// that never returns from a batch holding the value 'hang', like a rule caught in a loop
// (listeners run in the order added, so the real entry never sees that batch).
import { parentPort } from 'node:worker_threads';
import type { NormaliseJob } from '../normalise-for-store';

parentPort?.on('message', ({ jobs }: { jobs: NormaliseJob[] }) => {
  if (jobs.some((j) => j.value === 'hang')) while (Date.now() > 0); // until terminated
});
require('../normalise.worker');
