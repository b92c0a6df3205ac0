import { isIP, type LookupFunction } from 'node:net';
import { Agent } from 'undici';
import { guardedLookup, isBlockedAddress, targetHost } from './ssrf-guard';

export interface WebhookPost {
  url: URL;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Skip the private-address check (operator allow-list or static subscription). */
  trusted: boolean;
}

/**
 * POSTs webhooks with undici over keep-alive connections (no pipelining), at most
 * `connectionsPerOrigin` per receiver: about half the CPU per request of node:http.
 * The SSRF guard runs in the connector's `lookup`, i.e. once per new connection, on the
 * very address the socket connects to (no DNS-rebinding window, no per-request DNS).
 * Trusted and guarded requests use separate agents, so a guarded request never rides a
 * connection opened without the check. Redirects are not followed (a 3xx is a failure).
 */
export class WebhookHttpClient {
  private readonly trusted: Agent;
  private readonly guarded: Agent;

  constructor(o: { connectionsPerOrigin: number; timeoutMs: number }) {
    const agent = (trusted: boolean) =>
      new Agent({
        connections: o.connectionsPerOrigin,
        pipelining: 1,
        connect: {
          lookup: guardedLookup(trusted) as unknown as LookupFunction,
          timeout: o.timeoutMs,
        },
      });
    this.trusted = agent(true);
    this.guarded = agent(false);
  }

  /** Resolves to an error description, or undefined on a 2xx. */
  async post(p: WebhookPost): Promise<string | undefined> {
    const protocol = p.url.protocol;
    if (protocol !== 'http:' && protocol !== 'https:') return 'unsupported protocol';
    // Sockets skip `lookup` for IP literals, so those are checked here.
    const host = targetHost(p.url);
    if (!p.trusted && isIP(host) && isBlockedAddress(host)) {
      return `refused: ${host} is not a public address`;
    }
    try {
      const res = await (p.trusted ? this.trusted : this.guarded).request({
        origin: p.url.origin,
        path: `${p.url.pathname}${p.url.search}`,
        method: 'POST',
        headers: p.headers,
        body: p.body,
        headersTimeout: p.timeoutMs,
        bodyTimeout: p.timeoutMs,
      });
      await res.body.dump();
      return res.statusCode >= 200 && res.statusCode < 300 ? undefined : `HTTP ${res.statusCode}`;
    } catch (e) {
      const err = e as Error & { cause?: Error };
      return err.cause?.message ?? err.message;
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.trusted.destroy(), this.guarded.destroy()]);
  }
}
