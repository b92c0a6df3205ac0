import { lookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Webhook targets must not reach into the node's own network: a subscriber could
 * otherwise make fan-out POST to the database, the cloud metadata endpoint or an admin
 * console. Checked when a subscription is created and again on every delivery (DNS can
 * change), through the socket's own `lookup`, so the address checked is the one used.
 */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this" network, 0.0.0.0
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64 can reach private IPv4
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv6');
}

/** Whether an address is private, loopback, link-local, CGNAT, multicast or unspecified. */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return BLOCKED.check(mapped[1] as string, 'ipv4');
  return BLOCKED.check(address, 'ipv6');
}

export class BlockedTargetError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`webhook host ${host} resolves to a non-public address (${address})`);
    this.name = 'BlockedTargetError';
  }
}

/** The URL's host as the allow-list spells it: lower case, IPv6 without brackets. */
export function targetHost(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
}

export function isAllowListed(url: URL, allowedHosts: readonly string[]): boolean {
  return allowedHosts.includes(targetHost(url));
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for `http.request` that refuses blocked addresses (unless `allowed`), so the
 * check and the connection use the same resolution: no DNS-rebinding window.
 */
export function guardedLookup(allowed: boolean) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    lookup(hostname, { all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const bad = allowed ? undefined : addresses.find((a) => isBlockedAddress(a.address));
      if (bad) return callback(new BlockedTargetError(hostname, bad.address), []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`no address for ${hostname}`), []);
      callback(null, first.address, first.family);
    });
  };
}

/** Resolves the URL's host and throws BlockedTargetError if any address is not public. */
export async function assertPublicTarget(url: URL, allowedHosts: readonly string[]): Promise<void> {
  if (isAllowListed(url, allowedHosts)) return;
  const host = targetHost(url);
  const addresses = isIP(host)
    ? [{ address: host }]
    : await new Promise<LookupAddress[]>((resolve, reject) =>
        lookup(host, { all: true }, (err, a) => (err ? reject(err) : resolve(a))),
      );
  const bad = addresses.find((a) => isBlockedAddress(a.address));
  if (bad) throw new BlockedTargetError(host, bad.address);
}
