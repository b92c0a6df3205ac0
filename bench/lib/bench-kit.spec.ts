import { latencySummary, percentile, ratio } from './bench-kit';

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
});
