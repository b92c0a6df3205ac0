import { parse as secureParse } from 'secure-json-parse';

/** JSON with a key that could reach an object's prototype (`__proto__`, `constructor.prototype`). */
export class ForbiddenJsonKeyError extends Error {
  override readonly name = 'ForbiddenJsonKeyError';
}

/** Text that might hold such a key, literally or through `\u` escapes: only it is scanned. */
const SUSPECT = /proto|constructor|\\u/;

/**
 * `JSON.parse` for input from outside the process (HTTP bodies, bulk lines, Kafka events)
 * that refuses `__proto__` keys and `constructor` keys holding `prototype`. JSON.parse keeps
 * them as plain own keys, but class-transformer assigns them when it builds a DTO, and a
 * `__proto__` there replaces the DTO's prototype, past the validator's unknown-field check.
 * secure-json-parse does the scan; it runs only when the text could hold such a key.
 */
export function parseJsonStrict(text: string): unknown {
  if (!SUSPECT.test(text)) return JSON.parse(text);
  try {
    return secureParse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (e) {
    if (e instanceof SyntaxError && e.message.includes('forbidden prototype property'))
      throw new ForbiddenJsonKeyError('JSON keys __proto__ and constructor.prototype are refused');
    throw e;
  }
}

/**
 * Whether `text` holds such a key (false for other text, malformed JSON included). For a
 * caller that parses the text itself afterwards: text that cannot hold one is not parsed.
 */
export function hasForbiddenJsonKey(text: string): boolean {
  if (!SUSPECT.test(text)) return false;
  try {
    parseJsonStrict(text);
    return false;
  } catch (e) {
    return e instanceof ForbiddenJsonKeyError;
  }
}
