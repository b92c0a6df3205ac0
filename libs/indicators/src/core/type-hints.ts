import { findEwalletProvider } from '../ewallet/ewallet-providers';
import { INDICATOR_TYPES, type IndicatorType } from '../types';

/** A type hint resolved to a type and, for aliases like 'promptpay' or 'line', a provider. */
export interface ResolvedHint {
  type: IndicatorType;
  provider?: string;
}

const ALIASES: Readonly<Record<string, ResolvedHint>> = {
  msisdn: { type: 'phone' },
  mobile: { type: 'phone' },
  tel: { type: 'phone' },
  telephone: { type: 'phone' },
  phone_number: { type: 'phone' },
  shortcode: { type: 'short_code' },
  sender_id: { type: 'sms_sender' },
  sender: { type: 'sms_sender' },
  sms: { type: 'sms_sender' },
  link: { type: 'url' },
  uri: { type: 'url' },
  hostname: { type: 'domain' },
  host: { type: 'domain' },
  mail: { type: 'email' },
  bank: { type: 'bank_account' },
  account: { type: 'bank_account' },
  iban: { type: 'bank_account' },
  proxy: { type: 'payment_proxy' },
  promptpay: { type: 'payment_proxy', provider: 'promptpay' },
  duitnow: { type: 'payment_proxy', provider: 'duitnow' },
  paynow: { type: 'payment_proxy', provider: 'paynow' },
  wallet: { type: 'ewallet' },
  e_wallet: { type: 'ewallet' },
  wallet_address: { type: 'crypto' },
  btc: { type: 'crypto', provider: 'btc' },
  bitcoin: { type: 'crypto', provider: 'btc' },
  eth: { type: 'crypto', provider: 'evm' },
  evm: { type: 'crypto', provider: 'evm' },
  ethereum: { type: 'crypto', provider: 'evm' },
  tron: { type: 'crypto', provider: 'tron' },
  trx: { type: 'crypto', provider: 'tron' },
  usdt: { type: 'crypto' },
  line: { type: 'messaging', provider: 'line' },
  telegram: { type: 'messaging', provider: 'telegram' },
  whatsapp: { type: 'messaging', provider: 'whatsapp' },
  facebook: { type: 'messaging', provider: 'facebook' },
  zalo: { type: 'messaging', provider: 'zalo' },
  instagram: { type: 'messaging', provider: 'instagram' },
  package: { type: 'apk' },
  package_name: { type: 'apk' },
  android: { type: 'apk' },
  sha256: { type: 'file_hash' },
  hash: { type: 'file_hash' },
  qr: { type: 'emvco_qr' },
  emvco: { type: 'emvco_qr' },
  qr_payload: { type: 'emvco_qr' },
};

const TYPES: ReadonlySet<string> = new Set(INDICATOR_TYPES);

/** Resolves a type hint (case and '-'/' ' insensitive); null when it names nothing we know. */
export function resolveHint(hint: string): ResolvedHint | null {
  const key = hint
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (TYPES.has(key)) return { type: key as IndicatorType };
  const alias = ALIASES[key];
  if (alias) return alias;
  // E-wallet names work as hints too ('gcash', 'truemoney').
  const wallet = findEwalletProvider(hint);
  return wallet ? { type: 'ewallet', provider: wallet.id } : null;
}
