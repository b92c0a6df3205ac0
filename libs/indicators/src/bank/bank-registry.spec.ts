import { isValidBIC } from 'ibantools';
import { ASEAN_COUNTRIES } from '../types';
import { BANK_REGISTRY } from './bank-registry.data';
import { findBank } from './bank-registry';

describe('bank registry', () => {
  it('covers every member except Timor-Leste (IBAN only)', () => {
    for (const country of ASEAN_COUNTRIES.filter((c) => c !== 'TL'))
      expect(BANK_REGISTRY[country]?.length).toBeGreaterThan(0);
  });

  it.each(Object.entries(BANK_REGISTRY))(
    '%s entries are unique, well-formed and have valid BICs',
    (country, banks) => {
      const codes = banks.map((b) => b.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const bank of banks) {
        if (bank.bic) {
          expect(isValidBIC(bank.bic)).toBe(true);
          expect(bank.bic.slice(4, 6)).toBe(country);
        }
        expect(findBank(country, bank.short)).toBe(bank);
        expect(findBank(country, bank.code)).toBe(bank);
      }
    },
  );
});
