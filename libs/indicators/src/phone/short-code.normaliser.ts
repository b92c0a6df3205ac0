import { accept, fail, type Outcome } from '../core/outcome';
import { splitCountryPrefix } from '../core/country';
import { foldDigits } from '../core/digit-folding';

// SMS short codes and service numbers (TH 1441, PH 2929, MY 15888, SG 71999): 3-6 digits that
// only mean something inside one country, so the country is part of the identity.
const SHORT_CODE = /^[1-9]\d{2,5}$/;

export function isShortCodeDigits(digits: string): boolean {
  return SHORT_CODE.test(digits);
}

export function normaliseShortCode(text: string, raw: string, reportCountry: string): Outcome {
  const { country, value } = splitCountryPrefix(text, reportCountry);
  const digits = foldDigits(value).replace(/[\s\-.]/g, '');
  if (!SHORT_CODE.test(digits))
    return fail('short_code.invalid', 'A short code is 3 to 6 digits and does not start with 0');
  return accept('short_code', `${country}:${digits}`, raw, {
    display: `${digits} (${country})`,
    attributes: { country, id: digits },
  });
}
