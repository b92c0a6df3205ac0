import { MicroBatcher } from './micro-batcher';

describe('MicroBatcher', () => {
  const squares = () => {
    const calls: number[][] = [];
    const batcher = new MicroBatcher<number, number>(async (keys) => {
      calls.push(keys);
      return new Map(keys.filter((k) => k !== 13).map((k) => [k, k * k]));
    }, 3);
    return { calls, batcher };
  };

  it('answers keys asked for in the same turn with one fetch, each key once', async () => {
    const { calls, batcher } = squares();
    const answers = await Promise.all([1, 2, 2, 13].map((k) => batcher.load(k)));
    expect(answers).toEqual([1, 4, 4, undefined]);
    expect(calls).toEqual([[1, 2, 13]]);
  });

  it('splits a turn into batches of at most maxBatch keys', async () => {
    const { calls, batcher } = squares();
    await Promise.all([1, 2, 3, 4, 5].map((k) => batcher.load(k)));
    expect(calls).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('fetches again in a later turn (nothing is cached)', async () => {
    const { calls, batcher } = squares();
    await batcher.load(7);
    await batcher.load(7);
    expect(calls).toEqual([[7], [7]]);
  });

  it('rejects every waiter of a failed fetch, and only those', async () => {
    let fail = true;
    const batcher = new MicroBatcher<string, string>(async (keys) => {
      if (fail) throw new Error('database down');
      return new Map(keys.map((k) => [k, k.toUpperCase()]));
    }, 10);
    const failed = [batcher.load('a'), batcher.load('a'), batcher.load('b')];
    await expect(Promise.all(failed)).rejects.toThrow('database down');
    for (const p of failed) await expect(p).rejects.toThrow('database down');
    fail = false;
    expect(await batcher.load('a')).toBe('A');
  });
});
