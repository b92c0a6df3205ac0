import { BANK_REGISTRY, type BankEntry } from './bank-registry.data';

const byCountry = new Map<string, Map<string, BankEntry>>();
for (const [country, banks] of Object.entries(BANK_REGISTRY)) {
  const index = new Map<string, BankEntry>();
  for (const bank of banks) {
    const keys = [bank.code, bank.short, bank.name, ...(bank.aliases ?? [])];
    if (bank.bic) keys.push(bank.bic, bank.bic.slice(0, 4));
    for (const key of keys) index.set(lookupKey(key), bank);
  }
  byCountry.set(country, index);
}

function lookupKey(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s.\-_]/g, '');
}

export function hasBankRegistry(country: string): boolean {
  return byCountry.has(country);
}

/** Finds a bank by code, short name, full name, alias or BIC within one country. */
export function findBank(country: string, token: string): BankEntry | null {
  const index = byCountry.get(country);
  if (!index) return null;
  return index.get(lookupKey(token)) ?? null;
}

/** Which countries know this bank token; used when the report's country is not the bank's. */
export function countriesForBank(token: string): string[] {
  const key = lookupKey(token);
  return [...byCountry.entries()].filter(([, index]) => index.has(key)).map(([country]) => country);
}
