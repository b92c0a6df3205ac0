import { foldDigits } from '../core/digit-folding';

/** A phone-like input reduced to digits, with what the reporter typed around them. */
export interface DialledNumber {
  digits: string;
  plus: boolean;
  extension: string | null;
  trunkInBrackets: boolean;
}

const ALLOWED = /^[+\d\s\-./()]*$/;
const EXTENSION = /\s*(?:ext\.?|extension|x|#)\s*(\d{1,7})$/i;
// "tel:" URIs and "Tel." labels are common in copy-pasted reports.
const LABEL = /^(?:tel:|phone:|tel\.?\s|mobile:?\s|whatsapp:)\s*/i;

/** Splits a raw phone string into digits and markers; null when it holds characters a phone number cannot. */
export function readDialledNumber(text: string): DialledNumber | null {
  let s = foldDigits(text).replace(LABEL, '');
  let extension: string | null = null;
  const ext = EXTENSION.exec(s);
  if (ext && ext[1] !== undefined) {
    extension = ext[1];
    s = s.slice(0, ext.index);
  }
  if (!ALLOWED.test(s)) return null;
  // "(+66) 81..." brackets the country code.
  s = s.replace(/^\s*\(\s*\+\s*(\d{1,3})\s*\)/, '+$1 ');
  // "+66 (0)81..." writes the trunk prefix in brackets after the country code; it is not dialled.
  const trunk = /^\s*\+\s*\d{1,3}[\s.-]*\(0\)/.exec(s);
  if (trunk) s = s.replace(/\(0\)/, '');
  const trimmed = s.trim();
  const plus = trimmed.startsWith('+');
  if (trimmed.indexOf('+', 1) !== -1) return null;
  return { digits: trimmed.replace(/\D/g, ''), plus, extension, trunkInBrackets: trunk !== null };
}
