// Scripts that matter for look-alike host names. A label mixing two of them ("kbаnk" with a
// Cyrillic 'а') is a classic homograph; Common and Inherited characters (digits, hyphen,
// combining marks) do not count.
const SCRIPTS: ReadonlyArray<[string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Lao', /\p{Script=Lao}/u],
  ['Khmer', /\p{Script=Khmer}/u],
  ['Myanmar', /\p{Script=Myanmar}/u],
  ['Han', /\p{Script=Han}/u],
  ['Hiragana', /\p{Script=Hiragana}/u],
  ['Katakana', /\p{Script=Katakana}/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
];
const LETTER = /\p{L}/u;

// Japanese legitimately mixes Han, Hiragana, Katakana and Latin (TR39 "highly restrictive").
const JAPANESE = new Set(['Han', 'Hiragana', 'Katakana']);

function scriptOf(ch: string): string | null {
  for (const [name, pattern] of SCRIPTS) if (pattern.test(ch)) return name;
  return LETTER.test(ch) ? 'Other' : null;
}

/** The distinct scripts of the letters in a label. */
export function scriptsOf(label: string): string[] {
  const found = new Set<string>();
  for (const ch of label) {
    if (ch.charCodeAt(0) < 0x80) {
      if (/[a-zA-Z]/.test(ch)) found.add('Latin');
      continue;
    }
    const script = scriptOf(ch);
    if (script) found.add(script);
  }
  return [...found];
}

/** Mixed per TR39 "highly restrictive": more than one script, except Latin + Han + Kana. */
export function isMixedScript(scripts: string[]): boolean {
  return scripts.length > 1 && !scripts.every((s) => JAPANESE.has(s) || s === 'Latin');
}
