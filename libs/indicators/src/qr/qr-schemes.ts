import { normaliseBankAccount } from '../bank/bank-account.normaliser';
import { buildIndicator } from '../core/outcome';
import { normalisePaymentProxy } from '../payment/payment-proxy.normaliser';
import type { CanonicalIndicator } from '../types';
import { fieldMap, parseTlv } from './emv-tlv';

// What each national scheme puts in the merchant-account templates (IDs 26-51), and the
// indicator it yields: the proxy or account that actually receives the money.
export interface SchemeMatch {
  scheme: string;
  related: CanonicalIndicator | null;
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

function vietQr(sub: Map<string, string>, raw: string): CanonicalIndicator | null {
  const beneficiary = parseTlv(sub.get('01') ?? '');
  if (!beneficiary) return null;
  const fields = fieldMap(beneficiary);
  const bin = fields.get('00');
  const account = fields.get('01');
  if (!bin || !account || sub.get('02') === 'QRIBFTTC') return null;
  const result = normaliseBankAccount(`VN:${bin}:${account}`, raw, 'VN', undefined);
  if (result.ok) return result.indicator;
  return buildIndicator('bank_account', `VN:${bin}:${account}`, raw, {
    attributes: { country: 'VN', bankCode: bin, accountNumber: account, lengthChecked: false },
  });
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
      related: biller
        ? buildIndicator('payment_proxy', `promptpay:biller:${biller}`, raw, {
            attributes: { scheme: 'promptpay', proxyKind: 'biller_id', proxy: `biller:${biller}` },
          })
        : null,
    };
  }
  if (guid === 'SG.PAYNOW') {
    const value02 = sub.get('02');
    return { scheme: 'paynow', related: value02 ? proxy(`paynow:${value02}`, raw) : null };
  }
  if (guid === DUITNOW) {
    const merchant = sub.get('02');
    const acquirer = sub.get('01') ?? 'unknown';
    const related = merchant
      ? buildIndicator('payment_proxy', `duitnow:qr:${acquirer}:${merchant}`, raw, {
          attributes: {
            scheme: 'duitnow',
            proxyKind: 'qr_merchant',
            proxy: `qr:${acquirer}:${merchant}`,
          },
        })
      : null;
    return { scheme: 'duitnow', related };
  }
  if (guid === 'ID.CO.QRIS.WWW') {
    const nmid = sub.get('02');
    return { scheme: 'qris', related: nmid ? proxy(`qris:${nmid}`, raw) : null };
  }
  if (guid === VIETQR) return { scheme: 'vietqr', related: vietQr(sub, raw) };
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
