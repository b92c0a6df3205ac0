import { Webhook } from 'standardwebhooks';
import { WebhookReceiver, waitFor, type ReceivedWebhook } from '@wgas/testing';
import { fanoutClient, fanoutKey, fanoutUrl, submitReport } from './fanout/fanout-test-kit';
import { startTestNode, type TestNode } from './test-node';

interface AlertBody {
  alertId: string;
  subscriptionId: string;
  action: string;
  rule: string;
  indicator: { type: string; value: string; countries: string[] };
}

const json = (r: ReceivedWebhook) => r.json as AlertBody;

/**
 * Subscriptions through fan-out's API and the webhook channel: each subscriber gets what
 * the sharing policy routes to its role, signed with its own secret; a failing receiver
 * gets each alert exactly once by webhook-id after it recovers.
 */
describe('fan-out subscriptions and signed webhook delivery', () => {
  const telcoHook = new WebhookReceiver();
  const bankHook = new WebhookReceiver();
  let node: TestNode;
  let base: string;
  let agencyKey: string;
  let telco: ReturnType<typeof fanoutClient>;
  let bank: ReturnType<typeof fanoutClient>;

  beforeAll(async () => {
    await telcoHook.start();
    await bankHook.start();
    node = await startTestNode({
      env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_RETRY_BASE_MS: '20' },
    });
    base = await fanoutUrl(node);
    agencyKey = await node.createKey('agency');
    telco = fanoutClient(base, await fanoutKey(node, base, 'telco'));
    bank = fanoutClient(base, await fanoutKey(node, base, 'bank'));
  });

  afterAll(async () => {
    await node?.close();
    await telcoHook.stop();
    await bankHook.stop();
  });

  it('sends a telco a signed block for the phone and the bank only the mule account', async () => {
    const t = await telco<{ id: string; secret: string; channel: string }>(
      'POST',
      '/v1/subscriptions',
      {
        channel: 'webhook',
        webhookUrl: telcoHook.url,
        name: 'NBTC blocking',
      },
    );
    expect(t.status).toBe(201);
    expect(t.body.secret).toMatch(/^whsec_/);
    const b = await bank<{ id: string; secret: string }>('POST', '/v1/subscriptions', {
      channel: 'webhook',
      webhookUrl: bankHook.url,
    });
    expect(b.status).toBe(201);

    // The secret is shown once: never in reads.
    const read = await telco('GET', `/v1/subscriptions/${t.body.id}`);
    expect(read.status).toBe(200);
    expect(read.text).not.toContain('whsec_');
    // Another organisation cannot see it.
    expect((await bank('GET', `/v1/subscriptions/${t.body.id}`)).status).toBe(404);

    await submitReport(node, agencyKey, {
      indicators: [
        { value: '081-234-5678', type: 'phone' },
        { value: 'KBANK 123-4-56789-0', type: 'bank_account' },
      ],
    });

    const phone = await waitFor(
      () => telcoHook.delivered().find((r) => json(r).indicator.type === 'phone'),
      { what: 'the telco phone alert' },
    );
    expect(json(phone)).toMatchObject({
      action: 'block',
      subscriptionId: t.body.id,
      indicator: { value: '+66812345678', countries: ['TH'] },
    });
    expect(json(phone).rule).toBe('tlp:green:member-community+routing:phone-to-telco');
    const verified = new Webhook(t.body.secret).verify(phone.body, {
      'webhook-id': phone.headers['webhook-id'] as string,
      'webhook-timestamp': phone.headers['webhook-timestamp'] as string,
      'webhook-signature': phone.headers['webhook-signature'] as string,
    });
    expect(verified).toEqual(json(phone));
    // Signed with the telco's secret, not anyone else's.
    expect(() =>
      new Webhook(b.body.secret).verify(phone.body, {
        'webhook-id': phone.headers['webhook-id'] as string,
        'webhook-timestamp': phone.headers['webhook-timestamp'] as string,
        'webhook-signature': phone.headers['webhook-signature'] as string,
      }),
    ).toThrow();

    const mule = await waitFor(
      () => bankHook.delivered().find((r) => json(r).indicator.type === 'bank_account'),
      { what: 'the bank mule-account alert' },
    );
    expect(json(mule).action).toBe('block');
    expect(
      new Webhook(b.body.secret).verify(mule.body, {
        'webhook-id': mule.headers['webhook-id'] as string,
        'webhook-timestamp': mule.headers['webhook-timestamp'] as string,
        'webhook-signature': mule.headers['webhook-signature'] as string,
      }),
    ).toEqual(json(mule));
    expect(bankHook.received.some((r) => json(r).indicator.type === 'phone')).toBe(false);
    expect(telcoHook.received.some((r) => json(r).indicator.type === 'bank_account')).toBe(false);
  });

  it('refuses webhook targets on private or loopback addresses that are not allow-listed', async () => {
    for (const url of [
      'http://localhost:9/hooks',
      'http://10.1.2.3/hooks',
      'http://169.254.169.254/',
    ]) {
      const res = await telco<{ code: string }>('POST', '/v1/subscriptions', {
        channel: 'webhook',
        webhookUrl: url,
      });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('subscription.webhook_target_refused');
    }
  });

  it('signs with both the old and the new secret after a rotation, for the overlap window', async () => {
    const receiver = await new WebhookReceiver().start();
    try {
      const s = await telco<{ id: string; secret: string }>('POST', '/v1/subscriptions', {
        channel: 'webhook',
        webhookUrl: receiver.url,
        types: ['domain'],
      });
      expect(s.status).toBe(201);
      const rotated = await telco<{ secret: string }>(
        'POST',
        `/v1/subscriptions/${s.body.id}/secret`,
      );
      expect(rotated.status).toBe(200);
      expect(rotated.body.secret).not.toBe(s.body.secret);
      await submitReport(node, agencyKey, {
        indicators: [{ value: 'rotation.example', type: 'domain' }],
      });
      const hook = await waitFor(() => receiver.delivered()[0], {
        what: 'delivery after rotation',
      });
      const headers = {
        'webhook-id': hook.headers['webhook-id'] as string,
        'webhook-timestamp': hook.headers['webhook-timestamp'] as string,
        'webhook-signature': hook.headers['webhook-signature'] as string,
      };
      expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
      expect(new Webhook(rotated.body.secret).verify(hook.body, headers)).toMatchObject({
        indicator: { value: 'rotation.example' },
      });
      expect(new Webhook(s.body.secret).verify(hook.body, headers)).toMatchObject({
        indicator: { value: 'rotation.example' },
      });
    } finally {
      await receiver.stop();
    }
  });

  it('delivers exactly once by webhook-id to a receiver that fails five times then recovers', async () => {
    const flaky = await new WebhookReceiver().start();
    try {
      const s = await telco<{ id: string }>('POST', '/v1/subscriptions', {
        channel: 'webhook',
        webhookUrl: flaky.url,
        types: ['url'],
      });
      expect(s.status).toBe(201);
      flaky.failNext = 5;
      await submitReport(node, agencyKey, { indicators: [{ value: 'http://flaky.example/pay' }] });
      const ok = await waitFor(() => flaky.delivered()[0], { what: 'delivery after recovery' });
      const id = ok.headers['webhook-id'];
      // Let any duplicate show up before counting.
      await new Promise((r) => setTimeout(r, 1000));
      expect(flaky.received.filter((r) => r.headers['webhook-id'] === id)).toHaveLength(6);
      expect(flaky.received.map((r) => r.status)).toEqual([503, 503, 503, 503, 503, 204]);
      expect(flaky.delivered()).toHaveLength(1);
      expect(json(ok).indicator.value).toBe('http://flaky.example/pay');
    } finally {
      await flaky.stop();
    }
  });
});
