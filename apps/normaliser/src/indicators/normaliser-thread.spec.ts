import { join } from 'node:path';
import type { NormaliserConfig } from '../normaliser.config';
import { normaliseForStore, type NormaliseJob } from './normalise-for-store';
import { NormaliserThread, NormaliseTimeoutError } from './normaliser-thread';

const KEY = { CONSORTIUM_KEY: 'spec-consortium-key-0123456789abcdef', CONSORTIUM_KEY_VERSION: 3 };
const thread = (mode: 'on' | 'off') =>
  new NormaliserThread({
    ...KEY,
    NORMALISE_THREAD: mode,
    NORMALISE_TIMEOUT_MS: 30_000,
  } as NormaliserConfig);

/** The thread with an entry that never answers a batch holding 'hang'. */
class HangingThread extends NormaliserThread {
  protected override entry(): string {
    return join(__dirname, '__fixtures__', 'hanging-normalise.worker.ts');
  }
}
const workerOf = (t: NormaliserThread) =>
  (t as unknown as { worker?: { terminate(): Promise<number> } }).worker;

const JOBS: NormaliseJob[] = [
  { value: '081-234-5678', country: 'TH' },
  { value: '+66 81 234 5678', country: 'MY' },
  { value: 'https://Secure-Login.example.com/verify?id=1', country: 'SG' },
  { value: 'not an indicator at all', country: 'TH', typeHint: 'phone' },
];

describe('NormaliserThread', () => {
  let t: NormaliserThread;
  afterEach(async () => t.onModuleDestroy());

  it('answers on its thread exactly what normalising inline gives, in order', async () => {
    t = thread('on');
    const outcomes = await t.normalise(JOBS);
    expect(workerOf(t)).toBeDefined();
    expect(outcomes).toEqual(normaliseForStore(JOBS, { secret: KEY.CONSORTIUM_KEY, version: 3 }));
    const [th, my, url, bad] = outcomes;
    // the same number from two countries is one keyed id
    expect(th).toMatchObject({ ok: true, indicator: { type: 'phone', canonical: '+66812345678' } });
    expect(th?.ok && my?.ok && th.indicator.id === my.indicator.id).toBe(true);
    expect(th?.ok && th.indicator.id).toMatch(/^v3:[0-9a-f]{64}$/);
    // a URL brings its domain
    expect(url?.ok && url.related.map((r) => r.type)).toContain('domain');
    expect(bad).toMatchObject({ ok: false, code: expect.stringMatching(/^phone\./) });
  });

  it('keeps batches sent together apart, each answered with its own outcomes', async () => {
    t = thread('on');
    const batches = JOBS.map((job) => [job, job]);
    const answers = await Promise.all(batches.map((b) => t.normalise(b)));
    answers.forEach((a, i) =>
      expect(a).toEqual(normaliseForStore(batches[i]!, { secret: KEY.CONSORTIUM_KEY, version: 3 })),
    );
  });

  it('fails the batches a dying thread held, and starts a new one for the next', async () => {
    t = thread('on');
    await t.normalise(JOBS.slice(0, 1)); // the thread is up
    const big = Array.from({ length: 20_000 }, (_, i) => ({
      value: `08${String(10_000_000 + i)}`,
      country: 'TH',
    }));
    const held = t.normalise(big);
    await workerOf(t)!.terminate();
    await expect(held).rejects.toThrow(/exited with code/);
    expect(await t.normalise(JOBS.slice(0, 1))).toEqual(
      normaliseForStore(JOBS.slice(0, 1), { secret: KEY.CONSORTIUM_KEY, version: 3 }),
    );
  });

  it('fails a batch not answered in time and the batches behind it, then answers on a new thread', async () => {
    t = new HangingThread({
      ...KEY,
      NORMALISE_THREAD: 'on',
      NORMALISE_TIMEOUT_MS: 3000, // above the thread's start-up, which the first batch waits for
    } as NormaliserConfig);
    await t.normalise(JOBS.slice(0, 1)); // the thread is up
    const first = workerOf(t);
    const hung = t.normalise([{ value: 'hang', country: 'TH' }]);
    const behind = t.normalise(JOBS.slice(0, 1)); // queued on the same thread
    await expect(hung).rejects.toThrow(NormaliseTimeoutError);
    await expect(behind).rejects.toThrow('restarted after another batch timed out');
    expect(await t.normalise(JOBS)).toEqual(
      normaliseForStore(JOBS, { secret: KEY.CONSORTIUM_KEY, version: 3 }),
    );
    expect(workerOf(t)).not.toBe(first);
  });

  it('refuses work once stopped', async () => {
    t = thread('on');
    await t.onModuleDestroy();
    await expect(t.normalise(JOBS)).rejects.toThrow('normaliser thread stopped');
  });

  it('normalises inline with NORMALISE_THREAD=off', async () => {
    t = thread('off');
    expect(await t.normalise(JOBS)).toEqual(
      normaliseForStore(JOBS, { secret: KEY.CONSORTIUM_KEY, version: 3 }),
    );
    expect(workerOf(t)).toBeUndefined();
  });
});
