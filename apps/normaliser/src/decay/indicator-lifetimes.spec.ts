import { INDICATOR_TYPES } from '@wgas/indicators';
import { LIFETIMES_PATTERN, parseLifetimes } from './indicator-lifetimes';

describe('indicator lifetimes', () => {
  it('has a default for every indicator type', () => {
    const lifetimes = parseLifetimes('');
    for (const t of INDICATOR_TYPES) expect(lifetimes.get(t)).toBeGreaterThan(0);
    expect(lifetimes.get('url')).toBeLessThan(lifetimes.get('phone')!);
    expect(lifetimes.get('phone')).toBeLessThan(lifetimes.get('bank_account')!);
  });

  it('applies overrides with units', () => {
    const lifetimes = parseLifetimes('phone=1s,url=2h,crypto=3d');
    expect(lifetimes.get('phone')).toBe(1);
    expect(lifetimes.get('url')).toBe(7200);
    expect(lifetimes.get('crypto')).toBe(3 * 86400);
  });

  it('rejects unknown types and malformed values', () => {
    expect(() => parseLifetimes('fax=1d')).toThrow(/unknown indicator type/);
    expect(LIFETIMES_PATTERN.test('phone=90d,url=14d')).toBe(true);
    expect(LIFETIMES_PATTERN.test('phone=90')).toBe(false);
    expect(LIFETIMES_PATTERN.test('phone=0d')).toBe(false);
  });
});
