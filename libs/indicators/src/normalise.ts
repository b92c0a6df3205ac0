import { normaliseCountry } from './core/country';
import { prepareInput } from './core/input-sanitiser';
import { type Outcome } from './core/outcome';
import { resolveHint, type ResolvedHint } from './core/type-hints';
import { detectTypes } from './detect/type-detector';
import { NORMALISERS, type TypeContext } from './normaliser-registry';
import type { IndicatorType, NormaliseContext, NormaliseResult, Rejection } from './types';

const MAX_ECHOED_RAW = 256;

function reject(code: string, message: string, raw: unknown, type?: string): NormaliseResult {
  const text = typeof raw === 'string' ? raw : '';
  const rejection: Rejection = {
    code,
    message,
    raw: text.length > MAX_ECHOED_RAW ? `${text.slice(0, MAX_ECHOED_RAW)}…` : text,
  };
  if (type) rejection.type = type;
  return { ok: false, rejection };
}

function runType(type: IndicatorType, text: string, raw: string, ctx: TypeContext): Outcome {
  return NORMALISERS[type](text, raw, ctx);
}

function runDetected(
  text: string,
  raw: string,
  ctx: TypeContext,
): { outcome: Outcome; type: IndicatorType } | null {
  const candidates = detectTypes(text, ctx.country);
  let firstFailure: { outcome: Outcome; type: IndicatorType } | null = null;
  for (const type of candidates) {
    const outcome = runType(type, text, raw, ctx);
    if (outcome.ok) return { outcome, type };
    firstFailure ??= { outcome, type };
  }
  return firstFailure;
}

function normaliseUnsafe(raw: unknown, context: NormaliseContext | undefined): NormaliseResult {
  const prepared = prepareInput(raw);
  if (!prepared.ok) return reject(prepared.code, prepared.message, raw);
  const rawText = raw as string;
  const countryInput = context?.country;
  const country = normaliseCountry(countryInput);
  if (countryInput !== undefined && countryInput !== '' && country === null) {
    return reject(
      'context.invalid_country',
      `Country '${String(countryInput)}' is not an ISO 3166-1 alpha-2 code`,
      raw,
    );
  }
  let hint: ResolvedHint | null = null;
  if (typeof context?.typeHint === 'string' && context.typeHint.trim() !== '') {
    hint = resolveHint(context.typeHint);
    if (!hint)
      return reject('input.unknown_type', `Unknown indicator type '${context.typeHint}'`, raw);
  }
  const ctx: TypeContext = {
    country,
    provider: hint?.provider ?? context?.provider,
    bank: context?.bank,
    explicit: hint !== null,
  };
  const run = hint
    ? { outcome: runType(hint.type, prepared.text, rawText, ctx), type: hint.type }
    : runDetected(prepared.text, rawText, ctx);
  if (!run) return reject('input.unrecognised', 'Not recognised as any indicator type', raw);
  if (!run.outcome.ok) return reject(run.outcome.code, run.outcome.message, raw, run.type);
  const indicator = run.outcome.indicator;
  if (prepared.warnings.length > 0)
    indicator.warnings = [...prepared.warnings, ...indicator.warnings];
  return { ok: true, indicator };
}

/** Normalises one raw value into a canonical indicator, or a rejection with a stable code. Never throws. */
export function normalise(raw: string, context: NormaliseContext): NormaliseResult {
  try {
    return normaliseUnsafe(raw, context);
  } catch (error) {
    // A bug must not take down a bulk import; it surfaces as a coded rejection the fuzz test hunts for.
    const message = error instanceof Error ? error.message : 'unknown error';
    return reject('internal.error', `Internal error while normalising: ${message}`, raw);
  }
}
