// Zero code points of the decimal-digit blocks that show up in ASEAN reports (Thai, Lao, Khmer,
// Myanmar, Shan, Tai Tham, New Tai Lue) plus Arabic-Indic and Devanagari. NFKC already folds
// full-width and mathematical digits, but it leaves these native digits alone.
const DIGIT_ZEROS = [
  0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x19d0,
  0x1a80, 0x1a90, 0xff10,
];

const NATIVE_DIGIT =
  /[\u0660-\u0669\u06F0-\u06F9\u0966-\u096F\u09E6-\u09EF\u0E50-\u0E59\u0ED0-\u0ED9\u0F20-\u0F29\u1040-\u1049\u1090-\u1099\u17E0-\u17E9\u1810-\u1819\u19D0-\u19D9\u1A80-\u1A89\u1A90-\u1A99\uFF10-\uFF19]/g;

function asciiDigit(ch: string): string {
  const code = ch.charCodeAt(0);
  for (const zero of DIGIT_ZEROS) {
    if (code >= zero && code <= zero + 9) return String(code - zero);
  }
  return ch;
}

/** Folds native and full-width digits to ASCII and applies NFKC (full-width '+', '（', etc.). */
export function foldDigits(text: string): string {
  const normalised = /^[\x00-\x7F]*$/.test(text) ? text : text.normalize('NFKC');
  return normalised.replace(NATIVE_DIGIT, asciiDigit);
}
