import { domainToASCII } from 'node:url';
import { accept, fail, warning, type Outcome } from '../core/outcome';
import { refang } from '../core/refang';
import type { IndicatorWarning } from '../types';
import { canonicalIpv4 } from '../url/ipv4-host';
import { canonicaliseSafeBrowsing } from '../url/safe-browsing-canonicaliser';
import { analyseHost } from './host-analysis';

function hostFromInput(text: string, warnings: IndicatorWarning[]): string | null {
  if (!/[/:@?#\\]/.test(text)) return text;
  if (text.includes('@')) return null;
  const parsed = canonicaliseSafeBrowsing(text);
  if (!parsed || parsed.hostType !== 'domain') return parsed ? parsed.host : null;
  warnings.push(
    warning('domain.extracted_from_input', `Host '${parsed.host}' taken from a URL-shaped input`),
  );
  return parsed.host;
}

/** Host name to lower-case punycode, with registrable domain and look-alike warnings. */
export function normaliseDomain(text: string, raw: string): Outcome {
  const warnings: IndicatorWarning[] = [];
  const refanged = refang(text);
  if (refanged.changed)
    warnings.push(warning('input.refanged', 'Defanged notation ([.], hxxp) was restored'));
  const host = hostFromInput(refanged.text, warnings);
  if (host === null) return fail('domain.invalid', 'Not a host name');
  const ascii = domainToASCII(host.replace(/\.$/, ''));
  if (ascii === '') return fail('domain.invalid', 'Not a valid (internationalised) host name');
  if (canonicalIpv4(ascii) || ascii.startsWith('['))
    return fail('domain.is_ip_address', 'IP addresses are not domains');
  const check = analyseHost(ascii);
  if (!check.ok) {
    if (check.reason === 'public_suffix')
      return fail(
        'domain.public_suffix',
        `'${ascii}' is a public suffix, not a registrable domain`,
      );
    if (check.reason === 'too_long')
      return fail('domain.too_long', 'Host names are at most 253 characters');
    return fail(
      'domain.invalid',
      'Not a valid host name (labels of letters, digits and hyphens, at least two labels)',
    );
  }
  return accept('domain', ascii, raw, {
    display: check.unicode,
    attributes: check.attributes,
    warnings: [...warnings, ...check.warnings],
  });
}
