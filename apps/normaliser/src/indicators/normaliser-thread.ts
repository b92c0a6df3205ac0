import { existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import type { ConsortiumKey } from '@wgas/indicators';
import { NODE_CONFIG } from '@wgas/platform';
import type { NormaliserConfig } from '../normaliser.config';
import { normaliseForStore, type NormaliseJob, type StoreOutcome } from './normalise-for-store';

// Loads the worker's entry; a TypeScript entry first gets the same loader as the process.
const BOOT = `
const { workerData } = require('node:worker_threads');
if (workerData.register) require(workerData.register);
require(workerData.file);
`;

type Pending = {
  resolve: (o: StoreOutcome[]) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
};

/** A batch the thread did not answer in NORMALISE_TIMEOUT_MS: the thread is restarted. */
export class NormaliseTimeoutError extends Error {
  constructor(values: number, ms: number) {
    super(`normalising ${values} values took over ${ms} ms; the normaliser thread was restarted`);
    this.name = 'NormaliseTimeoutError';
  }
}

/**
 * Normalising and hashing raw values (libphonenumber, URL and domain rules, HMAC) on a
 * thread of its own (ADR 0024): a fifth of the consumer's work on its main thread, which is
 * the normaliser's limit, moves to a core the main thread does not use, and one batch is
 * normalised there while another waits on Postgres here. Batches are answered in the order
 * sent. A thread that dies fails the batches it held (the consumer retries them) and is
 * started again for the next one. A batch not answered within NORMALISE_TIMEOUT_MS (a value
 * that sends a rule into a loop) fails the same way, and the thread is replaced: retried
 * alone, the value that hangs is dead-lettered and the partition moves on, where inline it
 * would have stopped the whole process. `NORMALISE_THREAD=off` normalises inline.
 */
@Injectable()
export class NormaliserThread implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(NormaliserThread.name);
  private readonly key: ConsortiumKey;
  private readonly threaded: boolean;
  private readonly timeoutMs: number;
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private closed = false;

  constructor(@Inject(NODE_CONFIG) config: NormaliserConfig) {
    this.key = { version: config.CONSORTIUM_KEY_VERSION, secret: config.CONSORTIUM_KEY };
    this.threaded = config.NORMALISE_THREAD === 'on';
    this.timeoutMs = config.NORMALISE_TIMEOUT_MS;
  }

  /** The outcome of each job, in order. */
  normalise(jobs: NormaliseJob[]): Promise<StoreOutcome[]> {
    if (!this.threaded || jobs.length === 0)
      return Promise.resolve(normaliseForStore(jobs, this.key));
    if (this.closed) return Promise.reject(new Error('normaliser thread stopped'));
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise<StoreOutcome[]>((resolve, reject) => {
      const timer = setTimeout(() => this.timedOut(worker, id, jobs.length), this.timeoutMs);
      timer.unref();
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, jobs });
    });
  }

  /** Started with the service: it takes about half a second to load, not the first report's. */
  onModuleInit(): void {
    if (this.threaded && !this.closed) this.worker ??= this.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('normaliser thread stopped'));
    await worker?.terminate();
  }

  private start(): Worker {
    const file = this.entry();
    const worker = new Worker(BOOT, {
      eval: true,
      execArgv: [],
      workerData: { file, register: file.endsWith('.ts') ? tsLoader() : undefined, key: this.key },
    });
    worker.unref(); // never what keeps the process up
    worker.on('message', (m: { id: number; outcomes?: StoreOutcome[]; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.outcomes) p.resolve(m.outcomes);
      else p.reject(new Error(`normaliser thread: ${m.error ?? 'no answer'}`));
    });
    const lost = (e: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.logger.warn(`normaliser thread lost (${e.message}); its batches will be retried`);
      this.failAll(e);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`exited with code ${code}`)));
    return worker;
  }

  /** The worker's entry module (a spec substitutes one of its own). */
  protected entry(): string {
    return join(__dirname, `normalise.worker${extname(__filename)}`);
  }

  private timedOut(worker: Worker, id: number, values: number): void {
    const p = this.pending.get(id);
    if (!p || this.worker !== worker) return;
    this.worker = undefined;
    this.pending.delete(id);
    this.logger.warn(
      `normalising a batch of ${values} values took over ${this.timeoutMs} ms: restarting the thread`,
    );
    p.reject(new NormaliseTimeoutError(values, this.timeoutMs));
    this.failAll(new Error('normaliser thread restarted after another batch timed out'));
    void worker.terminate();
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(e);
    }
    this.pending.clear();
  }
}

/** tools/register.js, which lets Node load the TypeScript sources (as every service runs). */
function tsLoader(): string {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    const loader = join(dir, 'tools', 'register.js');
    if (existsSync(loader)) return loader;
  }
  throw new Error('tools/register.js not found above the normaliser sources');
}
