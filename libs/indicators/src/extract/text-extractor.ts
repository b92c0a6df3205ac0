import { stripInvisible } from '../core/input-sanitiser';
import { normalise } from '../normalise';
import { EMVCO_PREFIX } from '../qr/emvco-qr.normaliser';
import { parseTlv } from '../qr/emv-tlv';
import type { CanonicalIndicator, IndicatorType, NormaliseContext } from '../types';
import { scannersFor } from './text-scanners';

export const MAX_TEXT_LENGTH = 65536;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"’”>»。、]+$/u;

interface Found {
  start: number;
  end: number;
  indicator: CanonicalIndicator;
}

function overlaps(claimed: Array<[number, number]>, start: number, end: number): boolean {
  return claimed.some(([s, e]) => start < e && end > s);
}

/** An EMVCo payload runs from 000201 through its CRC field; walk the TLV to find where it ends. */
function qrPayloadAt(text: string, start: number): string | null {
  let at = start;
  while (at + 4 <= text.length) {
    const id = text.slice(at, at + 2);
    const length = Number(text.slice(at + 2, at + 4));
    if (!/^\d{2}$/.test(id) || Number.isNaN(length)) return null;
    at += 4 + length;
    if (id === '63')
      return at <= text.length && parseTlv(text.slice(start, at)) ? text.slice(start, at) : null;
  }
  return null;
}

function findQrPayloads(
  text: string,
  context: NormaliseContext,
  claimed: Array<[number, number]>,
  found: Found[],
): void {
  for (let at = text.indexOf(EMVCO_PREFIX); at !== -1; at = text.indexOf(EMVCO_PREFIX, at + 1)) {
    const payload = qrPayloadAt(text, at);
    if (!payload) continue;
    const result = normalise(payload, { ...context, typeHint: 'emvco_qr' });
    if (!result.ok) continue;
    claimed.push([at, at + payload.length]);
    found.push({ start: at, end: at + payload.length, indicator: result.indicator });
  }
}

function candidateValue(type: IndicatorType, value: string): string {
  return type === 'url' || type === 'domain' || type === 'email'
    ? value.replace(TRAILING_PUNCTUATION, '')
    : value;
}

/** Finds every indicator in free text (SMS body, chat message), de-duplicated by key, in text order. */
export function extract(text: string, context: NormaliseContext): CanonicalIndicator[] {
  if (typeof text !== 'string') return [];
  const body = stripInvisible(
    text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text,
  );
  const claimed: Array<[number, number]> = [];
  const found: Found[] = [];
  try {
    findQrPayloads(body, context, claimed, found);
    for (const scanner of scannersFor(
      typeof context?.country === 'string' ? context.country.toUpperCase() : null,
    )) {
      scanner.pattern.lastIndex = 0;
      for (let m = scanner.pattern.exec(body); m !== null; m = scanner.pattern.exec(body)) {
        const group = m[scanner.group ?? 0] ?? '';
        const value = candidateValue(scanner.type, group);
        const start = m.index + m[0].indexOf(group);
        const end = start + value.length;
        if (value.length === 0 || overlaps(claimed, m.index, end)) continue;
        const hint = scanner.type === 'domain' && value.includes('/') ? 'url' : scanner.type;
        const result = normalise(`${scanner.prefix ? scanner.prefix(m) : ''}${value}`, {
          ...context,
          typeHint: hint,
        });
        if (!result.ok || result.indicator.type === 'short_code') continue;
        claimed.push([m.index, end]);
        found.push({ start, end, indicator: result.indicator });
      }
    }
  } catch {
    // extract never throws; a scanner bug yields fewer results, not a crashed import.
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.start - b.start)
    .filter(({ indicator }) => (seen.has(indicator.key) ? false : (seen.add(indicator.key), true)))
    .map((f) => f.indicator);
}
