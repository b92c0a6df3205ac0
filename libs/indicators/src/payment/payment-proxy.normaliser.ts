import { foldDigits } from '../core/digit-folding';
import { accept, fail, warning, type Outcome } from '../core/outcome';
import { normalisePhone } from '../phone/phone.normaliser';
import type { AttributeValue, IndicatorWarning } from '../types';
import {
  checkSingaporeNric,
  isMalaysianBrn,
  isPlausibleMyKad,
  isSingaporeUenShape,
  isValidThaiId,
} from './national-ids';

export type ProxyScheme = 'promptpay' | 'duitnow' | 'paynow' | 'qris' | 'bakong';

const SCHEME_COUNTRY: Readonly<Record<ProxyScheme, string>> = {
  promptpay: 'TH',
  duitnow: 'MY',
  paynow: 'SG',
  qris: 'ID',
  bakong: 'KH',
};
const COUNTRY_SCHEME: Readonly<Record<string, ProxyScheme>> = {
  TH: 'promptpay',
  MY: 'duitnow',
  SG: 'paynow',
};
const PREFIX =
  /^(promptpay|prompt pay|duitnow|duit now|paynow|pay now|qris|bakong)\s*[:\s]\s*(.+)$/i;

type ProxyValue =
  | { ok: true; id: string; kind: string; warnings?: IndicatorWarning[] }
  | { ok: false; outcome: Outcome };

function mobile(value: string, country: string): ProxyValue {
  const phone = normalisePhone(value, value, country);
  if (
    !phone.ok ||
    phone.indicator.type !== 'phone' ||
    phone.indicator.attributes.country !== country
  ) {
    return {
      ok: false,
      outcome: fail('payment_proxy.invalid_mobile', `Not a valid ${country} mobile number`),
    };
  }
  return { ok: true, id: phone.indicator.canonical, kind: 'mobile' };
}

function invalidId(message: string): ProxyValue {
  return { ok: false, outcome: fail('payment_proxy.invalid_id', message) };
}

function promptPay(value: string): ProxyValue {
  // Labels as in the canonical form: promptpay:id:<13 digits>, ewallet:<15>, biller:<15>.
  const labelled = /^(id|ewallet|biller)\s*:\s*(.+)$/i.exec(value);
  const label = labelled?.[1]?.toLowerCase();
  const digits = foldDigits(labelled?.[2] ?? value).replace(/[\s-]/g, '');
  if (label === 'biller')
    return /^\d{15}$/.test(digits)
      ? { ok: true, id: `biller:${digits}`, kind: 'biller_id' }
      : invalidId('PromptPay biller IDs are 15 digits (tax ID + suffix)');
  if (label === 'id' && !/^\d{13}$/.test(digits))
    return invalidId('Thai citizen and juristic IDs are 13 digits');
  if (label === 'ewallet' && !/^\d{15}$/.test(digits))
    return invalidId('PromptPay e-wallet IDs are 15 digits');
  if (/^\d{13}$/.test(digits)) {
    if (!isValidThaiId(digits))
      return {
        ok: false,
        outcome: fail('payment_proxy.invalid_checksum', 'Thai ID check digit does not match'),
      };
    return {
      ok: true,
      id: `id:${digits}`,
      kind: digits.startsWith('0') ? 'juristic_id' : 'citizen_id',
    };
  }
  if (/^\d{15}$/.test(digits)) return { ok: true, id: `ewallet:${digits}`, kind: 'ewallet_id' };
  return mobile(value, 'TH');
}

// DuitNow QR merchant: acquirer id and merchant id from the QR template, kept as they are.
const DUITNOW_QR = /^qr:([A-Za-z0-9]{1,20}):([A-Za-z0-9]{1,40})$/;

function duitNow(value: string): ProxyValue {
  const qr = DUITNOW_QR.exec(value);
  if (qr) return { ok: true, id: `qr:${qr[1]}:${qr[2]}`, kind: 'qr_merchant' };
  const labelled = /^(nric|mykad|brn|passport|army|police)\s*:\s*(.+)$/i.exec(value);
  const label = labelled?.[1]?.toLowerCase();
  const body = (labelled?.[2] ?? value).replace(/[\s-]/g, '').toUpperCase();
  if (label === 'passport')
    return /^[A-Z0-9]{6,12}$/.test(body)
      ? { ok: true, id: `passport:${body}`, kind: 'passport' }
      : invalidId('Passport numbers are 6-12 letters or digits');
  if (label === 'army' || label === 'police')
    return /^[A-Z0-9]{4,15}$/.test(body)
      ? { ok: true, id: `${label}:${body}`, kind: label }
      : invalidId('Invalid army/police number');
  if (label === 'brn' || isMalaysianBrn(body))
    return /^[A-Z0-9]{6,14}$/.test(body)
      ? { ok: true, id: `brn:${body}`, kind: 'business_registration' }
      : invalidId('Invalid business registration number');
  if (/^\d{12}$/.test(body))
    return isPlausibleMyKad(body)
      ? { ok: true, id: `nric:${body}`, kind: 'nric' }
      : invalidId('MyKad numbers start with a date of birth (YYMMDD)');
  return mobile(value, 'MY');
}

function payNow(value: string): ProxyValue {
  const labelled = /^(nric|fin|uen)\s*:\s*(.+)$/i.exec(value);
  const body = (labelled?.[2] ?? value).replace(/[\s-]/g, '').toUpperCase();
  if (/^[STFGM]\d{7}[A-Z]$/.test(body)) {
    const check = checkSingaporeNric(body);
    if (check === 'invalid')
      return {
        ok: false,
        outcome: fail('payment_proxy.invalid_checksum', 'NRIC/FIN check letter does not match'),
      };
    const warnings =
      check === 'unverified'
        ? [warning('payment_proxy.unverified_id', 'M-series FIN check letter not verified')]
        : [];
    return { ok: true, id: `nric:${body}`, kind: 'nric', warnings };
  }
  if (isSingaporeUenShape(body)) {
    return {
      ok: true,
      id: `uen:${body}`,
      kind: 'uen',
      warnings: [
        warning('payment_proxy.unverified_id', 'UEN format checked; check character not verified'),
      ],
    };
  }
  if (labelled?.[1]?.toLowerCase() === 'uen') return invalidId('Not a UEN');
  return mobile(value, 'SG');
}

function qris(value: string): ProxyValue {
  const id = value.replace(/\s/g, '').toUpperCase();
  return /^ID\d{10,15}$/.test(id)
    ? { ok: true, id, kind: 'nmid' }
    : invalidId('QRIS merchant IDs (NMID) are ID + 10-15 digits');
}

function bakong(value: string): ProxyValue {
  const id = value.trim().toLowerCase();
  return /^[a-z0-9_.]{2,40}@[a-z0-9]{2,12}$/.test(id)
    ? { ok: true, id, kind: 'bakong_account' }
    : invalidId('Bakong account IDs look like name@bank');
}

const SCHEME_PARSERS: Readonly<Record<ProxyScheme, (value: string) => ProxyValue>> = {
  promptpay: promptPay,
  duitnow: duitNow,
  paynow: payNow,
  qris,
  bakong,
};

export function schemeFromName(name: string | undefined): ProxyScheme | null {
  if (!name) return null;
  const key = name.toLowerCase().replace(/\s/g, '');
  return key in SCHEME_PARSERS ? (key as ProxyScheme) : null;
}

/** `<scheme>:<proxy>`, e.g. promptpay:+66812345678, paynow:uen:201912345A, duitnow:nric:900101015555. */
export function normalisePaymentProxy(
  text: string,
  raw: string,
  country: string | null,
  provider: string | undefined,
): Outcome {
  const prefixed = PREFIX.exec(text);
  const scheme =
    schemeFromName(prefixed?.[1]) ??
    schemeFromName(provider) ??
    (country ? COUNTRY_SCHEME[country] : undefined) ??
    null;
  if (!scheme)
    return fail(
      'payment_proxy.unknown_scheme',
      'Say which scheme: promptpay, duitnow, paynow, qris or bakong',
    );
  const parsed = SCHEME_PARSERS[scheme]((prefixed?.[2] ?? text).trim());
  if (!parsed.ok) return parsed.outcome;
  const attributes: Record<string, AttributeValue> = {
    scheme,
    country: SCHEME_COUNTRY[scheme],
    proxyKind: parsed.kind,
    proxy: parsed.id,
  };
  return accept('payment_proxy', `${scheme}:${parsed.id}`, raw, {
    display: `${scheme} ${parsed.id}`,
    attributes,
    warnings: parsed.warnings ?? [],
  });
}
