import { domainToASCII } from 'node:url';
import isEmail from 'validator/lib/isEmail';
import normalizeEmail from 'validator/lib/normalizeEmail';
import { analyseHost } from '../domain/host-analysis';
import { accept, buildIndicator, fail, warning, type Outcome } from '../core/outcome';
import type { CanonicalIndicator, IndicatorWarning } from '../types';

// Webmail domains: a domain indicator for them would flag millions of innocent users.
const FREEMAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'ymail.com',
  'yahoo.co.th',
  'yahoo.com.sg',
  'yahoo.com.my',
  'yahoo.co.id',
  'yahoo.com.ph',
  'yahoo.com.vn',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'proton.me',
  'protonmail.com',
  'aol.com',
  'gmx.com',
  'mail.com',
  'zoho.com',
  'yandex.com',
  'yandex.ru',
  'mail.ru',
  'qq.com',
  '163.com',
  '126.com',
  'naver.com',
]);

const EMAIL_OPTIONS = {
  allow_utf8_local_part: true,
  require_tld: true,
  allow_ip_domain: false,
  allow_display_name: false,
} as const;

/** Lower-cased address with provider rules (Gmail dots, +tags) applied by validator.js; raw kept. */
export function normaliseEmail(text: string, raw: string): Outcome {
  const address = text.replace(/^mailto:/i, '');
  const at = address.lastIndexOf('@');
  if (at <= 0) return fail('email.invalid', 'Not an e-mail address');
  const domain = domainToASCII(address.slice(at + 1).replace(/\.$/, ''));
  if (domain === '') return fail('email.invalid', 'The domain of the address is not valid');
  const asciiAddress = `${address.slice(0, at)}@${domain}`;
  if (!isEmail(asciiAddress, EMAIL_OPTIONS))
    return fail('email.invalid', 'Not a valid e-mail address');
  const normalised = normalizeEmail(asciiAddress);
  if (!normalised) return fail('email.invalid', 'Not a valid e-mail address');
  const warnings: IndicatorWarning[] = [];
  if (normalised.split('@')[0] !== asciiAddress.slice(0, at).toLowerCase()) {
    warnings.push(
      warning(
        'email.subaddress_removed',
        'Provider rules applied (sub-address tag or Gmail dots removed)',
      ),
    );
  }
  const canonicalDomain = normalised.slice(normalised.lastIndexOf('@') + 1);
  const freemail = FREEMAIL.has(canonicalDomain);
  const related: CanonicalIndicator[] = [];
  const host = analyseHost(canonicalDomain);
  if (host.ok) {
    warnings.push(...host.warnings);
    if (!freemail)
      related.push(
        buildIndicator('domain', canonicalDomain, raw, {
          display: host.unicode,
          attributes: host.attributes,
          warnings: host.warnings,
        }),
      );
  }
  return accept('email', normalised, raw, {
    display: address.trim(),
    attributes: {
      domain: canonicalDomain,
      freemail,
      localPart: normalised.slice(0, normalised.lastIndexOf('@')),
    },
    warnings,
    related,
  });
}
