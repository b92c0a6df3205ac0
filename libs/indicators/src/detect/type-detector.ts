import { BTC_BASE58_SHAPE, BTC_BECH32_SHAPE } from '../crypto/btc-address';
import { EVM_SHAPE } from '../crypto/evm-address';
import { TRON_SHAPE } from '../crypto/tron-address';
import { IBAN_SHAPE } from '../bank/iban-account';
import { EMVCO_PREFIX } from '../qr/emvco-qr.normaliser';
import type { IndicatorType } from '../types';

// Cheap shape tests that order the candidate types for an untyped value; the normalisers then
// decide. Order matters: the first candidate that normalises wins.
const URL_START = /^(?:https?|hxxps?):\/\/|^www\./i;
const EMAIL = /^(?:mailto:)?[^\s@]+@[^\s@]+\.[^\s@]+$/i;
const SHA256 = /^(?:sha-?256[:=\s]\s*)?[0-9a-f]{64}$/i;
const PHONE_CHARS =
  /^[+(]?[\d\s\-.()/\u0E50-\u0E59\u0ED0-\u0ED9\u17E0-\u17E9\u1040-\u1049\uFF10-\uFF19\uFF0B]{3,30}$/;
const PREFIXED = /^([\p{L} ]{2,20}?)\s*(?:id)?\s*[:：]\s*\S/iu;
const CANONICAL_BANK = /^[A-Z]{2}:[A-Z0-9]{2,11}:[\d\s-]{4,40}$/i;
const BANK_LABELLED = /^\S.{0,40}?[\s:#]+\d[\d\s-]{4,40}\d$/u;
const HOST_LIKE = /^[^\s/@:]+\.[^\s/@:]+\.?$/;
const URL_LIKE = /^[^\s/@]+\.[^\s/@]+[/:?]/;
const APK_FIRST_SEGMENT =
  /^(?:com|org|net|io|co|app|dev|me|vn|th|my|sg|id|ph|kh|la|mm|bn|tl)\.[A-Za-z][\w]*\.[A-Za-z]/;
const SENDER_LIKE = /^[A-Za-z0-9 ._&+-]{2,11}$/;

const PREFIX_TYPES: Readonly<Record<string, IndicatorType>> = {
  promptpay: 'payment_proxy',
  duitnow: 'payment_proxy',
  paynow: 'payment_proxy',
  qris: 'payment_proxy',
  bakong: 'payment_proxy',
  line: 'messaging',
  telegram: 'messaging',
  tg: 'messaging',
  whatsapp: 'messaging',
  facebook: 'messaging',
  fb: 'messaging',
  zalo: 'messaging',
  instagram: 'messaging',
  ig: 'messaging',
  truemoney: 'ewallet',
  gcash: 'ewallet',
  maya: 'ewallet',
  paymaya: 'ewallet',
  tng: 'ewallet',
  boost: 'ewallet',
  ovo: 'ewallet',
  dana: 'ewallet',
  gopay: 'ewallet',
  linkaja: 'ewallet',
  momo: 'ewallet',
  zalopay: 'ewallet',
  wing: 'ewallet',
  kbzpay: 'ewallet',
  wavepay: 'ewallet',
  grabpay: 'ewallet',
  shopeepay: 'ewallet',
  paylah: 'ewallet',
  tel: 'phone',
  phone: 'phone',
  mobile: 'phone',
  mailto: 'email',
  bitcoin: 'crypto',
  ethereum: 'crypto',
  tron: 'crypto',
  btc: 'crypto',
  evm: 'crypto',
  sha256: 'file_hash',
};

function isCryptoShape(text: string): boolean {
  return (
    EVM_SHAPE.test(text) ||
    BTC_BECH32_SHAPE.test(text) ||
    TRON_SHAPE.test(text) ||
    BTC_BASE58_SHAPE.test(text)
  );
}

function prefixType(text: string): IndicatorType | null {
  const match = PREFIXED.exec(text);
  if (!match?.[1]) return null;
  return PREFIX_TYPES[match[1].trim().toLowerCase().replace(/\s+/g, '')] ?? null;
}

function add(list: IndicatorType[], ...types: IndicatorType[]): void {
  for (const type of types) if (!list.includes(type)) list.push(type);
}

/** Candidate types for an untyped value, most likely first. */
export function detectTypes(text: string, _country: string | null): IndicatorType[] {
  const candidates: IndicatorType[] = [];
  if (text.startsWith(EMVCO_PREFIX)) add(candidates, 'emvco_qr');
  if (URL_START.test(text)) add(candidates, 'url');
  if (CANONICAL_BANK.test(text)) add(candidates, 'bank_account');
  const prefixed = prefixType(text);
  if (prefixed) add(candidates, prefixed);
  if (EMAIL.test(text)) add(candidates, 'email');
  if (SHA256.test(text)) add(candidates, 'file_hash');
  if (isCryptoShape(text)) add(candidates, 'crypto');
  if (IBAN_SHAPE.test(text.replace(/\s/g, '').toUpperCase()) && /^[A-Za-z]{2}\d{2}/.test(text))
    add(candidates, 'bank_account');
  if (
    PHONE_CHARS.test(text) &&
    /\d|[\u0E50-\u0E59\u0ED0-\u0ED9\u17E0-\u17E9\u1040-\u1049\uFF10-\uFF19]/.test(text)
  )
    add(candidates, 'phone');
  if (APK_FIRST_SEGMENT.test(text)) add(candidates, 'apk');
  if (URL_LIKE.test(text)) add(candidates, 'url');
  if (HOST_LIKE.test(text)) add(candidates, 'domain');
  if (BANK_LABELLED.test(text)) add(candidates, 'bank_account');
  if (candidates.length === 0 && SENDER_LIKE.test(text) && /[A-Za-z]/.test(text))
    add(candidates, 'sms_sender');
  return candidates;
}
