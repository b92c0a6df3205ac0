import type { AddressInfo } from 'node:net';
import {
  Body,
  Controller,
  Get,
  HttpStatus,
  Module,
  Param,
  Post,
  type INestApplication,
} from '@nestjs/common';
import { IsString, MaxLength } from 'class-validator';
import { createFastifyHttpApp, createHttpApp } from './http-app';
import { ObservabilityModule } from './observability';
import { PROBLEM_CONTENT_TYPE, ProblemException } from './problem-details';

class EchoBody {
  @IsString()
  @MaxLength(10)
  name!: string;
}

@Controller()
class EchoController {
  @Post('echo')
  echo(@Body() body: EchoBody) {
    return { name: body.name };
  }

  @Get('things/:id')
  thing(@Param('id') id: string) {
    if (id.length > 80)
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'thing.invalid_id', 'id too long', [
        { field: 'id', rule: 'maxLength', message: 'at most 80 characters' },
      ]);
    return { id };
  }
}

@Module({ imports: [ObservabilityModule], controllers: [EchoController] })
class EchoModule {}

const LIMIT = 4096;
const json = { 'content-type': 'application/json' };
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

// The same hostile requests against both HTTP stacks: the Express apps (intake, fan-out,
// exchange) and the Fastify one (normaliser, ADR 0011) must answer them alike.
describe.each([
  ['express', () => createHttpApp(EchoModule, { logLevel: 'error', jsonLimit: `${LIMIT}b` })],
  ['fastify', () => createFastifyHttpApp(EchoModule, { logLevel: 'error', bodyLimit: LIMIT })],
] as const)('createHttpApp on %s', (_name, create) => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    app = await create();
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => app.close());

  it('accepts a valid JSON body, with no framework header or ETag', async () => {
    const res = await fetch(`${url}/echo`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: 'ok' }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ name: 'ok' });
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('etag')).toBeNull();
  });

  it.each([
    [
      'a text body',
      { 'content-type': 'text/plain' },
      'hello',
      415,
      'request.unsupported_media_type',
    ],
    ['malformed JSON', json, '{"name":', 400, 'request.malformed_json'],
    ['JSON nested too deep', json, deep(40), 400, 'request.too_deep'],
    [
      'a body over the limit',
      json,
      JSON.stringify({ name: 'x'.repeat(LIMIT) }),
      413,
      'request.too_large',
    ],
    ['a field breaking its rule', json, JSON.stringify({ name: 5 }), 400, 'validation.failed'],
    // class-transformer throws a TypeError on this shape: still the client's error
    [
      'a body class-transformer cannot read',
      json,
      '{"name":[{"constructor":1}]}',
      400,
      'validation.failed',
    ],
    [
      'an unknown field',
      json,
      JSON.stringify({ name: 'a', admin: true }),
      400,
      'validation.failed',
    ],
    // prototype poisoning: JSON.parse makes these own keys, and validation must refuse them
    [
      'a __proto__ key',
      json,
      '{"name":"a","__proto__":{"admin":true}}',
      400,
      'request.forbidden_key',
    ],
    [
      'an escaped __proto__ key',
      json,
      '{"name":"a","\\u005f_proto__":{"admin":true}}',
      400,
      'request.forbidden_key',
    ],
    [
      'a constructor key',
      json,
      '{"name":"a","constructor":{"prototype":{"admin":true}}}',
      400,
      'request.forbidden_key',
    ],
  ] as const)('answers %s with problem+json', async (_what, headers, body, status, code) => {
    const res = await fetch(`${url}/echo`, { method: 'POST', headers, body });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
    const problem = (await res.json()) as { status: number; code: string; instance?: string };
    expect(problem).toMatchObject({ status, code, instance: '/echo' });
  });

  it('answers invalid UTF-8 with problem+json', async () => {
    const body = Buffer.concat([
      Buffer.from('{"name":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    const res = await fetch(`${url}/echo`, { method: 'POST', headers: json, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'request.invalid_utf8' });
  });

  it('names the field and rule of a validation failure', async () => {
    const res = await fetch(`${url}/echo`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: 'far too long a name' }),
    });
    const problem = (await res.json()) as { errors: { field: string; rule: string }[] };
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'name', rule: 'maxLength' })]);
  });

  it('answers an unknown route with a problem+json 404', async () => {
    const res = await fetch(`${url}/nowhere`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'route.not_found' });
  });

  it("lets a route judge a long path parameter itself (400, not the router's 404)", async () => {
    const res = await fetch(`${url}/things/${'a'.repeat(200)}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'thing.invalid_id' });
  });

  it('serves readiness and metrics', async () => {
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'up', checks: {} });
    const metrics = await fetch(`${url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(metrics.headers.get('cache-control')).toBe('no-store');
    expect(await metrics.text()).toContain('wgas_process_cpu_user_seconds_total');
  });
});
