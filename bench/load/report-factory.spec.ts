import { normalise } from '@wgas/indicators';
import { generateReports, MEMBERS } from './report-factory';

describe('generateReports', () => {
  const reports = [...generateReports(2000, { seed: 7, duplicateRate: 0.2 })];

  it('covers all eleven member states', () => {
    expect(new Set(reports.map((r) => r.country))).toEqual(new Set(MEMBERS));
  });

  it('produces values the normaliser accepts (phones in each national format)', () => {
    const indicators = reports.flatMap((r) =>
      r.body.indicators.map((i) => ({ ...i, country: r.country })),
    );
    const accepted = indicators.filter(
      (i) => normalise(i.value, { country: i.country, typeHint: i.type }).ok,
    );
    expect(accepted.length / indicators.length).toBeGreaterThan(0.9);
  });

  it('repeats values at roughly the configured rate, and is repeatable for a seed', () => {
    const values = reports.flatMap((r) => r.body.indicators.map((i) => i.value));
    const repeats = values.length - new Set(values).size;
    expect(repeats / values.length).toBeGreaterThan(0.1);
    expect(repeats / values.length).toBeLessThan(0.3);
    expect([...generateReports(5, { seed: 7 })]).toEqual([...generateReports(5, { seed: 7 })]);
  });
});
