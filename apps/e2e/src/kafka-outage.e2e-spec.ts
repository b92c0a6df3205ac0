import { LocalKafka, WebhookReceiver, waitFor } from '@wgas/testing';
import { OutboxRelay } from '@wgas/messaging';
import { DataSource } from 'typeorm';
import { startTestNode, type TestNode } from './test-node';

interface AlertBody {
  indicator: { type: string; value: string };
}

/**
 * The broker itself goes down: intake keeps accepting reports into its outbox, and once
 * Kafka is back every report reaches the webhook exactly once. Uses a broker of its own so
 * the other tests' broker is never stopped.
 */
describe('reports submitted while Kafka is down', () => {
  const kafka = new LocalKafka('outage', Number(process.env.TEST_OUTAGE_KAFKA_PORT ?? 19292));
  const receiver = new WebhookReceiver();
  let node: TestNode;
  let key: string;

  const submit = (phone: string) =>
    fetch(`${node.intakeUrl}/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        typology: 'loan',
        tlp: 'GREEN',
        indicators: [{ value: phone, type: 'phone' }],
      }),
    });
  const alertsFor = (value: string) =>
    receiver.delivered().filter((r) => (r.json as AlertBody).indicator.value === value);

  beforeAll(async () => {
    await kafka.reset();
    await kafka.start();
    await receiver.start();
    node = await startTestNode({ kafkaBrokers: kafka.brokers, webhookUrl: receiver.url });
    key = await node.createKey('agency');
  }, 300_000);

  afterAll(async () => {
    await node?.close();
    await receiver.stop();
    await kafka.reset();
  }, 120_000);

  it('accepts reports during the outage and delivers each exactly once afterwards', async () => {
    expect((await submit('0812000000')).status).toBe(201);
    await waitFor(() => alertsFor('+66812000000').length === 1, {
      what: 'warm-up alert',
      timeoutMs: 60_000,
    });

    await kafka.stop();
    const phones = Array.from(
      { length: 20 },
      (_, i) => `08120000${String(i + 10).padStart(2, '0')}`,
    );
    for (const phone of phones) expect((await submit(phone)).status).toBe(201);
    const relay = node.apps.intake!.get(OutboxRelay);
    expect(await relay.backlog()).toBe(phones.length);

    await kafka.start();
    await waitFor(() => phones.every((p) => alertsFor(`+66${p.slice(1)}`).length > 0), {
      what: 'all alerts after recovery',
      timeoutMs: 120_000,
      intervalMs: 250,
    });
    // Give any duplicate a chance to show up before counting.
    await new Promise((r) => setTimeout(r, 2000));
    for (const p of phones) expect(alertsFor(`+66${p.slice(1)}`)).toHaveLength(1);
    expect(await relay.backlog()).toBe(0);

    const normaliser = node.apps.normaliser!.get(DataSource);
    const [{ n }] = (await normaliser.query(
      'SELECT count(*)::int AS n FROM normaliser.indicator_sightings',
    )) as [{ n: number }];
    expect(n).toBe(phones.length + 1);
  }, 300_000);
});
