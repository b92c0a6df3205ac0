import { INDICATOR_TYPES } from '@wgas/indicators';

const DAY = 86_400;

/**
 * How long an indicator stays active after it was last reported, per type: phone numbers
 * are recycled by operators within months, phishing URLs and domains die within days or
 * weeks, while mule accounts, wallets and malware stay useful for a year.
 */
export const DEFAULT_LIFETIME_SECONDS: Readonly<Record<string, number>> = {
  phone: 90 * DAY,
  short_code: 180 * DAY,
  sms_sender: 90 * DAY,
  url: 14 * DAY,
  domain: 30 * DAY,
  email: 90 * DAY,
  bank_account: 365 * DAY,
  payment_proxy: 180 * DAY,
  ewallet: 365 * DAY,
  crypto: 365 * DAY,
  messaging: 90 * DAY,
  apk: 365 * DAY,
  file_hash: 365 * DAY,
  emvco_qr: 90 * DAY,
};

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: DAY };
const ITEM = '[a-z_]+=[1-9][0-9]{0,6}[smhd]';
export const LIFETIMES_PATTERN = new RegExp(`^(${ITEM}(,${ITEM})*)?$`);

/** Default lifetimes with the `type=90d,...` overrides applied; unknown types are an error. */
export function parseLifetimes(overrides: string): Map<string, number> {
  const lifetimes = new Map<string, number>(
    INDICATOR_TYPES.map((t) => [t, DEFAULT_LIFETIME_SECONDS[t] ?? 90 * DAY]),
  );
  for (const item of overrides.split(',').filter(Boolean)) {
    const m = /^([a-z_]+)=(\d+)([smhd])$/.exec(item);
    if (!m || !m[1] || !m[2] || !m[3]) throw new Error(`invalid lifetime "${item}"`);
    if (!lifetimes.has(m[1])) throw new Error(`unknown indicator type "${m[1]}" in lifetimes`);
    lifetimes.set(m[1], Number(m[2]) * (UNIT_SECONDS[m[3]] ?? DAY));
  }
  return lifetimes;
}
