import { normaliseApk } from './apk/apk.normaliser';
import { normaliseBankAccount } from './bank/bank-account.normaliser';
import { fail, type Outcome } from './core/outcome';
import { normaliseCrypto } from './crypto/crypto.normaliser';
import { normaliseDomain } from './domain/domain.normaliser';
import { normaliseEmail } from './email/email.normaliser';
import { normaliseEwallet } from './ewallet/ewallet.normaliser';
import { normaliseFileHash } from './file-hash/file-hash.normaliser';
import { normaliseMessaging } from './messaging/messaging.normaliser';
import { normalisePaymentProxy } from './payment/payment-proxy.normaliser';
import { normalisePhone } from './phone/phone.normaliser';
import { normaliseShortCode } from './phone/short-code.normaliser';
import { normaliseEmvcoQr } from './qr/emvco-qr.normaliser';
import { normaliseSmsSender } from './sms/sms-sender.normaliser';
import type { IndicatorType } from './types';
import { normaliseUrl } from './url/url.normaliser';

/** What every type normaliser receives besides the value. */
export interface TypeContext {
  /** Upper-case ISO alpha-2, or null when the caller gave none. */
  country: string | null;
  provider: string | undefined;
  bank: string | undefined;
  /** True when the caller declared the type. */
  explicit: boolean;
}

type TypeNormaliser = (text: string, raw: string, ctx: TypeContext) => Outcome;

/** Types whose identity includes the country (short codes, sender IDs) cannot go without one. */
function withCountry(run: (text: string, raw: string, country: string) => Outcome): TypeNormaliser {
  return (text, raw, ctx) =>
    ctx.country
      ? run(text, raw, ctx.country)
      : fail('context.invalid_country', 'This indicator type needs the reporting country');
}

// 'ZZ' is the "unknown region" code: international numbers still parse, national ones do not.
export const NORMALISERS: Readonly<Record<IndicatorType, TypeNormaliser>> = {
  phone: (text, raw, ctx) => normalisePhone(text, raw, ctx.country ?? 'ZZ'),
  short_code: withCountry(normaliseShortCode),
  sms_sender: withCountry(normaliseSmsSender),
  url: (text, raw) => normaliseUrl(text, raw),
  domain: (text, raw) => normaliseDomain(text, raw),
  email: (text, raw) => normaliseEmail(text, raw),
  bank_account: (text, raw, ctx) => normaliseBankAccount(text, raw, ctx.country, ctx.bank),
  payment_proxy: (text, raw, ctx) => normalisePaymentProxy(text, raw, ctx.country, ctx.provider),
  ewallet: (text, raw, ctx) => normaliseEwallet(text, raw, ctx.country, ctx.provider),
  crypto: (text, raw, ctx) => normaliseCrypto(text, raw, ctx.provider),
  messaging: (text, raw, ctx) => normaliseMessaging(text, raw, ctx.country ?? 'ZZ', ctx.provider),
  apk: (text, raw) => normaliseApk(text, raw),
  file_hash: (text, raw) => normaliseFileHash(text, raw),
  emvco_qr: (text, raw) => normaliseEmvcoQr(text, raw),
};
