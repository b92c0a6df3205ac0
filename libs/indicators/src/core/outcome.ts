import type { AttributeValue, CanonicalIndicator, IndicatorType, IndicatorWarning } from '../types';
import type { RejectionCode, WarningCode } from './rejection-codes';

/** What a type normaliser returns: an indicator, or a coded failure that the entry point turns into a Rejection. */
export type Outcome =
  { ok: true; indicator: CanonicalIndicator } | { ok: false; code: RejectionCode; message: string };

export interface IndicatorParts {
  display?: string;
  attributes?: Record<string, AttributeValue>;
  warnings?: IndicatorWarning[];
  related?: CanonicalIndicator[];
}

export function buildIndicator(
  type: IndicatorType,
  canonical: string,
  raw: string,
  parts: IndicatorParts = {},
): CanonicalIndicator {
  const indicator: CanonicalIndicator = {
    type,
    canonical,
    key: `${type}:${canonical}`,
    display: parts.display ?? canonical,
    raw,
    attributes: parts.attributes ?? {},
    warnings: parts.warnings ?? [],
  };
  if (parts.related && parts.related.length > 0) indicator.related = parts.related;
  return indicator;
}

export function accept(
  type: IndicatorType,
  canonical: string,
  raw: string,
  parts: IndicatorParts = {},
): Outcome {
  return { ok: true, indicator: buildIndicator(type, canonical, raw, parts) };
}

export function fail(code: RejectionCode, message: string): Outcome {
  return { ok: false, code, message };
}

export function warning(code: WarningCode, message: string): IndicatorWarning {
  return { code, message };
}
