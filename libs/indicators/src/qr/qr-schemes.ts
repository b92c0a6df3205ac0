import { normaliseBankAccount } from '../bank/bank-account.normaliser';
import { warning } from '../core/outcome';
import { normalisePaymentProxy } from '../payment/payment-proxy.normaliser';
import type { CanonicalIndicator, IndicatorWarning } from '../types';
import { fieldMap, parseTlv } from './emv-tlv';

// What each national scheme puts in the merchant-account templates (IDs 26-51), and the
// indicator it yields: the proxy or account that actually receives the money.
export interface SchemeMatch {
  scheme: string;
  related: CanonicalIndicator | null;
  /** Why a proxy or account named in the QR is not among the related indicators. */
  warning?: IndicatorWarning;
}

const PROMPTPAY_TRANSFER = 'A000000677010111';
const PROMPTPAY_BILL = 'A000000677010112';
const DUITNOW = 'A0000006150001';
const VIETQR = 'A000000727';

function proxy(value: string, raw: string): CanonicalIndicator | null {
  const result = normalisePaymentProxy(value, raw, null, undefined);
  return result.ok ? result.indicator : null;
}

function promptPayTransfer(sub: Map<string, string>, raw: string): CanonicalIndicator | null {
  const mobile = sub.get('01');
  // PromptPay QR writes mobiles as 0066 + 9 digits.
  if (mobile) return proxy(`promptpay:+${mobile.replace(/^00/, '')}`, raw);
  const id = sub.get('02') ?? sub.get('03');
  return id ? proxy(`promptpay:${id}`, raw) : null;
}

function vietQr(sub: Map<string, string>, raw: string): SchemeMatch {
  const beneficiary = parseTlv(sub.get('01') ?? '');
  const fields = beneficiary ? fieldMap(beneficiary) : new Map<string, string>();
  const bin = fields.get('00');
  const account = fields.get('01');
  if (!bin || !account || sub.get('02') === 'QRIBFTTC') return { scheme: 'vietqr', related: null };
  const result = normaliseBankAccount(`VN:${bin}:${account}`, raw, 'VN', undefined);
  if (result.ok) return { scheme: 'vietqr', related: result.indicator };
  // Only what normalise accepts becomes a related indicator, so every related canonical form
  // normalises to itself; the account stays visible to analysts in the warning.
  return {
    scheme: 'vietqr',
    related: null,
    warning: warning(
      'emvco_qr.unverified_account',
      `VietQR account VN:${bin}:${account} is not a valid bank account: ${result.message}`,
    ),
  };
}

function matchTemplate(
  id: string,
  value: string,
  country: string | undefined,
  raw: string,
): SchemeMatch | null {
  const fields = parseTlv(value);
  const sub = fields ? fieldMap(fields) : new Map<string, string>();
  const guid = (sub.get('00') ?? '').toUpperCase();
  if (guid === PROMPTPAY_TRANSFER)
    return { scheme: 'promptpay', related: promptPayTransfer(sub, raw) };
  if (guid === PROMPTPAY_BILL) {
    const biller = sub.get('01');
    return {
      scheme: 'promptpay_bill',
      related: biller ? proxy(`promptpay:biller:${biller}`, raw) : null,
    };
  }
  if (guid === 'SG.PAYNOW') {
    const value02 = sub.get('02');
    return { scheme: 'paynow', related: value02 ? proxy(`paynow:${value02}`, raw) : null };
  }
  if (guid === DUITNOW) {
    const merchant = sub.get('02');
    const acquirer = sub.get('01') ?? 'unknown';
    return {
      scheme: 'duitnow',
      related: merchant ? proxy(`duitnow:qr:${acquirer}:${merchant}`, raw) : null,
    };
  }
  if (guid === 'ID.CO.QRIS.WWW') {
    const nmid = sub.get('02');
    return { scheme: 'qris', related: nmid ? proxy(`qris:${nmid}`, raw) : null };
  }
  if (guid === VIETQR) return vietQr(sub, raw);
  // KHQR (Bakong): tag 29/30 sub 00 is the Bakong account ID itself ("name@bank").
  if (country === 'KH' && (id === '29' || id === '30') && guid.includes('@'))
    return { scheme: 'khqr', related: proxy(`bakong:${sub.get('00') ?? ''}`, raw) };
  if (guid.startsWith('ID.CO.')) return { scheme: 'qris', related: null };
  return null;
}

/** Recognised schemes and their money-receiving indicators, from the merchant-account templates. */
export function matchSchemes(top: Map<string, string>, raw: string): SchemeMatch[] {
  const country = top.get('58');
  const matches: SchemeMatch[] = [];
  for (const [id, value] of top) {
    const n = Number(id);
    if (n < 26 || n > 51) continue;
    const match = matchTemplate(id, value, country, raw);
    if (match) matches.push(match);
  }
  return matches;
}
