import { IndicatorWriteGate } from './indicator-write-gate';

describe('IndicatorWriteGate', () => {
  it('lets one holder in at a time, in arrival order', async () => {
    const gate = new IndicatorWriteGate();
    const log: string[] = [];
    const holder = async (name: string, work: () => Promise<void>) => {
      const release = await gate.acquire();
      log.push(`${name} in`);
      await work();
      log.push(`${name} out`);
      release();
    };
    const tick = () => new Promise<void>((r) => setImmediate(r));
    await Promise.all([
      holder('a', async () => {
        await tick();
        await tick();
      }),
      holder('b', tick),
      holder('c', async () => undefined),
    ]);
    expect(log).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
  });

  it('ignores a second release', async () => {
    const gate = new IndicatorWriteGate();
    const first = await gate.acquire();
    const second = gate.acquire();
    first();
    first(); // must not let a third holder in alongside the second
    const releaseSecond = await second;
    let thirdIn = false;
    const third = gate.acquire().then((r) => {
      thirdIn = true;
      return r;
    });
    await new Promise((r) => setImmediate(r));
    expect(thirdIn).toBe(false);
    releaseSecond();
    (await third)();
    expect(thirdIn).toBe(true);
  });
});
