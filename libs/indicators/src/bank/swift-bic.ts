import { extractBIC, isValidBIC } from 'ibantools';

export const BIC_SHAPE = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/;

export interface Bic {
  bic: string;
  bankCode: string;
  country: string;
}

/** ISO 9362 BIC (8 or 11 characters) with a real ISO country; null when invalid. */
export function parseBic(token: string): Bic | null {
  const upper = token.toUpperCase();
  if (!BIC_SHAPE.test(upper) || !isValidBIC(upper)) return null;
  const parts = extractBIC(upper);
  if (!parts.bankCode || !parts.countryCode) return null;
  return { bic: upper, bankCode: parts.bankCode, country: parts.countryCode };
}
