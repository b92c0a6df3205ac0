import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { TestNode } from '../test-node';

export interface HttpResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

/** Makes the test node's fan-out listen on a free port and returns its base URL. */
export async function fanoutUrl(node: TestNode): Promise<string> {
  const app = node.apps.fanout as NestExpressApplication;
  if (!app.getHttpServer().listening) await app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
}

export function fanoutClient(baseUrl: string, key: string) {
  return async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResult<T>> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // CSV and empty bodies stay text
    }
    return { status: res.status, headers: res.headers, text, body: parsed as T };
  };
}

/** An API key fan-out accepts (createKey waits until fan-out's replica has it). */
export async function fanoutKey(
  node: TestNode,
  _baseUrl: string,
  role: 'agency' | 'telco' | 'bank' | 'operator',
): Promise<string> {
  return node.createKey(role);
}

/** Submits a report to intake and returns its id. */
export async function submitReport(
  node: TestNode,
  agencyKey: string,
  report: { typology?: string; tlp?: string; indicators: { value: string; type?: string }[] },
): Promise<string> {
  const res = await fetch(`${node.intakeUrl}/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${agencyKey}` },
    body: JSON.stringify({ typology: 'impersonation', tlp: 'GREEN', ...report }),
  });
  if (res.status !== 201) throw new Error(`report refused: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}
