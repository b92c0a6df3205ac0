import { electronicFormatIBAN, extractIBAN, isValidIBAN } from 'ibantools';

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
