// Public shapes of the indicator library. Other services import these through '@wgas/indicators';
// names and shapes are a contract (fields may be added, never renamed).

export const ASEAN_COUNTRIES = [
  'BN',
  'KH',
  'ID',
  'LA',
  'MY',
  'MM',
  'PH',
  'SG',
  'TH',
  'TL',
  'VN',
] as const;
export type CountryCode = (typeof ASEAN_COUNTRIES)[number];

export const INDICATOR_TYPES = [
  'phone',
  'short_code',
  'sms_sender',
  'url',
  'domain',
  'email',
  'bank_account',
  'payment_proxy',
  'ewallet',
  'crypto',
  'messaging',
  'apk',
  'file_hash',
  'emvco_qr',
] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];

export interface NormaliseContext {
  /** Reporting country (ISO 3166-1 alpha-2); decides national number formats and bank registries. */
  country: CountryCode | string;
  /** Declared type, or an alias such as 'promptpay', 'line', 'btc' (see README). */
  typeHint?: IndicatorType | string;
  /** Bank code, short name or BIC when the bank is known out of band (bank_account only). */
  bank?: string;
  /** Provider or platform when known out of band (ewallet, messaging, payment_proxy). */
  provider?: string;
}

export type AttributeValue = string | number | boolean | string[] | null;

export interface IndicatorWarning {
  code: string;
  message: string;
}

export interface CanonicalIndicator {
  type: IndicatorType;
  canonical: string;
  /** `${type}:${canonical}`: the identity that gets hashed. */
  key: string;
  display: string;
  raw: string;
  attributes: Record<string, AttributeValue>;
  warnings: IndicatorWarning[];
  /** Indicators implied by this one: a URL's domain, a QR payload's proxy or account. */
  related?: CanonicalIndicator[];
}

export interface Rejection {
  code: string;
  message: string;
  raw: string;
  type?: string;
}

export type NormaliseResult =
  { ok: true; indicator: CanonicalIndicator } | { ok: false; rejection: Rejection };
