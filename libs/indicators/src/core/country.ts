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

const COUNTRY_PREFIX = /^([A-Z]{2}):(.+)$/s;

/**
 * Splits the `CC:` prefix of a canonical per-country value (`TH:1441`, `TH:KBANK`) so that it
 * normalises to itself in any country. Only a member state's code or the reporting country's
 * own code counts as a prefix; anything else is part of the value.
 */
export function splitCountryPrefix(
  text: string,
  country: string,
): { country: string; value: string } {
  const prefix = COUNTRY_PREFIX.exec(text);
  const code = prefix?.[1];
  if (!prefix || !code || prefix[2] === undefined || (code !== country && !isAseanCountry(code)))
    return { country, value: text };
  return { country: code, value: prefix[2] };
}
