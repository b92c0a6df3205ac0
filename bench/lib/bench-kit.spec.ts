import {
  busyMicros,
  cpuShares,
  latencySummary,
  parseProcStat,
  percentile,
  ratio,
  sameRun,
  type MachineInfo,
} from './bench-kit';

describe('bench kit', () => {
  it('computes nearest-rank percentiles', () => {
    const s = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(s, 50)).toBe(50);
    expect(percentile(s, 99)).toBe(99);
    expect(percentile(s, 100)).toBe(100);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarises unsorted latencies', () => {
    expect(latencySummary([5, 1, 3, 2, 4])).toEqual({ p50: 3, p95: 5, p99: 5 });
  });

  it('expresses a figure as a share of its baseline', () => {
    expect(ratio(25, 100)).toBe('25%');
    expect(ratio(1, 0)).toBe('');
  });

  it('reads busy, idle and stolen CPU time from /proc/stat', () => {
    const stat = 'cpu  100 5 20 800 10 3 2 60 0 0\ncpu0 50 2 10 400 5 1 1 30 0 0\nintr 1\n';
    expect(parseProcStat(stat)).toEqual({ busy: 130, idle: 810, steal: 60 });
    expect(() => parseProcStat('intr 1\n')).toThrow('no aggregate cpu line');
  });

  it('gives the busy and stolen shares of the machine between two readings', () => {
    const a = { busy: 100, idle: 800, steal: 0 };
    expect(cpuShares(a, { busy: 160, idle: 820, steal: 20 })).toEqual({
      busyPct: 60,
      stealPct: 20,
    });
    expect(cpuShares(a, a)).toBeUndefined();
    expect(cpuShares(undefined, a)).toBeUndefined();
  });

  it('gives the busy CPU between two readings in µs (100 ticks a second)', () => {
    const a = { busy: 100, idle: 800, steal: 0 };
    expect(busyMicros(a, { busy: 160, idle: 820, steal: 20 })).toBe(600_000);
    expect(busyMicros(a, undefined)).toBeUndefined();
  });

  it('treats results as one run only on the same machine model within the hour', () => {
    const machine = { cpuModel: 'AMD EPYC', cores: 2 } as MachineInfo;
    const at = (date: string, cpuModel = 'AMD EPYC') => ({
      date,
      machine: { ...machine, cpuModel },
    });
    expect(sameRun(at('2026-11-27T17:55:00Z'), at('2026-11-27T18:04:00Z'))).toBe(true);
    expect(sameRun(at('2026-11-27T17:55:00Z'), at('2026-11-27T19:36:00Z'))).toBe(false);
    expect(sameRun(at('2026-11-27T19:35:00Z'), at('2026-11-27T19:36:00Z', 'Intel Xeon'))).toBe(
      false,
    );
  });
});
