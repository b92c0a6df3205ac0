// A normaliser thread entry for normaliser-thread.spec.ts: normalise.worker.ts, except that a
// batch holding the value 'hang' never finishes, like a rule caught in a loop.
import { parentPort, workerData } from 'node:worker_threads';
import type { ConsortiumKey } from '@wgas/indicators';
import { normaliseForStore, type NormaliseJob } from '../normalise-for-store';

const { key } = workerData as { key: ConsortiumKey };

parentPort?.on('message', ({ id, jobs }: { id: number; jobs: NormaliseJob[] }) => {
  if (jobs.some((j) => j.value === 'hang')) while (Date.now() > 0); // until terminated
  parentPort?.postMessage({ id, outcomes: normaliseForStore(jobs, key) });
});
