import { domainToUnicode } from 'node:url';
import { warning } from '../core/outcome';
import type { IndicatorWarning } from '../types';
import { hostSkeleton } from './confusable-skeleton';
import { isOneEditApart } from './edit-distance';
import { PROTECTED_BRANDS, type ProtectedBrand } from './protected-brands';
import { isMixedScript, scriptsOf } from './script-detection';

interface BrandDomain {
  brand: ProtectedBrand;
  domain: string;
}

interface BrandToken {
  brand: ProtectedBrand;
  token: string;
  wholeWord: boolean;
}

// Tokens shorter than this only match a whole hyphen/dot-separated word ("scb-th.com", not "describe").
const SUBSTRING_TOKEN_MIN = 6;
const TYPO_LABEL_MIN = 6;

function suffixLength(domain: string): number {
  return domain.indexOf('.');
}

function buildIndex() {
  const official = new Map<string, ProtectedBrand>();
  const byDomainSkeleton = new Map<string, BrandDomain>();
  const byLabelSkeleton = new Map<string, BrandDomain>();
  const tokens: BrandToken[] = [];
  for (const brand of PROTECTED_BRANDS) {
    for (const domain of brand.domains) {
      official.set(domain, brand);
      byDomainSkeleton.set(hostSkeleton(domain), { brand, domain });
      byLabelSkeleton.set(hostSkeleton(domain.slice(0, suffixLength(domain))), { brand, domain });
    }
    // Tokens are compared in skeleton space, like the host ('maybank' becomes 'rnaybank').
    for (const token of brand.tokens)
      tokens.push({
        brand,
        token: hostSkeleton(token),
        wholeWord: token.length < SUBSTRING_TOKEN_MIN,
      });
  }
  return { official, byDomainSkeleton, byLabelSkeleton, tokens };
}

const INDEX = buildIndex();

export interface HostAssessment {
  warnings: IndicatorWarning[];
  protectedBrand: string | null;
  official: boolean;
  lookalikeOf: string | null;
}

export interface HostParts {
  host: string;
  registrableDomain: string;
  label: string;
}

function homographWarning(
  host: HostParts,
): { warning: IndicatorWarning; target: BrandDomain } | null {
  const regUnicode = domainToUnicode(host.registrableDomain) || host.registrableDomain;
  const exact = INDEX.byDomainSkeleton.get(hostSkeleton(regUnicode));
  if (exact) {
    return {
      target: exact,
      warning: warning('domain.homograph', `homograph of ${exact.domain} (${exact.brand.name})`),
    };
  }
  const labelUnicode = domainToUnicode(host.label) || host.label;
  const sameLabel = INDEX.byLabelSkeleton.get(hostSkeleton(labelUnicode));
  if (sameLabel) {
    const brandLabel = sameLabel.domain.slice(0, suffixLength(sameLabel.domain));
    if (brandLabel !== host.label) {
      return {
        target: sameLabel,
        warning: warning(
          'domain.homograph',
          `homograph of ${sameLabel.domain} (${sameLabel.brand.name})`,
        ),
      };
    }
    const message = `same name as ${sameLabel.domain} (${sameLabel.brand.name}) under another suffix`;
    return { target: sameLabel, warning: warning('domain.brand_lookalike', message) };
  }
  return null;
}

function typoWarning(label: string): { warning: IndicatorWarning; target: BrandDomain } | null {
  if (label.length < TYPO_LABEL_MIN) return null;
  for (const brand of PROTECTED_BRANDS) {
    for (const domain of brand.domains) {
      const brandLabel = domain.slice(0, suffixLength(domain));
      if (isOneEditApart(label, brandLabel)) {
        return {
          target: { brand, domain },
          warning: warning(
            'domain.brand_lookalike',
            `one character away from ${domain} (${brand.name})`,
          ),
        };
      }
    }
  }
  return null;
}

function tokenWarning(
  unicodeHost: string,
): { warning: IndicatorWarning; brand: ProtectedBrand } | null {
  const skel = hostSkeleton(unicodeHost);
  const words = new Set(skel.split(/[.\-_]/));
  for (const { brand, token, wholeWord } of INDEX.tokens) {
    if (wholeWord ? words.has(token) : skel.includes(token)) {
      return {
        brand,
        warning: warning(
          'domain.brand_impersonation',
          `uses the name of ${brand.name} but is not one of its domains`,
        ),
      };
    }
  }
  return null;
}

function scriptWarnings(unicodeHost: string): IndicatorWarning[] {
  const warnings: IndicatorWarning[] = [];
  for (const label of unicodeHost.split('.')) {
    if (/^[\x00-\x7f]*$/.test(label)) continue;
    const scripts = scriptsOf(label);
    if (isMixedScript(scripts))
      warnings.push(
        warning(
          'domain.mixed_script',
          `label '${label}' mixes ${scripts.join(' and ')} characters`,
        ),
      );
  }
  return warnings;
}

/** Look-alike, brand-impersonation and mixed-script checks for a host (ASCII/punycode form). */
export function assessHost(host: HostParts): HostAssessment {
  const officialBrand = INDEX.official.get(host.registrableDomain);
  if (officialBrand)
    return { warnings: [], protectedBrand: officialBrand.name, official: true, lookalikeOf: null };
  const unicodeHost = host.host.includes('xn--')
    ? domainToUnicode(host.host) || host.host
    : host.host;
  const warnings = scriptWarnings(unicodeHost);
  const lookalike = homographWarning(host) ?? typoWarning(host.label);
  if (lookalike) warnings.push(lookalike.warning);
  else if (unicodeHost !== host.host) {
    // Whole-script look-alikes ("раураl" in Cyrillic) whose skeleton is plain ASCII.
    const skel = hostSkeleton(unicodeHost);

    if (/^[\x00-\x7f]*$/.test(skel))
      warnings.push(warning('domain.confusable_with_ascii', `looks like the ASCII name '${skel}'`));
  }
  const token = tokenWarning(unicodeHost);
  if (token && token.brand !== lookalike?.target.brand) warnings.push(token.warning);
  const brand = lookalike?.target.brand ?? token?.brand ?? null;
  return {
    warnings,
    protectedBrand: brand ? brand.name : null,
    official: false,
    lookalikeOf: lookalike ? lookalike.target.domain : null,
  };
}
