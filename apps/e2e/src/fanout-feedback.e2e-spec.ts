import { randomBytes } from 'node:crypto';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  ALERT_ACTION_V1,
  ALERT_V1,
  INDICATOR_EXPIRED_V1,
  topicName,
  type AlertActionV1,
  type AlertV1,
  type IndicatorExpiredV1,
} from '@wgas/contracts';
import { createKafka, enqueueEvents, newEvent } from '@wgas/messaging';
import { createStixValidator, WebhookReceiver, waitFor } from '@wgas/testing';
import { fanoutClient, fanoutKey, fanoutUrl, submitReport } from './fanout/fanout-test-kit';
import { startTestNode, type TestNode } from './test-node';

type Client = ReturnType<typeof fanoutClient>;
interface FeedPage {
  alerts: AlertV1[];
  nextCursor: string;
  hasMore: boolean;
}
interface AlertState {
  id: string;
  delivery: { status: string };
  alert: AlertV1;
}

/**
 * The rest of fan-out's subscriber surface on one node: the pull feed (JSON, CSV, STIX
 * 2.1) with a cursor that never misses or repeats, the Kafka channel, delivery state,
 * actions back (a false positive stops alerting), and unblocks on expiry.
 */
describe('fan-out feeds, Kafka channel, actions and unblocks', () => {
  const hook = new WebhookReceiver();
  let node: TestNode;
  let base: string;
  let agencyKey: string;
  let telco: Client;
  let bank: Client;
  let operator: Client;
  const consumers: Consumer[] = [];

  const alertsAt = (action: string, value: string) =>
    hook.delivered().filter((r) => {
      const a = r.json as AlertV1;
      return a.action === action && a.indicator.value === value;
    });

  /** Collects a topic's messages from the beginning. */
  async function collect(topic: string): Promise<KafkaMessage[]> {
    const kafka = createKafka({
      brokers: (process.env.KAFKA_BROKERS ?? '').split(','),
      clientId: 'f6-test',
    });
    const consumer = kafka.consumer({ groupId: `f6-${randomBytes(4).toString('hex')}` });
    consumers.push(consumer);
    const seen: KafkaMessage[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(message) });
    return seen;
  }
  const header = (m: KafkaMessage, name: string) => m.headers?.[name]?.toString();

  beforeAll(async () => {
    await hook.start();
    node = await startTestNode({ env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' } });
    base = await fanoutUrl(node);
    agencyKey = await node.createKey('agency');
    telco = fanoutClient(base, await fanoutKey(node, base, 'telco'));
    bank = fanoutClient(base, await fanoutKey(node, base, 'bank'));
    operator = fanoutClient(base, await fanoutKey(node, base, 'operator'));
  });

  afterAll(async () => {
    for (const c of consumers) await c.disconnect();
    await node?.close();
    await hook.stop();
  });

  it('pages a pull feed by cursor without missing or repeating, in JSON, CSV and valid STIX 2.1', async () => {
    const s = await telco<{ id: string }>('POST', '/v1/subscriptions', {
      channel: 'feed',
      types: ['phone'],
    });
    expect(s.status).toBe(201);
    const feed = `/v1/feeds/${s.body.id}`;
    const seen: AlertV1[] = [];
    let cursor = '';
    const poll = async () => {
      for (;;) {
        const page = await telco<FeedPage>(
          'GET',
          `${feed}?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.status).toBe(200);
        expect(page.headers.get('x-next-cursor')).toBe(page.body.nextCursor);
        seen.push(...page.body.alerts);
        cursor = page.body.nextCursor;
        if (!page.body.hasMore) return;
      }
    };

    await submitReport(node, agencyKey, {
      indicators: ['0861000001', '0861000002', '0861000003'].map((value) => ({
        value,
        type: 'phone',
      })),
    });
    await waitFor(async () => (await poll(), seen.length >= 3), { what: 'three feed alerts' });
    await submitReport(node, agencyKey, {
      tlp: 'AMBER',
      indicators: ['0861000004', '0861000005'].map((value) => ({ value, type: 'phone' })),
    });
    await waitFor(async () => (await poll(), seen.length >= 5), { what: 'two more feed alerts' });
    await poll();
    const values = seen.map((a) => a.indicator.value).sort();
    expect(values).toEqual([
      '+66861000001',
      '+66861000002',
      '+66861000003',
      '+66861000004',
      '+66861000005',
    ]);

    const csv = await telco('GET', feed, undefined, { accept: 'text/csv' });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^alert_id,action,indicator_type,value,/);
    expect(lines).toHaveLength(6);
    // CSV cells that start like a formula (phones start with +) carry a leading apostrophe.
    expect(lines.filter((l) => l.includes(`"'+66861000004"`))).toHaveLength(1);

    const stix = await telco<{ type: string; objects: { type: string }[] }>(
      'GET',
      `${feed}?format=stix`,
    );
    expect(stix.headers.get('content-type')).toContain('application/stix+json');
    expect(createStixValidator()(stix.body)).toEqual({ valid: true, errors: [] });
    expect(stix.body.objects.filter((o) => o.type === 'indicator')).toHaveLength(5);

    // Presenting the last cursor acknowledged every alert in the feed.
    const states = await telco<{ alerts: AlertState[] }>(
      'GET',
      `/v1/alerts?subscriptionId=${s.body.id}`,
    );
    expect(states.body.alerts.map((a) => a.delivery.status)).toEqual(Array(5).fill('delivered'));
    expect((await telco('GET', `${feed}?cursor=bm9wZQ`)).status).toBe(400);
    expect((await bank('GET', feed)).status).toBe(404);
  });

  it('publishes a bank account to the bank’s Kafka topic as a CloudEvent', async () => {
    const s = await bank<{ id: string; kafkaTopic: string }>('POST', '/v1/subscriptions', {
      channel: 'kafka',
    });
    expect(s.status).toBe(201);
    expect(s.body.kafkaTopic).toMatch(
      new RegExp(`^${node.namespace}\\.alerts\\.th-bank-\\d+\\.v1$`),
    );
    const messages = await collect(s.body.kafkaTopic);
    await submitReport(node, agencyKey, {
      indicators: [
        { value: 'KBANK 987-6-54321-0', type: 'bank_account' },
        { value: '0862000001', type: 'phone' },
      ],
    });
    const m = await waitFor(() => messages[0], { what: 'alert on the bank topic' });
    expect(header(m, 'ce_type')).toBe(ALERT_V1);
    const alert = JSON.parse(m.value!.toString()) as AlertV1;
    expect(alert).toMatchObject({
      action: 'block',
      subscriptionId: s.body.id,
      indicator: { type: 'bank_account' },
    });
    expect(header(m, 'ce_id')).toBe(alert.alertId);
    await waitFor(
      async () =>
        (await bank<AlertState>('GET', `/v1/alerts/${alert.alertId}`)).body.delivery?.status ===
        'delivered',
      { what: 'kafka alert delivery state' },
    );
    expect(
      messages.every(
        (x) => (JSON.parse(x.value!.toString()) as AlertV1).indicator.type !== 'phone',
      ),
    ).toBe(true);
  });

  it('records actions, publishes them, and stops alerting on a false positive', async () => {
    const actions = await collect(topicName(node.namespace, 'actions'));
    const s = await telco<{ id: string }>('POST', '/v1/subscriptions', {
      channel: 'webhook',
      webhookUrl: hook.url,
      types: ['phone'],
    });
    expect(s.status).toBe(201);
    await submitReport(node, agencyKey, { indicators: [{ value: '0863000001', type: 'phone' }] });
    const block = await waitFor(() => alertsAt('block', '+66863000001')[0], {
      what: 'block alert',
    });
    const alertId = (block.json as AlertV1).alertId;

    // Delivery state, as the subscriber and the operator see it; not other organisations.
    // Outcomes are recorded in batches just after the POST returns, so wait for it.
    const mine = await waitFor(
      async () => {
        const r = await telco<AlertState>('GET', `/v1/alerts/${alertId}`);
        return r.body.delivery.status === 'delivered' ? r : undefined;
      },
      { what: 'delivery recorded as delivered' },
    );
    expect(mine.body.delivery.status).toBe('delivered');
    expect((await operator<AlertState>('GET', `/v1/alerts/${alertId}`)).status).toBe(200);
    expect((await bank('GET', `/v1/alerts/${alertId}`)).status).toBe(404);
    const delivered = await telco<{ alerts: AlertState[] }>('GET', '/v1/alerts?status=delivered');
    expect(delivered.body.alerts.map((a) => a.id)).toContain(alertId);

    const rejected = await telco<{ code: string }>('POST', `/v1/alerts/${alertId}/actions`, {
      action: 'rejected',
    });
    expect(rejected.status).toBe(400);
    expect(rejected.body.code).toBe('validation.failed');
    // Only the organisation that received an alert can act on it.
    expect(
      (await bank('POST', `/v1/alerts/${alertId}/actions`, { action: 'blocked' })).status,
    ).toBe(404);

    const blocked = await telco<{ id: string }>('POST', `/v1/alerts/${alertId}/actions`, {
      action: 'blocked',
      note: 'blocked on all networks',
    });
    expect(blocked.status).toBe(201);
    const fp = await telco<{ id: string }>('POST', `/v1/alerts/${alertId}/actions`, {
      action: 'false_positive',
      reason: 'number belongs to a hospital',
    });
    expect(fp.status).toBe(201);

    const published = await waitFor(() => (actions.length >= 2 ? actions : undefined), {
      what: 'two actions on <ns>.actions.v1',
    });
    expect(published.map((m) => header(m, 'ce_type'))).toEqual([ALERT_ACTION_V1, ALERT_ACTION_V1]);
    const data = published.map((m) => JSON.parse(m.value!.toString()) as AlertActionV1);
    expect(data.map((d) => d.action)).toEqual(['blocked', 'false_positive']);
    expect(data[1]).toMatchObject({
      alertId,
      indicatorType: 'phone',
      canonical: '+66863000001',
      reason: 'number belongs to a hospital',
      role: 'telco',
    });
    expect(published[1]!.key!.toString()).toBe(data[1]!.indicatorId);

    // The false positive unblocks it, and a later report of it alerts no one.
    await waitFor(() => alertsAt('unblock', '+66863000001').length === 1, {
      what: 'false-positive unblock',
    });
    const another = await node.createKey('agency');
    await submitReport(node, another, {
      indicators: [
        { value: '0863000001', type: 'phone' },
        { value: '0863000002', type: 'phone' },
      ],
    });
    await waitFor(() => alertsAt('block', '+66863000002').length === 1, {
      what: 'the companion alert',
    });
    expect(alertsAt('block', '+66863000001')).toHaveLength(1);
  });

  it('a telco’s false positive quiets that telco only; a second organisation confirms it for everyone (ADR 0009)', async () => {
    const second = fanoutClient(base, await fanoutKey(node, base, 'telco'));
    const third = fanoutClient(base, await fanoutKey(node, base, 'telco'));
    const subscribe = async (c: Client) =>
      (
        await c<{ id: string }>('POST', '/v1/subscriptions', {
          channel: 'webhook',
          webhookUrl: hook.url,
          types: ['phone'],
        })
      ).body.id;
    const subs = [await subscribe(telco), await subscribe(second), await subscribe(third)];
    const at = (subscriptionId: string, action: string, value = '+66865000001') =>
      alertsAt(action, value)
        .map((r) => r.json as AlertV1)
        .filter((a) => a.subscriptionId === subscriptionId);

    await submitReport(node, agencyKey, { indicators: [{ value: '0865000001', type: 'phone' }] });
    const blocks = await waitFor(
      () => {
        const b = subs.map((s) => at(s, 'block')[0]);
        return b.every((x) => x) ? (b as AlertV1[]) : undefined;
      },
      { what: 'a block at each telco' },
    );
    const falsePositive = async (c: Client, alert: AlertV1) =>
      expect(
        (await c('POST', `/v1/alerts/${alert.alertId}/actions`, { action: 'false_positive' }))
          .status,
      ).toBe(201);

    // The first telco says false positive: only its own subscription is unblocked at once.
    await falsePositive(telco, blocks[0]!);
    await waitFor(() => at(subs[0]!, 'unblock').length === 1, { what: 'first telco unblocked' });
    expect(at(subs[0]!, 'unblock')[0]).toMatchObject({
      reason: 'false_positive',
      rule: 'false-positive:reported-by-subscriber',
    });

    // A second organisation's word confirms it (two independent organisations): the
    // normaliser says so on <ns>.indicators.v1, and the third telco, which said nothing,
    // is unblocked by that confirmation (not by the first telco's action).
    await falsePositive(second, blocks[1]!);
    const confirmed = await waitFor(() => at(subs[2]!, 'unblock')[0], {
      what: 'confirmed false-positive unblock',
    });
    expect(confirmed).toMatchObject({
      reason: 'false_positive',
      rule: 'false-positive:2-independent-organisations',
    });
    expect(at(subs[1]!, 'unblock').map((a) => a.rule)).toEqual([
      'false-positive:reported-by-subscriber',
    ]);
    expect(at(subs[0]!, 'unblock')).toHaveLength(1);

    // Confirmed: a new report alerts nobody (a companion indicator shows it was processed).
    await submitReport(node, await node.createKey('agency'), {
      indicators: [
        { value: '0865000001', type: 'phone' },
        { value: '0865000002', type: 'phone' },
      ],
    });
    await waitFor(() => at(subs[2]!, 'block', '+66865000002').length === 1, {
      what: 'the companion alert',
    });
    for (const s of subs) expect(at(s, 'block')).toHaveLength(1);
  });

  it('unblocks an expired indicator for every subscriber that blocked it, whatever its filters now', async () => {
    const s = await telco<{ id: string }>('POST', '/v1/subscriptions', {
      channel: 'webhook',
      webhookUrl: hook.url,
      types: ['phone'],
    });
    await submitReport(node, agencyKey, { indicators: [{ value: '0864000001', type: 'phone' }] });
    const block = await waitFor(() => alertsAt('block', '+66864000001')[0], {
      what: 'block alert',
    });
    const indicator = (block.json as AlertV1).indicator;
    expect(
      (await telco('PATCH', `/v1/subscriptions/${s.body.id}`, { types: ['url'] })).status,
    ).toBe(200);

    const data: IndicatorExpiredV1 = {
      indicatorId: indicator.id,
      type: 'phone',
      canonical: indicator.value,
      tlp: 'GREEN',
      countries: ['TH'],
      reportCount: 1,
      confidence: 0.5,
      lastSeen: indicator.lastSeen!,
      expiredAt: new Date().toISOString(),
      lifetimeSeconds: 90 * 86400,
    };
    // What the normaliser's expiry sweep queues.
    const normaliser = node.apps.normaliser!.get(DataSource);
    await normaliser.transaction((m) =>
      enqueueEvents(m, [
        {
          topic: topicName(node.namespace, 'indicators'),
          key: indicator.id,
          event: newEvent('urn:aseanwgas:node:th', INDICATOR_EXPIRED_V1, data, indicator.id),
        },
      ]),
    );
    // Every subscription that was told to block it hears the unblock (the previous test's too).
    const unblock = await waitFor(
      () =>
        alertsAt('unblock', '+66864000001').find(
          (r) => (r.json as AlertV1).subscriptionId === s.body.id,
        ),
      {
        what: 'expiry unblock',
      },
    );
    expect(unblock.json).toMatchObject({
      action: 'unblock',
      reason: 'expired',
      subscriptionId: s.body.id,
    });
  });
});
