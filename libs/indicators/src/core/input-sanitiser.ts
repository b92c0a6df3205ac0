import type { IndicatorWarning } from '../types';
import { warning } from './outcome';

export const MAX_INPUT_LENGTH = 2048;

// Zero-width, bidi-control and other invisible format characters: scammers insert them to dodge
// exact-match blocklists (e.g. "kbank\u200B.co.th"), and they never carry meaning in an indicator.
const INVISIBLE_CLASS =
  '[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]';
const HAS_INVISIBLE = new RegExp(INVISIBLE_CLASS);
const ALL_INVISIBLE = new RegExp(INVISIBLE_CLASS, 'g');

export type Prepared =
  | { ok: true; text: string; warnings: IndicatorWarning[] }
  | { ok: false; code: 'input.not_a_string' | 'input.empty' | 'input.too_long'; message: string };

/** Bounds the length, removes invisible characters (with a warning) and trims whitespace. */
export function prepareInput(raw: unknown, maxLength = MAX_INPUT_LENGTH): Prepared {
  if (typeof raw !== 'string')
    return { ok: false, code: 'input.not_a_string', message: 'Input must be a string' };
  if (raw.length > maxLength) {
    return {
      ok: false,
      code: 'input.too_long',
      message: `Input is ${raw.length} characters; the limit is ${maxLength}`,
    };
  }
  const warnings: IndicatorWarning[] = [];
  let text = raw;
  if (HAS_INVISIBLE.test(text)) {
    text = text.replace(ALL_INVISIBLE, '');
    warnings.push(
      warning(
        'input.invisible_characters_removed',
        'Zero-width or bidirectional control characters were removed',
      ),
    );
  }
  text = text.trim();
  if (text.length === 0) return { ok: false, code: 'input.empty', message: 'Input is empty' };
  return { ok: true, text, warnings };
}

export function stripInvisible(text: string): string {
  return HAS_INVISIBLE.test(text) ? text.replace(ALL_INVISIBLE, '') : text;
}
