import { isIPv6 } from 'node:net';
import { domainToASCII } from 'node:url';
import { canonicalIpv4 } from './ipv4-host';

// Google Safe Browsing (API v4, "Canonicalization") URL canonicalisation. It works on bytes: we
// hold them in a latin1 "binary string" (one char per byte) so %XX unescaping is exact even when
// the unescaped bytes are not valid UTF-8.

export interface SafeBrowsingUrl {
  scheme: string;
  /** Binary string after unescaping, IP and IDN handling, before final escaping. */
  host: string;
  hostType: 'domain' | 'ipv4' | 'ipv6';
  port: string | null;
  userinfo: string | null;
  path: string;
  query: string | null;
  /** The canonical URL string (pure ASCII). */
  url: string;
}

const MAX_UNESCAPE_ROUNDS = 64;
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

function unescapeRepeatedly(value: string): string {
  let current = value;
  for (let i = 0; i < MAX_UNESCAPE_ROUNDS && current.includes('%'); i++) {
    const next = current.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) =>
      String.fromCharCode(parseInt(hex, 16)),
    );
    if (next === current) break;
    current = next;
  }
  return current;
}

/** Escapes bytes <= 0x20, >= 0x7f, '#' and '%' with upper-case hex, as the spec requires. */
export function escapeBinary(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code <= 0x20 || code >= 0x7f || code === 0x23 || code === 0x25) {
      out += `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
    } else {
      out += value[i];
    }
  }
  return out;
}

function lowerAscii(value: string): string {
  return value.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

function binaryToUnicode(binary: string): string | null {
  try {
    return utf8Decoder.decode(Buffer.from(binary, 'latin1'));
  } catch {
    return null;
  }
}

/** Punycode for internationalised hosts (WHATWG/UTS46); the escaped bytes when it is not a valid IDN. */
function internationalHost(binaryHost: string): string {
  const unicode = binaryToUnicode(binaryHost) ?? binaryHost;
  const ascii = domainToASCII(unicode);
  return ascii === '' ? binaryHost : ascii;
}

function cleanDots(host: string): string {
  return host.replace(/\.{2,}/g, '.').replace(/^\.+|\.+$/g, '');
}

function canonicalHost(rawHost: string): { host: string; hostType: SafeBrowsingUrl['hostType'] } {
  if (rawHost.startsWith('[')) {
    const ipv6 = canonicalIpv6(rawHost);
    if (ipv6) return { host: ipv6, hostType: 'ipv6' };
  }
  let host = cleanDots(lowerAscii(unescapeRepeatedly(rawHost)));

  if (/[^\x00-\x7f]/.test(host)) host = cleanDots(internationalHost(host));
  const ipv4 = canonicalIpv4(host);
  return ipv4 ? { host: ipv4, hostType: 'ipv4' } : { host, hostType: 'domain' };
}

/** WHATWG-serialised (compressed, lower-case) "[v6]" host, or null when it is not IPv6. */
function canonicalIpv6(bracketed: string): string | null {
  const inner = bracketed.slice(1, bracketed.endsWith(']') ? -1 : undefined);
  if (!isIPv6(inner)) return null;
  try {
    return new URL(`http://[${inner}]/`).hostname;
  } catch {
    return null;
  }
}

function canonicalPath(rawPath: string): string {
  const path = unescapeRepeatedly(rawPath);
  const segments: string[] = [];
  const parts = path.split('/');
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') segments.pop();
    else segments.push(part);
  }
  const last = parts[parts.length - 1];
  const trailingSlash = parts.length > 1 && (last === '' || last === '.' || last === '..');
  const joined = `/${segments.join('/')}`;
  return trailingSlash && segments.length > 0 ? `${joined}/` : joined;
}

interface Authority {
  userinfo: string | null;
  host: string;
  port: string | null;
}

function splitAuthority(authority: string): Authority {
  const at = authority.lastIndexOf('@');
  const userinfo = at === -1 ? null : authority.slice(0, at);
  const hostPort = at === -1 ? authority : authority.slice(at + 1);
  const portMatch = /:(\d*)$/.exec(hostPort);
  if (portMatch && !hostPort.endsWith(']')) {
    return { userinfo, host: hostPort.slice(0, portMatch.index), port: portMatch[1] || null };
  }
  return { userinfo, host: hostPort, port: null };
}

const SCHEME_WITH_SLASHES = /^([a-zA-Z][a-zA-Z0-9+.-]*):[/\\]+/;

/** Splits scheme, authority, path and query the way browsers do for http(s). */
function splitUrl(binary: string): {
  scheme: string;
  authority: string;
  path: string;
  query: string | null;
} {
  let rest = binary;
  let scheme = 'http';
  const schemeMatch = SCHEME_WITH_SLASHES.exec(rest);
  if (schemeMatch && schemeMatch[1] !== undefined) {
    scheme = schemeMatch[1].toLowerCase();
    rest = rest.slice(schemeMatch[0].length);
  }
  const queryAt = rest.indexOf('?');
  const beforeQuery = queryAt === -1 ? rest : rest.slice(0, queryAt);
  const query = queryAt === -1 ? null : rest.slice(queryAt + 1);
  const pathAt = beforeQuery.search(/[/\\]/);
  const authority = pathAt === -1 ? beforeQuery : beforeQuery.slice(0, pathAt);
  const path = pathAt === -1 ? '/' : beforeQuery.slice(pathAt).replace(/\\/g, '/');
  return { scheme, authority, path, query };
}

function toBinary(input: string | Uint8Array): string {
  return typeof input === 'string'
    ? Buffer.from(input, 'utf8').toString('latin1')
    : Buffer.from(input).toString('latin1');
}

/**
 * Canonicalises a URL per Safe Browsing. Accepts a string (encoded as UTF-8) or raw bytes.
 * Returns null only for input with no host at all.
 */
export function canonicaliseSafeBrowsing(input: string | Uint8Array): SafeBrowsingUrl | null {
  let binary = toBinary(input).replace(/[\t\r\n]/g, '');

  binary = binary.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');
  const hashAt = binary.indexOf('#');
  if (hashAt !== -1) binary = binary.slice(0, hashAt);
  const parts = splitUrl(binary);
  const authority = splitAuthority(parts.authority);
  const { host, hostType } = canonicalHost(authority.host);
  if (host === '') return null;
  const path = canonicalPath(parts.path);
  const query = parts.query === null ? null : unescapeRepeatedly(parts.query);
  const url = `${parts.scheme}://${escapeBinary(host)}${escapeBinary(path)}${query === null ? '' : `?${escapeBinary(query)}`}`;
  return {
    scheme: parts.scheme,
    host,
    hostType,
    port: authority.port,
    userinfo: authority.userinfo,
    path,
    query,
    url,
  };
}
