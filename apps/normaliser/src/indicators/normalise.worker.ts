// Entry of the normaliser thread (NormaliserThread): normalises and hashes each batch it is
// sent, and answers with the outcomes under the batch's id.
import { parentPort, workerData } from 'node:worker_threads';
import type { ConsortiumKey } from '@wgas/indicators';
import { normaliseForStore, type NormaliseJob } from './normalise-for-store';

const { key } = workerData as { key: ConsortiumKey };

parentPort?.on('message', ({ id, jobs }: { id: number; jobs: NormaliseJob[] }) => {
  try {
    parentPort?.postMessage({ id, outcomes: normaliseForStore(jobs, key) });
  } catch (e) {
    parentPort?.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
