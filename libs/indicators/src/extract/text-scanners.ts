import { BANK_REGISTRY } from '../bank/bank-registry.data';
import { EWALLET_PROVIDERS } from '../ewallet/ewallet-providers';
import type { IndicatorType } from '../types';

// Patterns that find candidate indicators in free text (SMS bodies, chat messages). Each
// candidate is then normalised; only what normalises is reported. Earlier scanners claim their
// span first, so "KBANK 123-4-56789-0" is a bank account, not also a phone number.
export interface Scanner {
  type: IndicatorType;
  pattern: RegExp;
  /** Which capture group holds the value to normalise (0 = whole match). */
  group?: number;
  /** Prefix re-attached before normalising (e.g. the platform for "LINE: abc"). */
  prefix?: (match: RegExpExecArray) => string;
}

const DIGIT = '[\\d\\u0E50-\\u0E59\\u0ED0-\\u0ED9\\u17E0-\\u17E9\\u1040-\\u1049\\uFF10-\\uFF19]';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const MESSAGING_LABELS: Readonly<Record<string, string>> = {
  line: 'line',
  'line id': 'line',
  lineid: 'line',
  ไลน์: 'line',
  telegram: 'telegram',
  tg: 'telegram',
  whatsapp: 'whatsapp',
  wa: 'whatsapp',
  zalo: 'zalo',
};
const PROXY_LABELS: Readonly<Record<string, string>> = {
  promptpay: 'promptpay',
  'prompt pay': 'promptpay',
  พร้อมเพย์: 'promptpay',
  paynow: 'paynow',
  duitnow: 'duitnow',
};

function alternation(words: string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
}

function bankAliases(country: string): string[] {
  const banks = BANK_REGISTRY[country] ?? [];
  return banks.flatMap((b) => [b.short, b.name, ...(b.aliases ?? [])]).filter((a) => a.length >= 3);
}

const bankScannerCache = new Map<string, Scanner | null>();

function bankScanner(country: string | null): Scanner | null {
  if (!country) return null;
  const cached = bankScannerCache.get(country);
  if (cached !== undefined) return cached;
  const aliases = bankAliases(country);
  const scanner =
    aliases.length === 0
      ? null
      : {
          type: 'bank_account' as const,
          pattern: new RegExp(
            `(?<![\\p{L}\\d])(${alternation(aliases)})\\s*(?:a/c|acc(?:ount)?|บัญชี|no\\.?|[:#])*\\s*(${DIGIT}[${DIGIT.slice(1, -1)}\\s-]{4,30}${DIGIT})`,
            'giu',
          ),
          prefix: (m: RegExpExecArray) => `${m[1] ?? ''} `,
          group: 2,
        };
  bankScannerCache.set(country, scanner);
  return scanner;
}

const STATIC_SCANNERS: readonly Scanner[] = [
  { type: 'url', pattern: /\b(?:https?|hxxps?):\/\/[^\s<>"'\u3000]+/gi },
  { type: 'url', pattern: /\bwww\.[^\s<>"'\u3000]+/gi },
  { type: 'email', pattern: /[A-Za-z0-9._%+-]+@(?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,}/gu },
  { type: 'crypto', pattern: /\b0x[0-9a-fA-F]{40}\b/g },
  { type: 'crypto', pattern: /\b(?:bc1|tb1)[02-9ac-hj-np-z]{8,87}\b/gi },
  { type: 'crypto', pattern: /\bT[1-9A-HJ-NP-Za-km-z]{33}\b/g },
  { type: 'crypto', pattern: /\b[13][1-9A-HJ-NP-Za-km-z]{25,34}\b/g },
  { type: 'file_hash', pattern: /\b[0-9a-fA-F]{64}\b/g },
  {
    type: 'messaging',
    pattern: new RegExp(
      `(?<![\\p{L}])(${alternation(Object.keys(MESSAGING_LABELS))})\\s*(?:id)?\\s*[:：]?\\s*(@?[A-Za-z0-9._+-]{3,32})`,
      'giu',
    ),
    group: 2,
    prefix: (m) => `${MESSAGING_LABELS[(m[1] ?? '').toLowerCase()] ?? m[1]}:`,
  },
  {
    type: 'payment_proxy',
    pattern: new RegExp(
      `(?<![\\p{L}])(${alternation(Object.keys(PROXY_LABELS))})\\s*[:：]?\\s*([+\\dA-Za-z][\\dA-Za-z\\s-]{6,20}[\\dA-Za-z])`,
      'giu',
    ),
    group: 2,
    prefix: (m) => `${PROXY_LABELS[(m[1] ?? '').toLowerCase()] ?? m[1]}:`,
  },
  {
    type: 'ewallet',
    pattern: new RegExp(
      `(?<![\\p{L}])(${alternation(EWALLET_PROVIDERS.flatMap((p) => [p.id, p.name, ...p.aliases]))})\\s*[:：]?\\s*(\\+?${DIGIT}[${DIGIT.slice(1, -1)}\\s-]{6,16}${DIGIT})`,
      'giu',
    ),
    group: 2,
    prefix: (m) => `${m[1] ?? ''}:`,
  },
  { type: 'apk', pattern: /\b(?:com|org|net|io)\.[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+\b/gi },
  {
    type: 'domain',
    pattern:
      /(?<![@\w.-])(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,24}(?:\/[^\s<>"']*)?/gu,
  },
  {
    type: 'phone',
    pattern: new RegExp(
      `(?:\\+|(?<![\\w]))${DIGIT}[${DIGIT.slice(1, -1)}\\s\\-.()]{6,20}${DIGIT}(?![\\w])`,
      'gu',
    ),
  },
];

export function scannersFor(country: string | null): Scanner[] {
  const bank = bankScanner(country);
  const scanners = [...STATIC_SCANNERS];
  // Bank accounts claim their digits before the phone scanner sees them.
  if (bank) scanners.splice(scanners.length - 1, 0, bank);
  return scanners;
}
