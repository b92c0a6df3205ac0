import {
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode as LibCountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';
import { isAseanCountry } from '../core/country';
import { accept, fail, warning, type Outcome } from '../core/outcome';
import type { RejectionCode } from '../core/rejection-codes';
import type { IndicatorWarning } from '../types';
import { readDialledNumber, type DialledNumber } from './dialled-number';
import { exitCodeCandidates } from './exit-codes';
import { isShortCodeDigits, normaliseShortCode } from './short-code.normaliser';
import { renumberVietnamMobile } from './vietnam-renumbering';

const LENGTH_ERRORS: Readonly<Record<string, RejectionCode>> = {
  NOT_A_NUMBER: 'phone.not_a_number',
  INVALID_COUNTRY: 'phone.invalid_country',
  TOO_SHORT: 'phone.too_short',
  TOO_LONG: 'phone.too_long',
  INVALID_LENGTH: 'phone.invalid_length',
};

interface Resolved {
  phone: PhoneNumber;
  legacyNumber: string | null;
}

function parseInternational(digits: string): PhoneNumber | undefined {
  return parsePhoneNumberFromString(`+${digits}`);
}

/** Applies Vietnam's 2018 renumbering to an international digit string (84 + old 11-digit national). */
function renumberIfVietnamese(international: string): { digits: string; legacy: string | null } {
  if (!international.startsWith('84')) return { digits: international, legacy: null };
  const renumbered = renumberVietnamMobile(international.slice(2));
  return renumbered
    ? { digits: `84${renumbered}`, legacy: `+${international}` }
    : { digits: international, legacy: null };
}

function resolveInternational(international: string): Resolved | null {
  const { digits, legacy } = renumberIfVietnamese(international);
  const phone = parseInternational(digits);
  return phone && phone.isValid() ? { phone, legacyNumber: legacy } : null;
}

function resolveNational(dialled: DialledNumber, country: LibCountryCode): Resolved | null {
  if (country === 'VN' && dialled.digits.startsWith('0')) {
    const renumbered = renumberVietnamMobile(dialled.digits.slice(1));
    if (renumbered) return resolveInternational(`84${dialled.digits.slice(1)}`);
  }
  const phone = parsePhoneNumberFromString(dialled.digits, country);
  return phone && phone.isValid() ? { phone, legacyNumber: null } : null;
}

// Countries whose national format always starts with the trunk prefix 0.
const TRUNK_ZERO = new Set(['TH', 'ID', 'MY', 'PH', 'VN', 'KH', 'LA', 'MM']);

/** "62812345678" reported in Indonesia is +62..., because Indonesian national numbers start with 0. */
function looksInternationalWithoutPlus(digits: string, country: LibCountryCode): boolean {
  return (
    TRUNK_ZERO.has(country) &&
    !digits.startsWith('0') &&
    digits.startsWith(getCountryCallingCode(country))
  );
}

function resolve(dialled: DialledNumber, country: LibCountryCode | null): Resolved | null {
  if (dialled.plus) return resolveInternational(dialled.digits);
  // National numbers never start with 00, so an exit code wins over the national reading.
  const exitFirst = dialled.digits.startsWith('00');
  if (country && !exitFirst && looksInternationalWithoutPlus(dialled.digits, country)) {
    const international = resolveInternational(dialled.digits);
    if (international) return international;
  }
  const national = country && !exitFirst ? resolveNational(dialled, country) : null;
  if (national) return national;
  for (const candidate of exitCodeCandidates(dialled.digits)) {
    const resolved = resolveInternational(candidate);
    if (resolved) return resolved;
  }
  if (exitFirst && country) {
    const fallback = resolveNational(dialled, country);
    if (fallback) return fallback;
  }
  // Bulk exports often drop the '+' ("66812345678"); a number that does not start with a trunk
  // 0 and is valid as international is taken as international.
  return dialled.digits.startsWith('0') ? null : resolveInternational(dialled.digits);
}

/** Explains why a number did not resolve, in the most specific stable code we can find. */
function explainFailure(dialled: DialledNumber, country: LibCountryCode | null): Outcome {
  const input = dialled.plus ? `+${dialled.digits}` : dialled.digits;
  if (!dialled.plus && !country && !dialled.digits.startsWith('00')) {
    return fail('phone.country_required', 'A national number needs a valid reporting country');
  }
  const lengthError = validatePhoneNumberLength(input, country ?? undefined);
  const code = lengthError ? LENGTH_ERRORS[lengthError] : undefined;
  if (code && lengthError)
    return fail(code, `Phone number rejected: ${lengthError.toLowerCase().replace(/_/g, ' ')}`);
  return fail('phone.invalid_number', 'Not a valid number in the numbering plan of its country');
}

function lineType(phone: PhoneNumber): string {
  return (phone.getType() ?? 'unknown').toLowerCase();
}

function buildWarnings(dialled: DialledNumber, resolved: Resolved): IndicatorWarning[] {
  const warnings: IndicatorWarning[] = [];
  if (resolved.legacyNumber) {
    warnings.push(
      warning(
        'phone.vn_renumbered',
        `Pre-2018 Vietnamese number ${resolved.legacyNumber} mapped to ${resolved.phone.number}`,
      ),
    );
  }
  if (dialled.extension)
    warnings.push(
      warning(
        'phone.extension_removed',
        `Extension ${dialled.extension} is not part of the indicator`,
      ),
    );
  return warnings;
}

function libCountry(country: string): LibCountryCode | null {
  return isSupportedCountry(country) ? country : null;
}

/** E.164 normalisation with ASEAN quirks; 3-6 digit service numbers become short codes. */
export function normalisePhone(text: string, raw: string, country: string): Outcome {
  const dialled = readDialledNumber(text);
  if (!dialled)
    return fail(
      'phone.invalid_characters',
      'Phone numbers may contain only digits, spaces, + - . / ( )',
    );
  if (dialled.digits.length === 0) return fail('phone.not_a_number', 'No digits found');
  if (!dialled.plus && isShortCodeDigits(dialled.digits))
    return normaliseShortCode(dialled.digits, raw, country);
  const lib = libCountry(country);
  const resolved = resolve(dialled, lib);
  if (!resolved) return explainFailure(dialled, lib);
  const { phone } = resolved;
  const phoneCountry = phone.country ?? null;
  return accept('phone', phone.number, raw, {
    display: phone.formatInternational(),
    attributes: {
      country: phoneCountry,
      callingCode: phone.countryCallingCode,
      nationalNumber: phone.nationalNumber,
      lineType: lineType(phone),
      asean: phoneCountry !== null && isAseanCountry(phoneCountry),
      legacyNumber: resolved.legacyNumber,
    },
    warnings: buildWarnings(dialled, resolved),
  });
}
