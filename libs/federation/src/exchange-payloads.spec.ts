import { acceptEventData, checkEventDataPlan } from '@wgas/contracts';
import { SharedActionV1, SharedIndicatorV1 } from './exchange-payloads';

const UUID = '0b9d6f1e-2c3a-4b5d-8e7f-0123456789ab';
const AT = '2026-11-27T10:00:00.000Z';

const INDICATOR = {
  indicatorId: 'v1:abc',
  type: 'bank_account',
  canonical: 'TH:KBANK:1234567890',
  typology: 'investment',
  tlp: 'AMBER',
  confidence: 0.7,
  reportCount: 3,
  countries: ['TH', 'MY'],
  reportCountry: 'TH',
  originReportId: UUID,
  firstSeen: AT,
  lastSeen: AT,
};

const ACTION = {
  to: 'th',
  actionId: UUID,
  indicatorId: 'v1:abc',
  indicatorType: 'phone',
  canonical: '+66812345678',
  originReportId: UUID,
  action: 'rejected',
  reason: 'not a scam',
  role: 'telco',
  country: 'MY',
  actedAt: AT,
};

describe('exchange payloads on the fast validation path', () => {
  it.each([
    ['SharedIndicatorV1', SharedIndicatorV1, [INDICATOR]],
    [
      'SharedActionV1',
      SharedActionV1,
      [ACTION, { ...ACTION, action: 'blocked', reason: undefined }],
    ],
  ] as const)('%s: the fast path agrees with class-validator', (_name, cls, samples) => {
    const plain = samples.map((s) => JSON.parse(JSON.stringify(s)) as Record<string, unknown>);
    const report = checkEventDataPlan(cls as new () => object, plain);
    expect(report.mismatches).toEqual([]);
    expect(report.samplesNotFast).toEqual([]);
    expect(report.valid).toBeGreaterThan(plain.length);
  });

  it('refuses a RED indicator on the fast path as class-validator does', () => {
    expect(acceptEventData(SharedIndicatorV1, { ...INDICATOR, tlp: 'RED' })).toBeUndefined();
  });
});
