import { domainToASCII } from 'node:url';
import { analyseHost } from '../domain/host-analysis';
import { accept, buildIndicator, fail, warning, type Outcome } from '../core/outcome';
import { refang } from '../core/refang';
import type { CanonicalIndicator, IndicatorWarning } from '../types';
import {
  canonicaliseSafeBrowsing,
  escapeBinary,
  type SafeBrowsingUrl,
} from './safe-browsing-canonicaliser';
import { stripTrackingParams } from './tracking-params';
import { URL_SHORTENERS } from './url-shorteners';
import { messagingFromUrl } from './url-messaging';

const SUPPORTED_SCHEMES = new Set(['http', 'https']);
const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443' };
// "mailto:", "javascript:" and friends: a scheme without "//" that is not a host:port.
const OPAQUE_SCHEME = /^[a-z][a-z0-9+.-]*:(?![/\\]|\d)/i;

function urlWarnings(parsed: SafeBrowsingUrl, removed: string[]): IndicatorWarning[] {
  const warnings: IndicatorWarning[] = [];
  if (parsed.userinfo !== null) {
    warnings.push(
      warning(
        'url.userinfo_present',
        `The part before '@' ('${parsed.userinfo}') is not the host; it is a common disguise`,
      ),
    );
  }
  if (parsed.hostType !== 'domain')
    warnings.push(warning('url.ip_host', 'The host is an IP address'));
  if (removed.length > 0)
    warnings.push(
      warning('url.tracking_params_removed', `Removed tracking parameters: ${removed.join(', ')}`),
    );
  if (URL_SHORTENERS.has(parsed.host))
    warnings.push(
      warning('url.shortener', `${parsed.host} is a URL shortener; the destination is hidden`),
    );
  if (parsed.port !== null && parsed.port !== DEFAULT_PORTS[parsed.scheme]) {
    warnings.push(
      warning('url.non_default_port', `Port ${parsed.port} is not part of the canonical URL`),
    );
  }
  return warnings;
}

function canonicalUrl(parsed: SafeBrowsingUrl, query: string | null): string {
  const q = query === null ? '' : `?${escapeBinary(query)}`;
  return `${parsed.scheme}://${escapeBinary(parsed.host)}${escapeBinary(parsed.path)}${q}`;
}

/** Safe Browsing canonical URL, tracking parameters removed; related: the host's domain and any messaging account. */
export function normaliseUrl(text: string, raw: string): Outcome {
  const warnings: IndicatorWarning[] = [];
  const refanged = refang(text);
  if (refanged.changed)
    warnings.push(warning('input.refanged', 'Defanged notation ([.], hxxp) was restored'));
  if (OPAQUE_SCHEME.test(refanged.text))
    return fail('url.unsupported_scheme', 'Only http and https URLs are indicators of this type');
  const parsed = canonicaliseSafeBrowsing(refanged.text);
  if (!parsed) return fail('url.missing_host', 'The URL has no host');
  if (!SUPPORTED_SCHEMES.has(parsed.scheme))
    return fail(
      'url.unsupported_scheme',
      `Scheme '${parsed.scheme}' is not supported; use http or https`,
    );
  const related: CanonicalIndicator[] = [];
  let hostAttributes = {};
  let displayHost = escapeBinary(parsed.host);
  if (parsed.hostType === 'domain') {
    const host = analyseHost(parsed.host);
    // A last label of digits makes WHATWG URL (browsers) read the host as IPv4 and, when
    // that fails ('a.0'), refuse the URL; the domain normaliser refuses it the same way.
    if (!host.ok || domainToASCII(parsed.host) === '')
      return fail('url.invalid_host', `'${escapeBinary(parsed.host)}' is not a valid host name`);
    warnings.push(...host.warnings);
    hostAttributes = host.attributes;
    displayHost = host.unicode;
    related.push(
      buildIndicator('domain', parsed.host, raw, {
        display: host.unicode,
        attributes: host.attributes,
        warnings: host.warnings,
      }),
    );
  }
  const { query, removed } = stripTrackingParams(parsed.query);
  warnings.push(...urlWarnings(parsed, removed));
  const canonical = canonicalUrl(parsed, query);
  const messaging = messagingFromUrl(parsed.host, parsed.path, query, raw);
  if (messaging) related.push(messaging);
  return accept('url', canonical, raw, {
    display: `${parsed.scheme}://${displayHost}${canonical.slice(parsed.scheme.length + 3 + escapeBinary(parsed.host).length)}`,
    attributes: {
      scheme: parsed.scheme,
      host: parsed.host,
      hostType: parsed.hostType,
      port: parsed.port,
      path: escapeBinary(parsed.path),
      query: query === null ? null : escapeBinary(query),
      removedParams: removed,
      safeBrowsing: parsed.url,
      ...hostAttributes,
    },
    warnings,
    related,
  });
}
