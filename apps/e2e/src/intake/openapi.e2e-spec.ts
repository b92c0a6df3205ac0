import { expectCommittedOpenApi } from '../committed-openapi';
import { startTestNode, type TestNode } from '../test-node';

/**
 * The OpenAPI document served at /docs/openapi.json must equal the committed
 * apps/intake/openapi.json. After an API change, regenerate it with
 *   WGAS_UPDATE_OPENAPI=1 npx jest --selectProjects integration --testPathPatterns openapi
 */
describe('intake OpenAPI document', () => {
  let node: TestNode;

  beforeAll(async () => {
    node = await startTestNode({ services: ['intake'] });
  }, 120_000);

  afterAll(async () => {
    await node?.close();
  });

  it('is served at /docs and matches the committed apps/intake/openapi.json', async () => {
    const ui = await fetch(`${node.intakeUrl}/docs`);
    expect(ui.status).toBe(200);
    const res = await fetch(`${node.intakeUrl}/docs/openapi.json`);
    expect(res.status).toBe(200);
    const served: unknown = await res.json();
    expectCommittedOpenApi('intake', served);
  });
});
