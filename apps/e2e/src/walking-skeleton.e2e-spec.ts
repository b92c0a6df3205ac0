import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { WebhookReceiver, waitFor } from '@wgas/testing';
import { startTestNode, TEST_WEBHOOK_SECRET, type TestNode } from './test-node';

interface AlertBody {
  action: string;
  indicator: { type: string; value: string; countries: string[] };
}

describe('walking skeleton: HTTP report in, signed webhook alert out', () => {
  let receiver: WebhookReceiver;
  let node: TestNode;
  let agencyKey: string;

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    node = await startTestNode({ nodeId: 'th', webhookUrl: receiver.url });
    agencyKey = await node.createKey('agency');
  });

  afterAll(async () => {
    await node?.close();
    await receiver?.stop();
  });

  it('turns a Thai agency report of 081-234-5678 into a block alert for +66812345678', async () => {
    const res = await fetch(`${node.intakeUrl}/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${agencyKey}` },
      body: JSON.stringify({
        typology: 'impersonation',
        tlp: 'GREEN',
        narrative: 'Caller claimed to be from the bank',
        indicators: [
          { value: '081-234-5678', type: 'phone' },
          { value: 'HTTP://Evil.Example/login?utm_source=sms' },
          { value: 'KBANK 123-4-56789-0', type: 'bank_account' },
        ],
      }),
    });
    expect(res.status).toBe(201);
    const report = (await res.json()) as { id: string; indicators: unknown[] };
    expect(report.indicators).toHaveLength(3);

    const phoneAlert = await waitFor(
      () => receiver.delivered().find((r) => (r.json as AlertBody).indicator.type === 'phone'),
      { what: 'phone alert webhook' },
    );
    const body = phoneAlert.json as AlertBody;
    expect(body.action).toBe('block');
    expect(body.indicator.value).toBe('+66812345678');
    expect(body.indicator.countries).toEqual(['TH']);
    // The signature verifies with the Standard Webhooks reference library.
    const verified = new Webhook(TEST_WEBHOOK_SECRET).verify(phoneAlert.body, {
      'webhook-id': phoneAlert.headers['webhook-id'] as string,
      'webhook-timestamp': phoneAlert.headers['webhook-timestamp'] as string,
      'webhook-signature': phoneAlert.headers['webhook-signature'] as string,
    });
    expect(verified).toEqual(body);

    const urlAlert = await waitFor(
      () => receiver.delivered().find((r) => (r.json as AlertBody).indicator.type === 'url'),
      { what: 'url alert webhook' },
    );
    expect((urlAlert.json as AlertBody).indicator.value).toBe('http://evil.example/login');
    // The webhook belongs to a telco: the sharing policy keeps the mule account from it,
    // though fan-out did see it (phone, url, its domain, bank account: four events).
    const fanout = node.apps.fanout!.get(DataSource);
    await waitFor(
      async () =>
        ((await fanout.query('SELECT count(*)::int AS n FROM fanout.inbox')) as [{ n: number }])[0]
          .n >= 4,
      { what: 'fan-out to see all four indicator events' },
    );
    expect(
      receiver.received.some((r) => (r.json as AlertBody).indicator.type === 'bank_account'),
    ).toBe(false);
    // The narrative never leaves intake.
    expect(receiver.received.some((r) => r.body.includes('Caller claimed'))).toBe(false);
  });

  it('rejects a report without an API key with problem+json', async () => {
    const res = await fetch(`${node.intakeUrl}/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ typology: 'job', tlp: 'GREEN', indicators: [{ value: 'x' }] }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { code: string }).code).toBe('auth.missing_key');
  });

  it('names the field and the rule of a validation error', async () => {
    const res = await fetch(`${node.intakeUrl}/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${agencyKey}` },
      body: JSON.stringify({ typology: 'nonsense', tlp: 'GREEN', indicators: [{ value: 'x' }] }),
    });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as {
      code: string;
      errors: { field: string; rule: string }[];
    };
    expect(problem.code).toBe('validation.failed');
    expect(problem.errors).toContainEqual(
      expect.objectContaining({ field: 'typology', rule: 'isIn' }),
    );
  });
});
