import { BANK_REGISTRY, normalise } from '@wgas/indicators';

// Realistic scam reports for the eleven ASEAN members: phone numbers in each country's
// national format, phishing URLs, mule accounts with real bank names, e-wallets and
// crypto wallets, with a configurable share of values reported again in another country.

export const MEMBERS = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'TL', 'VN'] as const;
export type Member = (typeof MEMBERS)[number];

/** Local mobile formats, as agencies type them (trunk prefix, spacing, dashes). */
const MOBILE: Record<Member, (n: () => string) => string> = {
  BN: (d) => `${pick(['7', '8'])}${d()}${d()}${d()} ${d()}${d()}${d()}`,
  KH: (d) => `0${pick(['12', '15', '16', '17', '92', '96'])} ${d()}${d()}${d()} ${d()}${d()}${d()}`,
  ID: (d) =>
    `08${pick(['11', '12', '13', '21', '52', '57'])}-${d()}${d()}${d()}${d()}-${d()}${d()}${d()}${d()}`,
  LA: (d) => `020 ${pick(['5', '7', '9'])}${d()}${d()}${d()} ${d()}${d()}${d()}${d()}`,
  MY: (d) => `01${pick(['2', '3', '6', '7', '9'])}-${d()}${d()}${d()} ${d()}${d()}${d()}${d()}`,
  MM: (d) =>
    `09 ${pick(['25', '26', '40', '42', '45', '78', '79'])}${d()} ${d()}${d()}${d()} ${d()}${d()}${d()}`,
  PH: (d) =>
    `09${pick(['17', '18', '27', '39', '61', '98'])} ${d()}${d()}${d()} ${d()}${d()}${d()}${d()}`,
  SG: (d) => `${pick(['8', '9'])}${d()}${d()}${d()} ${d()}${d()}${d()}${d()}`,
  TH: (d) => `0${pick(['6', '8', '9'])}${d()}-${d()}${d()}${d()}-${d()}${d()}${d()}${d()}`,
  TL: (d) => `7${pick(['7', '8'])}${d()}${d()} ${d()}${d()}${d()}${d()}`,
  VN: (d) =>
    `0${pick(['32', '33', '86', '90', '91', '96', '98'])} ${d()}${d()}${d()} ${d()}${d()}${d()}${d()}`,
};

const TYPOLOGIES = [
  'investment',
  'impersonation',
  'romance',
  'job',
  'shopping',
  'loan',
  'phishing',
] as const;

export interface GeneratedReport {
  country: Member;
  body: {
    typology: string;
    tlp: 'GREEN' | 'AMBER' | 'CLEAR';
    channel: string;
    narrative: string;
    indicators: { value: string; type?: string }[];
  };
}

export interface ReportFactoryOptions {
  /** Share of indicators that repeat a value already reported elsewhere (0..1). */
  duplicateRate?: number;
  /** Deterministic output for a given seed. */
  seed?: number;
  /** Reporting countries to draw from (default: all eleven members). */
  countries?: readonly Member[];
}

function pick<T>(xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)] as T;
}

let state = 1;
function rand(): number {
  // mulberry32: small, fast, seedable; benchmarks need repeatable data, not secrecy.
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const digit = () => String(Math.floor(rand() * 10));

function freshIndicator(country: Member): { value: string; type?: string } {
  const kind = rand();
  if (kind < 0.45) return { value: MOBILE[country](digit), type: 'phone' };
  if (kind < 0.7) {
    const host = `${pick(['secure', 'verify', 'login', 'promo', 'claim'])}-${Math.floor(rand() * 1e6)}.${pick(['com', 'net', 'xyz', 'top', 'shop'])}`;
    return {
      value: `https://${host}/${pick(['login', 'verify', 'account', 'bonus'])}?utm_source=sms`,
    };
  }
  const banks = BANK_REGISTRY[country];
  if (kind < 0.9 && banks && banks.length > 0) {
    const bank = pick(banks);
    const digits = Array.from({ length: bank.lengths?.[0] ?? 10 }, digit).join('');
    return { value: `${bank.short} ${digits}`, type: 'bank_account' };
  }
  if (kind < 0.95)
    return {
      value: `0x${Array.from({ length: 40 }, () => pick([...'0123456789abcdef'])).join('')}`,
      type: 'crypto',
    };
  return {
    value: `@${pick(['invest', 'job', 'crypto', 'loan'])}_${Math.floor(rand() * 1e6)}`,
    type: 'telegram',
  };
}

interface Seen {
  value: string;
  type?: string;
  country: Member;
  /** How another country writes it: E.164 for phones; undefined where it stays national. */
  international?: string;
}

function remember(i: { value: string; type?: string }, country: Member): Seen {
  if (i.type !== 'phone')
    return { ...i, country, international: i.type === 'bank_account' ? undefined : i.value };
  const r = normalise(i.value, { country, typeHint: 'phone' });
  return { ...i, country, international: r.ok ? r.indicator.canonical : undefined };
}

/** A repeat in another country uses the international form; a bank account stays at home. */
function asReportedIn(s: Seen, country: Member): { value: string; type?: string } {
  if (s.country === country) return { value: s.value, ...(s.type ? { type: s.type } : {}) };
  if (!s.international) return freshIndicator(country);
  return { value: s.international, ...(s.type ? { type: s.type } : {}) };
}

/** Yields `count` reports; repeats carry an earlier value into a (possibly) different country. */
export function* generateReports(
  count: number,
  o: ReportFactoryOptions = {},
): Generator<GeneratedReport> {
  state = o.seed ?? 42;
  const duplicateRate = o.duplicateRate ?? 0.1;
  const seen: Seen[] = [];
  for (let i = 0; i < count; i++) {
    const country = pick(o.countries ?? MEMBERS);
    const n = 1 + Math.floor(rand() * 3);
    const indicators = Array.from({ length: n }, () => {
      const again = seen.length > 0 && rand() < duplicateRate ? pick(seen) : undefined;
      if (again) return asReportedIn(again, country);
      const fresh = freshIndicator(country);
      if (seen.length < 100_000) seen.push(remember(fresh, country));
      return fresh;
    });
    yield {
      country,
      body: {
        typology: pick(TYPOLOGIES),
        tlp: pick(['GREEN', 'GREEN', 'AMBER', 'CLEAR'] as const),
        channel: pick(['phone_call', 'sms', 'messaging_app', 'social_media', 'website']),
        narrative: `Load-test report ${i + 1}`,
        indicators,
      },
    };
  }
}
