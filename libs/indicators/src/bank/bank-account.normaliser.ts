import { foldDigits } from '../core/digit-folding';
import { accept, fail, warning, type Outcome } from '../core/outcome';
import type { IndicatorWarning } from '../types';
import { findBank, hasBankRegistry } from './bank-registry';
import type { BankEntry } from './bank-registry.data';
import { ibanFromCanonical, parseIban, type IbanAccount } from './iban-account';
import { parseBic } from './swift-bic';

interface AccountParts {
  country: string | null;
  bankToken: string | null;
  digits: string;
}

const CANONICAL = /^([A-Za-z]{2}):([^:]{1,40}):(.+)$/;
// "KBANK 123-4-56789-0", "004 1234567890", "KASITHBK: 1234567890", "กสิกร 123-4-56789-0"
const BANK_THEN_ACCOUNT = /^(.+?)[\s:#/,-]+(\d[\d\s-]{2,40}\d)$/;
const ACCOUNT_DIGITS = /^\d{4,34}$/;

function splitAccount(
  text: string,
  country: string | null,
  ctxBank: string | undefined,
): AccountParts {
  const folded = foldDigits(text).trim();
  const canonical = CANONICAL.exec(folded);
  if (canonical && canonical[1] && canonical[2] && canonical[3]) {
    return { country: canonical[1].toUpperCase(), bankToken: canonical[2], digits: canonical[3] };
  }
  const labelled = BANK_THEN_ACCOUNT.exec(folded);
  if (labelled && labelled[1] && labelled[2]) {
    const token = labelled[1].trim();
    if (!/^[\d\s-]+$/.test(token)) return { country: null, bankToken: token, digits: labelled[2] };
    // A leading number is a bank code only when the registry knows it and a space or ':' follows
    // ("004 1234567890"); otherwise "123-4-56789-0" is one dashed account number.
    if (/^\d+$/.test(token) && country && findBank(country, token) && /^\d+[\s:/]/.test(folded)) {
      return { country: null, bankToken: token, digits: labelled[2] };
    }
  }
  return { country: null, bankToken: ctxBank ?? null, digits: folded };
}

type BankResolution =
  | { ok: true; country: string; code: string; bank: BankEntry | null; bic: string | null }
  | { ok: false; outcome: Outcome };

function resolveBank(token: string, country: string): BankResolution {
  // Names first: "KRUNGSRI" and "VIETCOMBANK" are also shaped like BICs.
  const named = findBank(country, token);
  if (named) return { ok: true, country, code: named.code, bank: named, bic: named.bic };
  const bic = parseBic(token.replace(/\s/g, ''));
  if (bic) {
    const bank = findBank(bic.country, bic.bankCode) ?? findBank(bic.country, bic.bic);
    return { ok: true, country: bic.country, code: bank?.code ?? bic.bankCode, bank, bic: bic.bic };
  }
  if (/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(token.toUpperCase())) {
    return {
      ok: false,
      outcome: fail('bank_account.invalid_bic', `'${token}' is not a valid SWIFT BIC`),
    };
  }
  if (hasBankRegistry(country))
    return {
      ok: false,
      outcome: fail('bank_account.unknown_bank', `No bank '${token}' in the ${country} registry`),
    };
  if (!/^[A-Za-z0-9]{2,11}$/.test(token))
    return {
      ok: false,
      outcome: fail('bank_account.unknown_bank', `'${token}' is not a bank code`),
    };
  return { ok: true, country, code: token.toUpperCase(), bank: null, bic: null };
}

function acceptIban(iban: IbanAccount, raw: string): Outcome {
  return accept('bank_account', `${iban.country}:${iban.bankCode}:${iban.account}`, raw, {
    display: iban.iban.replace(/(.{4})/g, '$1 ').trim(),
    attributes: {
      country: iban.country,
      bankCode: iban.bankCode,
      bankName: null,
      bic: null,
      accountNumber: iban.account,
      iban: iban.iban,
      lengthChecked: true,
    },
  });
}

function ibanOutcome(text: string, raw: string): Outcome | null {
  const iban = parseIban(text);
  if (iban === null) return null;
  if (iban === 'invalid')
    return fail('bank_account.invalid_iban', 'IBAN check digits or format are wrong');
  return acceptIban(iban, raw);
}

function lengthCheck(bank: BankEntry | null, digits: string): Outcome | null {
  if (!bank?.lengths || bank.lengths.includes(digits.length)) return null;
  return fail(
    'bank_account.invalid_length',
    `${bank.short} account numbers have ${bank.lengths.join(' or ')} digits; got ${digits.length}`,
  );
}

/** `<country>:<bank code>:<digits>`; Timor-Leste (and any IBAN) through the IBAN. */
export function normaliseBankAccount(
  text: string,
  raw: string,
  country: string | null,
  ctxBank: string | undefined,
): Outcome {
  const iban = ibanOutcome(text, raw);
  if (iban) return iban;
  const parts = splitAccount(text, country, ctxBank);
  // A canonical form made from an IBAN (`TL:008:…`, `GB:WEST:…`) goes back through its IBAN.
  const fromIban =
    parts.country && parts.bankToken
      ? ibanFromCanonical(parts.country, parts.bankToken, parts.digits)
      : null;
  if (fromIban) return acceptIban(fromIban, raw);
  const accountCountry = parts.country ?? country;
  if (!accountCountry)
    return fail('context.invalid_country', 'A bank account needs the reporting country');
  if (accountCountry === 'TL')
    return fail(
      'bank_account.iban_required',
      'Timor-Leste accounts are reported as IBANs (TL + 21 characters)',
    );
  if (!parts.bankToken)
    return fail(
      'bank_account.bank_required',
      'Say which bank (code, short name or BIC), e.g. "KBANK 123-4-56789-0"',
    );
  const digits = parts.digits.replace(/[\s\-.]/g, '');
  if (!ACCOUNT_DIGITS.test(digits))
    return fail('bank_account.invalid_format', 'Account numbers are 4 to 34 digits');
  const bank = resolveBank(parts.bankToken, accountCountry);
  if (!bank.ok) return bank.outcome;
  const badLength = lengthCheck(bank.bank, digits);
  if (badLength) return badLength;
  const warnings: IndicatorWarning[] = bank.bank
    ? []
    : [
        warning(
          'bank_account.unregistered_bank',
          `Bank code ${bank.code} is not in the registry; accepted as given`,
        ),
      ];
  return accept('bank_account', `${bank.country}:${bank.code}:${digits}`, raw, {
    display: `${bank.bank?.short ?? bank.code} ${digits}`,
    attributes: {
      country: bank.country,
      bankCode: bank.code,
      bankName: bank.bank?.name ?? null,
      bic: bank.bic,
      accountNumber: digits,
      iban: null,
      lengthChecked: Boolean(bank.bank?.lengths),
    },
    warnings,
  });
}
