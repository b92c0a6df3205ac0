import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookHttpClient } from './webhook-http.client';

describe('WebhookHttpClient', () => {
  let server: Server;
  let port: number;
  const seen: { headers: Record<string, unknown>; body: string }[] = [];
  let status = 204;
  const client = new WebhookHttpClient({ connectionsPerOrigin: 2, timeoutMs: 2000 });

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.statusCode = status;
        res.end('ignored');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await client.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const post = (host: string, trusted: boolean) =>
    client.post({
      url: new URL(`http://${host}:${port}/hook?x=1`),
      headers: { 'content-type': 'application/json', 'webhook-id': 'msg_1' },
      body: '{"a":1}',
      timeoutMs: 2000,
      trusted,
    });

  it('POSTs the body and headers to a trusted target and reports a 2xx as success', async () => {
    status = 204;
    await expect(post('127.0.0.1', true)).resolves.toBeUndefined();
    expect(seen.at(-1)).toMatchObject({ body: '{"a":1}', headers: { 'webhook-id': 'msg_1' } });
  });

  it('reports other statuses as failures, redirects included', async () => {
    status = 503;
    await expect(post('127.0.0.1', true)).resolves.toBe('HTTP 503');
    status = 302;
    await expect(post('127.0.0.1', true)).resolves.toBe('HTTP 302');
  });

  it('refuses private targets that are not trusted, by literal address and by name', async () => {
    const before = seen.length;
    await expect(post('127.0.0.1', false)).resolves.toMatch(/not a public address/);
    await expect(post('localhost', false)).resolves.toMatch(/non-public address/);
    expect(seen).toHaveLength(before);
  });
});
