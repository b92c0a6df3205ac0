import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, isBlockedAddress, targetHost } from './ssrf-guard';

export interface WebhookPost {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Skip the private-address check (operator allow-list or static subscription). */
  trusted: boolean;
}

/**
 * POSTs one webhook and resolves to an error description, or undefined on a 2xx.
 * Redirects are not followed (a 3xx is a failure); the response body is discarded.
 */
export function postWebhook(p: WebhookPost): Promise<string | undefined> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(p.url);
    } catch {
      return resolve('invalid URL');
    }
    // Sockets skip `lookup` for IP literals, so those are checked here.
    const host = targetHost(url);
    if (!p.trusted && isIP(host) && isBlockedAddress(host)) {
      return resolve(`refused: ${host} is not a public address`);
    }
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(
      url,
      {
        method: 'POST',
        headers: { ...p.headers, 'content-length': String(Buffer.byteLength(p.body)) },
        lookup: guardedLookup(p.trusted),
        timeout: p.timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          resolve(status >= 200 && status < 300 ? undefined : `HTTP ${status}`);
        });
        res.on('error', (e) => resolve(e.message));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out after ${p.timeoutMs} ms`)));
    req.on('error', (e) => resolve(e.message));
    req.end(p.body);
  });
}
