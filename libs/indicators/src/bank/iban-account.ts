import { composeIBAN, electronicFormatIBAN, extractIBAN, isValidIBAN } from 'ibantools';

export const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/;

export interface IbanAccount {
  iban: string;
  country: string;
  bankCode: string;
  account: string;
}

// Timor-Leste BBAN: 3-digit bank code, 14-digit account, 2 national check digits.
const BANK_CODE_LENGTH: Readonly<Record<string, number>> = { TL: 3 };

/** Validated IBAN split into country, bank code and the rest; 'invalid' when the checksum or format fails. */
export function parseIban(text: string): IbanAccount | 'invalid' | null {
  const compact = electronicFormatIBAN(text) ?? '';
  if (!IBAN_SHAPE.test(compact)) return null;
  if (!isValidIBAN(compact)) return 'invalid';
  const parts = extractIBAN(compact);
  const country = parts.countryCode ?? compact.slice(0, 2);
  const bban = parts.bban ?? compact.slice(4);
  const bankLength = BANK_CODE_LENGTH[country];
  const bankCode = parts.bankIdentifier ?? (bankLength ? bban.slice(0, bankLength) : 'IBAN');
  const account =
    bankCode !== 'IBAN' && bban.startsWith(bankCode) ? bban.slice(bankCode.length) : bban;
  return { iban: compact, country, bankCode, account };
}

/**
 * The IBAN behind a canonical `CC:bank:rest` that came from one (`TL:008:0012345678910157`), so
 * that the canonical form normalises to itself; null when no IBAN splits back into these parts.
 */
export function ibanFromCanonical(
  country: string,
  bankCode: string,
  rest: string,
): IbanAccount | null {
  const candidates = bankCode === 'IBAN' ? [rest] : [`${bankCode}${rest}`, rest];
  for (const bban of candidates) {
    const iban = composeIBAN({ countryCode: country, bban });
    const parsed = iban ? parseIban(iban) : null;
    if (
      parsed &&
      parsed !== 'invalid' &&
      parsed.country === country &&
      parsed.bankCode === bankCode &&
      parsed.account === rest
    )
      return parsed;
  }
  return null;
}
