import { WebhookReceiver, waitFor } from '@wgas/testing';
import { fanoutClient, fanoutKey, fanoutUrl, submitReport } from './fanout/fanout-test-kit';
import { startTestNode, type TestNode } from './test-node';

/**
 * The post-commit dispatcher holds at most WEBHOOK_DISPATCH_MAX_INFLIGHT deliveries; the
 * rest go to the retry worker. They must reach the receiver on the worker's next pass, not
 * after their one-minute lease (a bench overload once showed p99 of 61 s that way), and
 * each exactly once.
 */
describe('fan-out under dispatcher overload', () => {
  const hook = new WebhookReceiver();
  let node: TestNode;

  beforeAll(async () => {
    await hook.start();
    node = await startTestNode({
      env: {
        WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
        WEBHOOK_DISPATCH_MAX_INFLIGHT: '1',
        WEBHOOK_MAX_SOCKETS: '1',
        WEBHOOK_LEASE_MS: '60000',
      },
    });
  });

  afterAll(async () => {
    await node?.close();
    await hook.stop();
  });

  it('sends what the dispatcher could not hold through the worker at once, each exactly once', async () => {
    const base = await fanoutUrl(node);
    const telco = fanoutClient(base, await fanoutKey(node, base, 'telco'));
    const s = await telco('POST', '/v1/subscriptions', {
      channel: 'webhook',
      webhookUrl: hook.url,
      types: ['phone'],
    });
    expect(s.status).toBe(201);
    const phones = ['081-234-5670', '081-234-5671', '081-234-5672', '081-234-5673', '081-234-5674'];
    const started = Date.now();
    await submitReport(node, await node.createKey('agency'), {
      indicators: phones.map((value) => ({ value, type: 'phone' })),
    });
    // Well inside the 60 s lease: the four the dispatcher did not hold came from the worker.
    await waitFor(() => hook.delivered().length >= phones.length, {
      what: 'every alert of the report',
      timeoutMs: 20_000,
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    await new Promise((r) => setTimeout(r, 500)); // let a duplicate show up, if any
    const ids = hook.received.map((r) => r.headers['webhook-id']);
    expect(new Set(ids).size).toBe(phones.length);
    expect(ids).toHaveLength(phones.length);
  });
});
