import { domainToUnicode } from 'node:url';
import { parse } from 'tldts';
import { warning } from '../core/outcome';
import type { AttributeValue, IndicatorWarning } from '../types';
import { assessHost } from './lookalike-detector';

const TLDTS_OPTIONS = {
  allowPrivateDomains: true,
  extractHostname: false,
  validateHostname: false,
  detectIp: false,
} as const;
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

export type HostCheck =
  | {
      ok: true;
      attributes: Record<string, AttributeValue>;
      warnings: IndicatorWarning[];
      unicode: string;
    }
  | { ok: false; reason: 'invalid' | 'public_suffix' | 'too_long' };

/** True for an ASCII (punycode) DNS name with at least two valid labels. */
export function isDnsName(host: string): boolean {
  if (host.length > 253) return false;
  const labels = host.split('.');
  return labels.length >= 2 && labels.every((l) => LABEL.test(l));
}

/** Public-suffix split and look-alike checks for an ASCII host name. */
export function analyseHost(host: string): HostCheck {
  if (host.length > 253) return { ok: false, reason: 'too_long' };
  if (!isDnsName(host)) return { ok: false, reason: 'invalid' };
  const parsed = parse(host, TLDTS_OPTIONS);
  if (!parsed.domain || !parsed.domainWithoutSuffix) return { ok: false, reason: 'public_suffix' };
  const warnings: IndicatorWarning[] = [];
  if (!parsed.isIcann && !parsed.isPrivate) {
    warnings.push(
      warning(
        'domain.unknown_suffix',
        `'${parsed.publicSuffix ?? ''}' is not a suffix in the Public Suffix List`,
      ),
    );
  }
  const assessment = assessHost({
    host,
    registrableDomain: parsed.domain,
    label: parsed.domainWithoutSuffix,
  });
  warnings.push(...assessment.warnings);
  const unicode = host.includes('xn--') ? domainToUnicode(host) || host : host;
  return {
    ok: true,
    unicode,
    warnings,
    attributes: {
      registrableDomain: parsed.domain,
      publicSuffix: parsed.publicSuffix,
      subdomain: parsed.subdomain || null,
      unicode,
      idn: unicode !== host,
      protectedBrand: assessment.protectedBrand,
      official: assessment.official,
      lookalikeOf: assessment.lookalikeOf,
    },
  };
}
