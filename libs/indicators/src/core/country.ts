import { ASEAN_COUNTRIES, type CountryCode } from '../types';

const ASEAN_SET: ReadonlySet<string> = new Set(ASEAN_COUNTRIES);

export function isAseanCountry(code: string): code is CountryCode {
  return ASEAN_SET.has(code);
}

/** Upper-cases a context country and checks it is ISO 3166-1 alpha-2 shaped; null when it is not. */
export function normaliseCountry(country: unknown): string | null {
  if (typeof country !== 'string') return null;
  const upper = country.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(upper) ? upper : null;
}
