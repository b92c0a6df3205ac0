import { LocalKafka, MirrorMaker, WebhookReceiver, waitFor } from '@wgas/testing';
import { fanoutClient, fanoutUrl, submitReport } from '../fanout/fanout-test-kit';
import { startFederation, type Federation } from './federation-harness';

/**
 * The production layout end to end: Thailand and Malaysia each run their own Kafka, and
 * MirrorMaker 2 (identity replication policy) copies each side's exchange topic to the
 * other. A Thai report becomes a block at Malaysia's telco with no code change.
 */
describe('a report crossing between two member clusters through MirrorMaker 2', () => {
  const thKafka = new LocalKafka('x-th', Number(process.env.TEST_X_TH_PORT ?? 20092));
  const myKafka = new LocalKafka('x-my', Number(process.env.TEST_X_MY_PORT ?? 20192));
  let f: Federation;
  let flows: MirrorMaker[] = [];
  const myTelco = new WebhookReceiver();

  beforeAll(async () => {
    await Promise.all([thKafka.reset(), myKafka.reset()]);
    await thKafka.start();
    await myKafka.start();
    f = await startFederation(['th', 'my'], {}, { th: thKafka.brokers, my: myKafka.brokers });
    const th = { alias: 'th', brokers: thKafka.brokers };
    const my = { alias: 'my', brokers: myKafka.brokers };
    flows = [
      new MirrorMaker('x-th-to-my', th, my, `${f.nodes.th!.namespace}\\.exchange\\.v1`),
      new MirrorMaker('x-my-to-th', my, th, `${f.nodes.my!.namespace}\\.exchange\\.v1`),
    ];
    for (const mm of flows) await mm.start();
    await myTelco.start();
    const telco = fanoutClient(await fanoutUrl(f.nodes.my!), await f.nodes.my!.createKey('telco'));
    expect(
      (await telco('POST', '/v1/subscriptions', { channel: 'webhook', webhookUrl: myTelco.url }))
        .status,
    ).toBe(201);
  }, 300_000);

  afterAll(async () => {
    await f?.close();
    for (const mm of flows) await mm.stop();
    await myTelco.stop();
    await Promise.all([thKafka.reset(), myKafka.reset()]);
  }, 120_000);

  it('delivers a Thai TLP:GREEN phone number to Malaysia’s telco across clusters', async () => {
    const agency = await f.nodes.th!.createKey('agency');
    await submitReport(f.nodes.th!, agency, {
      tlp: 'GREEN',
      indicators: [{ value: '082-000-1111', type: 'phone' }],
    });
    const got = await waitFor(
      () =>
        myTelco
          .delivered()
          .find(
            (r) => (r.json as { indicator: { value: string } }).indicator.value === '+66820001111',
          ),
      { what: 'the block at Malaysia’s telco', timeoutMs: 180_000, intervalMs: 500 },
    );
    expect(got.json).toMatchObject({
      action: 'block',
      indicator: { type: 'phone', countries: ['TH'] },
    });
  }, 240_000);
});
