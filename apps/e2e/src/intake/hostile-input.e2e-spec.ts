import { request } from 'node:http';
import { startTestNode, type TestNode } from '../test-node';
import { intakeClient, reportBody } from './intake-client';

/** Sends raw bytes (fetch would re-encode them) and returns status and body text. */
function send(
  url: string,
  o: { method?: string; headers: Record<string, string>; body: Buffer | string },
): Promise<{ status: number; contentType: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: o.method ?? 'POST', headers: o.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

/**
 * Hostile input gets a clean 4xx problem+json, never a 5xx or a stack trace, and the
 * service keeps answering afterwards.
 */
describe('intake under hostile input', () => {
  let node: TestNode;
  let key: string;

  beforeAll(async () => {
    node = await startTestNode({ services: ['intake'], env: { JSON_BODY_LIMIT_BYTES: '65536' } });
    key = await node.createKey('agency');
  }, 120_000);

  afterAll(async () => {
    await node?.close();
  });

  const json = () => ({ 'content-type': 'application/json', authorization: `Bearer ${key}` });
  const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
  const deepArray = (n: number) =>
    `{"typology":"job","tlp":"GREEN","indicators":${'['.repeat(n)}${']'.repeat(n)}}`;

  const cases: [
    string,
    () => { headers: Record<string, string>; body: Buffer | string; method?: string },
    number,
    string,
  ][] = [
    [
      'an oversized body',
      () => ({
        headers: json(),
        body: JSON.stringify(reportBody({ narrative: 'x'.repeat(100_000) })),
      }),
      413,
      'request.too_large',
    ],
    [
      'JSON 10,000 levels deep',
      () => ({ headers: json(), body: deep(10_000) }),
      400,
      'request.too_deep',
    ],
    [
      'an array 100 levels deep',
      () => ({ headers: json(), body: deepArray(100) }),
      400,
      'request.too_deep',
    ],
    [
      // class-validator's @ValidateNested lets an array through where an object belongs
      'an indicator that is an array, not an object',
      () => ({ headers: json(), body: deepArray(2) }),
      400,
      'validation.failed',
    ],
    [
      'an indicators list of arrays of objects',
      () => ({
        headers: json(),
        body: '{"typology":"job","tlp":"GREEN","indicators":[[{"value":"0812345678"}]]}',
      }),
      400,
      'validation.failed',
    ],
    [
      'malformed JSON',
      () => ({ headers: json(), body: '{"typology": "job",' }),
      400,
      'request.malformed_json',
    ],
    [
      'a JSON array instead of an object',
      () => ({ headers: json(), body: '[1,2,3]' }),
      400,
      'validation.failed',
    ],
    [
      'a JSON string literal',
      () => ({ headers: json(), body: '"hello"' }),
      400,
      'request.malformed_json',
    ],
    [
      'text/plain',
      () => ({ headers: { ...json(), 'content-type': 'text/plain' }, body: 'hello' }),
      415,
      'request.unsupported_media_type',
    ],
    [
      'XML',
      () => ({ headers: { ...json(), 'content-type': 'application/xml' }, body: '<report/>' }),
      415,
      'request.unsupported_media_type',
    ],
    [
      'a form',
      () => ({
        headers: { ...json(), 'content-type': 'application/x-www-form-urlencoded' },
        body: 'typology=job',
      }),
      415,
      'request.unsupported_media_type',
    ],
    [
      'no content type',
      () => ({ headers: { authorization: `Bearer ${key}` }, body: '{}' }),
      415,
      'request.unsupported_media_type',
    ],
    [
      'NDJSON on the single-report route',
      () => ({ headers: { ...json(), 'content-type': 'application/x-ndjson' }, body: '{}\n' }),
      415,
      'request.unsupported_media_type',
    ],
    [
      'a non-UTF-8 charset',
      () => ({
        headers: { ...json(), 'content-type': 'application/json; charset=iso-8859-1' },
        body: '{}',
      }),
      415,
      'request.unsupported_charset',
    ],
    [
      'invalid UTF-8',
      () => ({
        headers: json(),
        body: Buffer.concat([
          Buffer.from('{"typology":"job","tlp":"GREEN","narrative":"'),
          Buffer.from([0xc3, 0x28, 0xff]),
          Buffer.from('","indicators":[{"value":"x"}]}'),
        ]),
      }),
      400,
      'request.invalid_utf8',
    ],
    [
      'a NUL character',
      () => ({ headers: json(), body: JSON.stringify(reportBody({ narrative: 'a\u0000b' })) }),
      400,
      'validation.failed',
    ],
    [
      'a huge number for the loss',
      () => ({ headers: json(), body: JSON.stringify(reportBody({ lossAmount: '9'.repeat(40) })) }),
      400,
      'validation.failed',
    ],
    [
      'a number where a string belongs',
      () => ({
        headers: json(),
        body: JSON.stringify(reportBody({ narrative: 12, indicators: [{ value: { $gt: '' } }] })),
      }),
      400,
      'validation.failed',
    ],
    [
      'a bad Idempotency-Key',
      () => ({
        headers: { ...json(), 'idempotency-key': 'x'.repeat(300) },
        body: JSON.stringify(reportBody()),
      }),
      400,
      'idempotency.bad_key',
    ],
    [
      'a non-UUID report id',
      () => ({
        method: 'GET',
        headers: { authorization: `Bearer ${key}` },
        body: '',
        path: "/v1/reports/1'%20OR%201=1--",
      }),
      404,
      'report.not_found',
    ],
  ];

  it.each(cases)('answers %s with a clean 4xx', async (_, make, status, code) => {
    const c = make() as ReturnType<typeof make> & { path?: string };
    const res = await send(`${node.intakeUrl}${c.path ?? '/v1/reports'}`, c);
    expect(res.status).toBe(status);
    expect(res.contentType).toContain('application/problem+json');
    const problem = JSON.parse(res.text) as { code: string; detail: string };
    expect(problem.code).toBe(code);
    expect(res.text).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
  });

  it('stores SQL and HTML in strings as inert text', async () => {
    const api = intakeClient(node.intakeUrl, key);
    const nasty = `'); DROP TABLE intake.reports; -- <script>alert(1)</script>`;
    const created = await api.post<{ id: string }>(
      '/v1/reports',
      reportBody({ narrative: nasty, indicators: [{ value: nasty }] }),
    );
    expect(created.status).toBe(201);
    const back = await api.get<{ narrative: string; indicators: { value: string }[] }>(
      `/v1/reports/${created.body.id}`,
    );
    expect(back.body.narrative).toBe(nasty);
    expect(back.body.indicators[0]?.value).toBe(nasty);
    expect(back.contentType).toContain('application/json');
  });

  it('refuses __proto__ and constructor.prototype keys, and pollutes no prototype', async () => {
    // JSON.parse keeps __proto__ as an own key, but class-transformer would make it the
    // DTO's prototype, past the unknown-field check: the body is refused before that.
    for (const body of [
      '{"__proto__":{"polluted":true},"typology":"job","tlp":"GREEN","indicators":[{"value":"x"}]}',
      '{"typology":"job","tlp":"GREEN","indicators":[{"value":"x","\\u005f_proto__":{"polluted":true}}]}',
      '{"constructor":{"prototype":{"polluted":true}},"typology":"job","tlp":"GREEN","indicators":[{"value":"x"}]}',
    ]) {
      const res = await send(`${node.intakeUrl}/v1/reports`, { headers: json(), body });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text)).toMatchObject({ code: 'request.forbidden_key' });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A bulk line with such a key is reported on its own; the good line is accepted.
    const bulk = await send(`${node.intakeUrl}/v1/reports:bulk`, {
      headers: { ...json(), 'content-type': 'application/x-ndjson' },
      body:
        '{"__proto__":{"polluted":true},"typology":"job","tlp":"GREEN","indicators":[{"value":"0812345678"}]}\n' +
        '{"typology":"job","tlp":"GREEN","indicators":[{"value":"0812345679"}]}\n',
    });
    const job = JSON.parse(bulk.text) as { errors: unknown[] };
    expect(job).toMatchObject({ linesRead: 2, reportsAccepted: 1, linesRejected: 1 });
    expect(job.errors).toEqual([
      { line: 1, field: null, reason: expect.stringContaining('__proto__') },
    ]);
  });

  it('stays up after all of it', async () => {
    const res = await fetch(`${node.intakeUrl}/health/ready`);
    expect(res.status).toBe(200);
    const api = intakeClient(node.intakeUrl, key);
    expect((await api.post('/v1/reports', reportBody())).status).toBe(201);
  });
});
