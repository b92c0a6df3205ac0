import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import { expectCommittedOpenApi } from '../committed-openapi';
import { startTestNode, type TestNode } from '../test-node';
import { fanoutUrl } from './fanout-test-kit';

/**
 * The OpenAPI document fan-out serves at /docs/openapi.json, without an API key, must
 * equal the committed apps/fanout/openapi.json. After an API change, regenerate it with
 *   WGAS_UPDATE_OPENAPI=1 npx jest --selectProjects integration -- apps/e2e/src/fanout/openapi.e2e-spec.ts
 */
describe('fan-out OpenAPI document', () => {
  let node: TestNode;
  let base: string;
  let served: { status: number; doc: OpenAPIObject };

  beforeAll(async () => {
    node = await startTestNode({ services: ['fanout'] });
    base = await fanoutUrl(node);
    const res = await fetch(`${base}/docs/openapi.json`);
    served = { status: res.status, doc: (await res.json()) as OpenAPIObject };
  }, 120_000);

  afterAll(async () => {
    await node?.close();
  });

  function operation(path: string, method: 'get' | 'post' | 'patch' | 'delete'): OperationObject {
    const op = served.doc.paths[path]?.[method];
    if (!op) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
    return op;
  }

  it('is served at /docs without an API key and matches the committed apps/fanout/openapi.json', async () => {
    expect((await fetch(`${base}/docs`)).status).toBe(200);
    expect((await fetch(`${base}/docs/openapi.yaml`)).status).toBe(200);
    expect(served.status).toBe(200);
    expectCommittedOpenApi('fanout', served.doc);
    // The API itself still wants a key.
    expect((await fetch(`${base}/v1/subscriptions`)).status).toBe(401);
  });

  it('documents subscriptions, alert actions and the feed, each behind a bearer key', () => {
    const routes: [string, 'get' | 'post' | 'patch' | 'delete'][] = [
      ['/v1/subscriptions', 'post'],
      ['/v1/subscriptions', 'get'],
      ['/v1/subscriptions/{id}', 'get'],
      ['/v1/subscriptions/{id}', 'patch'],
      ['/v1/subscriptions/{id}', 'delete'],
      ['/v1/subscriptions/{id}/secret', 'post'],
      ['/v1/alerts', 'get'],
      ['/v1/alerts/{id}', 'get'],
      ['/v1/alerts/{id}/actions', 'post'],
      ['/v1/feeds/{subscriptionId}', 'get'],
    ];
    for (const [path, method] of routes) {
      const op = operation(path, method);
      expect({ path, method, security: op.security }).toEqual({
        path,
        method,
        security: [{ bearer: [] }],
      });
      expect(op.summary).toBeTruthy();
    }
    expect(served.doc.components?.securitySchemes?.bearer).toMatchObject({ scheme: 'bearer' });
  });

  it('names the three media types the feed answers in', () => {
    const ok = operation('/v1/feeds/{subscriptionId}', 'get').responses['200'] as ResponseObject;
    expect(Object.keys(ok.content ?? {}).sort()).toEqual([
      'application/json',
      'application/stix+json;version=2.1',
      'text/csv',
    ]);
  });
});
