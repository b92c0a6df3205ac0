import { randomBytes } from 'node:crypto';
import { createKafka, createProducer, ensureTopics } from '@wgas/messaging';
import { LocalKafka, MirrorMaker, waitFor } from '@wgas/testing';

/**
 * The production layout: each member runs its own Kafka, and MirrorMaker 2 (identity
 * replication policy) copies exchange topics between clusters, so a topic keeps its name
 * and the nodes' code is the same as on one shared cluster.
 */
describe('MirrorMaker 2 between two member clusters', () => {
  const th = new LocalKafka('mm-th', Number(process.env.TEST_MM_TH_PORT ?? 19892));
  const my = new LocalKafka('mm-my', Number(process.env.TEST_MM_MY_PORT ?? 19992));
  const mm = new MirrorMaker(
    'th-to-my',
    { alias: 'th', brokers: th.brokers },
    { alias: 'my', brokers: my.brokers },
  );

  beforeAll(async () => {
    await Promise.all([th.reset(), my.reset()]);
    await th.start();
    await my.start();
  }, 300_000);

  afterAll(async () => {
    await mm.stop();
    await Promise.all([th.reset(), my.reset()]);
  }, 120_000);

  it('copies th.exchange.v1 to the other cluster under the same name, and nothing else', async () => {
    const thKafka = createKafka({ brokers: [th.brokers], clientId: 'mm-test-th' });
    const myKafka = createKafka({ brokers: [my.brokers], clientId: 'mm-test-my' });
    await ensureTopics(thKafka, ['th.exchange.v1', 'th.reports.v1']);
    const producer = createProducer(thKafka);
    await producer.connect();
    const marker = randomBytes(8).toString('hex');
    await producer.send({
      topic: 'th.exchange.v1',
      acks: -1,
      messages: [{ key: 'k', value: `envelope-${marker}`, headers: { ce_id: marker } }],
    });
    await producer.send({
      topic: 'th.reports.v1',
      acks: -1,
      messages: [{ key: 'k', value: 'stays home' }],
    });
    await producer.disconnect();

    await mm.start();
    const consumer = myKafka.consumer({ groupId: `mm-test-${marker}` });
    const seen: { value: string; ceId: string }[] = [];
    await waitFor(
      async () => {
        const topics = await listTopics(myKafka);
        return topics.includes('th.exchange.v1');
      },
      { what: 'th.exchange.v1 to appear on the MY cluster', timeoutMs: 120_000, intervalMs: 1000 },
    );
    await consumer.connect();
    await consumer.subscribe({ topic: 'th.exchange.v1', fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        seen.push({ value: String(message.value), ceId: String(message.headers?.ce_id) });
      },
    });
    try {
      await waitFor(() => seen.some((s) => s.value === `envelope-${marker}`), {
        what: 'the mirrored envelope',
        timeoutMs: 120_000,
      });
    } finally {
      await consumer.disconnect();
    }
    expect(seen.find((s) => s.value === `envelope-${marker}`)?.ceId).toBe(marker);
    expect(await listTopics(myKafka)).not.toContain('th.reports.v1');
  }, 300_000);
});

async function listTopics(kafka: ReturnType<typeof createKafka>): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await admin.listTopics();
  } finally {
    await admin.disconnect();
  }
}
