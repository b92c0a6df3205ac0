import type { AddressInfo } from 'node:net';
import { expectCommittedOpenApi } from '../committed-openapi';
import { startTestNode, type TestNode } from '../test-node';

interface Document {
  paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
}

/**
 * The normaliser's OpenAPI document, served without an API key at /docs/openapi.json (no
 * Swagger UI on Fastify), must equal the committed apps/normaliser/openapi.json. After an
 * API change, regenerate it with
 *   WGAS_UPDATE_OPENAPI=1 npx jest --selectProjects integration -- apps/e2e/src/normaliser/openapi
 */
describe('normaliser OpenAPI document', () => {
  let node: TestNode;
  let url: string;

  beforeAll(async () => {
    node = await startTestNode({ services: ['normaliser'] });
    const normaliser = node.apps.normaliser!;
    await normaliser.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(normaliser.getHttpServer().address() as AddressInfo).port}`;
  }, 120_000);

  afterAll(async () => {
    await node?.close();
  });

  it('is served without a key and matches the committed apps/normaliser/openapi.json', async () => {
    const res = await fetch(`${url}/docs/openapi.json`);
    expect(res.status).toBe(200);
    const served = (await res.json()) as Document;
    expectCommittedOpenApi('normaliser', served);

    const lookups = [
      '/v1/indicators/lookup',
      '/v1/indicators/prefix/{prefix}',
      '/v1/indicators/{hash}',
      '/v1/indicators',
    ];
    for (const path of lookups) {
      expect(served.paths[path]?.get?.security).toEqual([{ bearer: [] }]);
    }
  });

  it('is served as YAML too, without a key', async () => {
    const res = await fetch(`${url}/docs/openapi.yaml`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('title: WG-AS Exchange indicator lookup API');
  });
});
