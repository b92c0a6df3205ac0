import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes } from 'kafkajs';
import { DataSource } from 'typeorm';
import { toKafkaMessage } from '@wgas/contracts';
import { EnvelopeImportService, ExchangeMetrics } from '@wgas/exchange';
import {
  EXCHANGE_EVENT_TYPE,
  generateNodeKeyPair,
  privateKeyFromPem,
  SHARED_INDICATOR_V1,
  signEnvelope,
  signEnvelopes,
  type SignedEnvelope,
  type ExchangeEnvelope,
  type SharedIndicatorV1,
} from '@wgas/federation';
import { createKafka, createProducer, newEvent } from '@wgas/messaging';
import { WebhookReceiver, waitFor } from '@wgas/testing';
import { fanoutClient, fanoutUrl, submitReport } from '../fanout/fanout-test-kit';
import type { TestNode } from '../test-node';
import { startFederation, type Federation } from './federation-harness';

interface Alert {
  action: string;
  indicator: { type: string; value: string; countries: string[] };
}
const alert = (body: unknown) => body as Alert;

type FanoutClient = ReturnType<typeof fanoutClient>;
const clients = new Map<WebhookReceiver, FanoutClient>();

/** Subscribes an organisation of `role` in `node` to webhooks delivered to a fresh receiver. */
async function subscribe(
  node: TestNode,
  role: 'telco' | 'bank' | 'agency',
): Promise<WebhookReceiver> {
  const hook = await new WebhookReceiver().start();
  const client = fanoutClient(await fanoutUrl(node), await node.createKey(role));
  const res = await client('POST', '/v1/subscriptions', {
    channel: 'webhook',
    webhookUrl: hook.url,
  });
  if (res.status !== 201) throw new Error(`subscription refused: ${res.status} ${res.text}`);
  clients.set(hook, client);
  return hook;
}

const has = (hook: WebhookReceiver, value: string) =>
  hook.delivered().some((r) => alert(r.json).indicator.value === value);

/** A Thai phone number as TH shares it with peers (TLP:GREEN), seen at `seenAt`. */
function sharedPhone(canonical: string, indicatorId: string, seenAt: string): SharedIndicatorV1 {
  return {
    indicatorId,
    type: 'phone',
    canonical,
    typology: 'investment',
    tlp: 'GREEN',
    confidence: 0.9,
    reportCount: 1,
    countries: ['TH'],
    reportCountry: 'TH',
    originReportId: randomUUID(),
    firstSeen: seenAt,
    lastSeen: seenAt,
  };
}

/** TH's signed envelope for a phone number (TLP:GREEN), as TH would put it on its topic. */
function signedThPhone(
  f: Federation,
  canonical: string,
  indicatorId: string,
  sequence: number,
  at = new Date().toISOString(),
): SignedEnvelope<SharedIndicatorV1> {
  return signEnvelope(
    {
      origin: 'th',
      eventId: randomUUID(),
      sequence,
      timestamp: at,
      keyId: f.keys.th!.keyId,
      kind: SHARED_INDICATOR_V1,
      payload: sharedPhone(canonical, indicatorId, at),
    },
    privateKeyFromPem(f.keys.th!.privateKeyPem),
  );
}

describe('federation across three nodes (th, my, sg) over real Kafka and Postgres', () => {
  let f: Federation;
  let thAgency: string;
  let myTelco: WebhookReceiver;
  let myAgency: WebhookReceiver;
  let sgBank: WebhookReceiver;
  let sgTelco: WebhookReceiver;

  beforeAll(async () => {
    f = await startFederation(['th', 'my', 'sg']);
    thAgency = await f.nodes.th!.createKey('agency');
    myTelco = await subscribe(f.nodes.my!, 'telco');
    myAgency = await subscribe(f.nodes.my!, 'agency');
    sgBank = await subscribe(f.nodes.sg!, 'bank');
    sgTelco = await subscribe(f.nodes.sg!, 'telco');
  }, 300_000);

  afterAll(async () => {
    await f?.close();
    for (const h of [myTelco, myAgency, sgBank, sgTelco]) await h?.stop();
  });

  let greenReportId: string;

  it('carries a TLP:GREEN Thai report to Malaysia’s telco and Singapore’s bank', async () => {
    greenReportId = await submitReport(f.nodes.th!, thAgency, {
      tlp: 'GREEN',
      indicators: [
        { value: '081-234-5678', type: 'phone' },
        { value: 'KBANK 123-4-56789-0', type: 'bank_account' },
      ],
    });
    await waitFor(() => has(myTelco, '+66812345678'), {
      what: 'MY telco block',
      timeoutMs: 60_000,
    });
    await waitFor(() => has(sgBank, 'TH:004:1234567890'), {
      what: 'SG bank block',
      timeoutMs: 60_000,
    });
    const atMy = myTelco.delivered().find((r) => alert(r.json).indicator.value === '+66812345678')!;
    expect(alert(atMy.json)).toMatchObject({
      action: 'block',
      indicator: { type: 'phone', countries: ['TH'] },
    });
    expect(sgBank.delivered().some((r) => alert(r.json).indicator.type === 'phone')).toBe(false);
    // Foreign intelligence is not sent back or onwards: TH's store still holds one report.
    const th = f.nodes.th!.apps.normaliser!.get(DataSource);
    await new Promise((r) => setTimeout(r, 1500));
    const [row] = (await th.query(
      `SELECT report_count FROM normaliser.indicators WHERE canonical = '+66812345678'`,
    )) as {
      report_count: number;
    }[];
    expect(row?.report_count).toBe(1);
  });

  it('shows Malaysia’s "blocked" action on each Thai report of the number', async () => {
    // A second Thai report of the same number: MY's latest state of it now comes from this
    // one, and the action travels back naming it (ADR 0017); TH shows it on both.
    const th = f.nodes.th!;
    const secondReportId = await submitReport(th, thAgency, {
      tlp: 'GREEN',
      indicators: [{ value: '+66 81 234 5678', type: 'phone' }],
    });
    const myStore = f.nodes.my!.apps.normaliser!.get(DataSource);
    await waitFor(
      async () => {
        const [row] = (await myStore.query(
          `SELECT report_count FROM normaliser.indicators WHERE canonical = '+66812345678'`,
        )) as { report_count: number }[];
        return row?.report_count === 2;
      },
      { what: 'the second Thai report imported at MY', timeoutMs: 60_000 },
    );
    const atMy = myTelco.delivered().find((r) => alert(r.json).indicator.value === '+66812345678')!;
    const alertId = (atMy.json as { alertId: string }).alertId;
    const acted = await clients.get(myTelco)!('POST', `/v1/alerts/${alertId}/actions`, {
      action: 'blocked',
    });
    expect(acted.status).toBe(201);
    const actionsOn = async (reportId: string) => {
      const res = await fetch(`${th.intakeUrl}/v1/reports/${reportId}`, {
        headers: { authorization: `Bearer ${thAgency}` },
      });
      return (
        (await res.json()) as {
          actions: { action: string; node: string; country: string; canonical: string }[];
        }
      ).actions;
    };
    for (const reportId of [secondReportId, greenReportId]) {
      const actions = await waitFor(
        async () => {
          const found = await actionsOn(reportId);
          return found.length > 0 ? found : undefined;
        },
        { what: `the action on Thai report ${reportId}`, timeoutMs: 60_000 },
      );
      expect(actions).toEqual([
        expect.objectContaining({
          action: 'blocked',
          node: 'my',
          country: 'MY',
          canonical: '+66812345678',
        }),
      ]);
    }
  });

  it('keeps TLP:RED in Thailand and gives AMBER+STRICT to Malaysia’s agency only', async () => {
    await submitReport(f.nodes.th!, thAgency, {
      tlp: 'RED',
      indicators: [{ value: '081-111-0001', type: 'phone' }],
    });
    await submitReport(f.nodes.th!, thAgency, {
      tlp: 'AMBER+STRICT',
      indicators: [{ value: '081-111-0002', type: 'phone' }],
    });
    await waitFor(() => has(myAgency, '+66811110002'), {
      what: 'MY agency AMBER+STRICT alert',
      timeoutMs: 60_000,
    });
    // The RED event was handled by TH's exchange (inbox) without being exported.
    const thNormaliser = f.nodes.th!.apps.normaliser!.get(DataSource);
    await waitFor(
      async () =>
        (
          (await thNormaliser.query(
            `SELECT 1 FROM normaliser.indicators WHERE canonical = '+66811110001'`,
          )) as unknown[]
        ).length > 0,
      { what: 'the RED indicator in TH' },
    );
    await new Promise((r) => setTimeout(r, 2000));
    for (const id of ['my', 'sg'] as const) {
      const ds = f.nodes[id]!.apps.normaliser!.get(DataSource);
      const rows = (await ds.query(
        `SELECT canonical FROM normaliser.indicators WHERE canonical = '+66811110001'`,
      )) as unknown[];
      expect(rows).toHaveLength(0);
    }
    expect(has(myTelco, '+66811110002')).toBe(false);
    expect(has(sgTelco, '+66811110002')).toBe(false);
    expect(has(myAgency, '+66811110001')).toBe(false);
  });

  it('refuses forged, tampered, replayed and unknown-node envelopes, counts them, and stores nothing', async () => {
    const th = f.nodes.th!;
    const kafka = createKafka({
      brokers: (process.env.KAFKA_BROKERS as string).split(','),
      clientId: 'attacker',
    });
    const producer = createProducer(kafka);
    await producer.connect();
    const payload = (canonical: string) =>
      sharedPhone(canonical, `v1:${'ab'.repeat(32)}`, new Date().toISOString());
    const envelope = (
      canonical: string,
      origin = 'th',
      keyId = f.keys.th!.keyId,
    ): ExchangeEnvelope => ({
      origin,
      eventId: randomUUID(),
      sequence: 1,
      timestamp: new Date().toISOString(),
      keyId,
      kind: SHARED_INDICATOR_V1,
      payload: payload(canonical),
    });
    const publish = (data: unknown) =>
      producer.send({
        topic: `${th.namespace}.exchange.v1`,
        acks: -1,
        messages: [toKafkaMessage(newEvent('urn:attacker', EXCHANGE_EVENT_TYPE, data), 'k')],
      });
    const thKey = privateKeyFromPem(f.keys.th!.privateKeyPem);
    const stranger = privateKeyFromPem(generateNodeKeyPair('th').privateKeyPem);

    // A valid envelope (as TH would send) that we then replay.
    const valid = signEnvelope(envelope('+66822220000'), thKey);
    await publish(valid);
    // One envelope of a genuine batch (ADR 0014): MY verifies and caches its root.
    // (other indicator ids than the envelopes above, which share one, so none supersedes)
    const [batched, batchedSibling] = signEnvelopes(
      ['+66822220005', '+66822220006'].map((v, i) => ({
        ...envelope(v),
        payload: sharedPhone(v, `v1:${String(i).repeat(64)}`, new Date().toISOString()),
      })),
      thKey,
    ) as [SignedEnvelope, SignedEnvelope];
    await publish(batched);
    await waitFor(() => has(myTelco, '+66822220000') && has(myTelco, '+66822220005'), {
      what: 'the valid envelopes at MY',
      timeoutMs: 60_000,
    });
    const forged = signEnvelope(envelope('+66822220001'), stranger);
    const tampered = { ...signEnvelope(envelope('+66822220002'), thKey) };
    tampered.envelope = { ...tampered.envelope, payload: payload('+66822220003') };
    const unknown = signEnvelope(envelope('+66822220004', 'vn'), thKey);
    // The sibling's proof and the batch signature (whose root MY has cached) on an envelope
    // that was never in the batch, and the sibling itself with its payload changed.
    const stolenProof = { envelope: envelope('+66822220007'), batch: batchedSibling.batch };
    const tamperedLeaf = {
      ...batchedSibling,
      envelope: { ...batchedSibling.envelope, payload: payload('+66822220008') },
    };
    for (const bad of [forged, tampered, valid, unknown, stolenProof, tamperedLeaf])
      await publish(bad);

    const metrics = f.nodes.my!.apps.exchange!.get(ExchangeMetrics);
    const count = async (result: string) =>
      (await metrics.imported.get()).values.find(
        (v) =>
          v.labels.result === result && (v.labels.origin === 'th' || result === 'unknown_node'),
      )?.value ?? 0;
    await waitFor(
      async () =>
        (await count('bad_signature')) >= 4 &&
        (await count('replay')) >= 1 &&
        (await count('unknown_node')) >= 1,
      { what: 'the refusals to be counted at MY', timeoutMs: 60_000 },
    );
    await producer.disconnect();
    const my = f.nodes.my!.apps.normaliser!.get(DataSource);
    const stored = (await my.query(
      `SELECT canonical FROM normaliser.indicators WHERE canonical IN ('+66822220001', '+66822220002', '+66822220003', '+66822220004', '+66822220006', '+66822220007', '+66822220008')`,
    )) as unknown[];
    expect(stored).toHaveLength(0);
    const [{ n }] = (await my.query(
      `SELECT count(*)::int AS n FROM normaliser.indicators WHERE canonical = '+66822220000'`,
    )) as [{ n: number }];
    expect(n).toBe(1);
    for (const v of [
      '+66822220001',
      '+66822220002',
      '+66822220003',
      '+66822220004',
      '+66822220006',
      '+66822220007',
      '+66822220008',
    ]) {
      expect(has(myTelco, v)).toBe(false);
      expect(has(sgTelco, v)).toBe(false);
    }
  });

  it('imports an envelope once when its first import published and then failed to commit (ADR 0015)', async () => {
    const th = f.nodes.th!;
    const my = f.nodes.my!;
    const value = '+66844440000';
    const signed = signedThPhone(f, value, `v1:${'e4'.repeat(32)}`, 1);
    const event = newEvent('urn:test', EXCHANGE_EVENT_TYPE, signed);
    // MY's exchange imports it: the local report event is published, then the transaction
    // fails before it commits (as a crash or a lost connection would).
    const imports = my.apps.exchange!.get(EnvelopeImportService);
    await expect(
      my.apps.exchange!.get(DataSource).transaction(async (m) => {
        await imports.applyMany([event], m);
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash before commit');
    // Nothing was recorded, so the envelope is imported again when it comes (as the
    // uncommitted batch would be redelivered).
    const kafka = createKafka({
      brokers: (process.env.KAFKA_BROKERS as string).split(','),
      clientId: 'redelivery-test',
    });
    const producer = createProducer(kafka);
    await producer.connect();
    await producer.send({
      topic: `${th.namespace}.exchange.v1`,
      acks: -1,
      messages: [toKafkaMessage(event, signed.envelope.payload.indicatorId)],
    });
    await producer.disconnect();
    const exchangeDb = my.apps.exchange!.get(DataSource);
    await waitFor(
      async () =>
        (
          (await exchangeDb.query(
            'SELECT 1 FROM exchange.peer_indicator_state WHERE origin = $1 AND indicator_id = $2 AND sequence = $3',
            ['th', signed.envelope.payload.indicatorId, signed.envelope.sequence],
          )) as unknown[]
        ).length === 1,
      { what: 'the second import to commit', timeoutMs: 60_000 },
    );
    // Both imports published the same local event: same event id, same report id.
    const reportsTopic = `${my.namespace}.reports.v1`;
    const copies: { id: string; reportId: string; partition: number; offset: string }[] = [];
    const reader = kafka.consumer({ groupId: `redelivery-test-${randomUUID()}` });
    await reader.connect();
    await reader.subscribe({ topic: reportsTopic, fromBeginning: true });
    await reader.run({
      eachMessage: async ({ partition, message }) => {
        const data = JSON.parse(message.value!.toString()) as {
          reportId: string;
          indicators: { value: string }[];
        };
        if (data.indicators.some((i) => i.value === value))
          copies.push({
            id: message.headers!.ce_id!.toString(),
            reportId: data.reportId,
            partition,
            offset: message.offset,
          });
      },
    });
    await waitFor(() => copies.length >= 2, {
      what: 'both copies on my.reports.v1',
      timeoutMs: 60_000,
    });
    await reader.disconnect();
    expect(copies).toHaveLength(2);
    expect(copies[1]!.id).toBe(copies[0]!.id);
    expect(copies[1]!.reportId).toBe(copies[0]!.reportId);
    // Once MY's normaliser has consumed past both, the indicator has one report and one sighting.
    const admin = kafka.admin();
    await admin.connect();
    const last = copies[1]!;
    await waitFor(
      async () => {
        const [t] = await admin.fetchOffsets({
          groupId: `wgas.${my.namespace}.normaliser`,
          topics: [reportsTopic],
        });
        const p = t?.partitions.find((x) => x.partition === last.partition);
        return p !== undefined && BigInt(p.offset) > BigInt(last.offset);
      },
      { what: "MY's normaliser to consume both copies", timeoutMs: 60_000 },
    );
    await admin.disconnect();
    const normaliser = my.apps.normaliser!.get(DataSource);
    const [row] = (await normaliser.query(
      `SELECT i.report_count AS n, (SELECT count(*)::int FROM normaliser.indicator_sightings s WHERE s.indicator_id = i.id) AS sightings
         FROM normaliser.indicators i WHERE canonical = $1`,
      [value],
    )) as { n: number; sightings: number }[];
    expect(row).toEqual({ n: 1, sightings: 1 });
    await waitFor(() => has(myTelco, value), {
      what: "the alert at MY's telco",
      timeoutMs: 60_000,
    });
    expect(myTelco.delivered().filter((r) => alert(r.json).indicator.value === value)).toHaveLength(
      1,
    );
  });

  it('tells replays from superseded states by the indicator sequence, with no row per envelope (ADR 0018)', async () => {
    const my = f.nodes.my!;
    const imports = my.apps.exchange!.get(EnvelopeImportService);
    const metrics = my.apps.exchange!.get(ExchangeMetrics);
    const exchangeDb = my.apps.exchange!.get(DataSource);
    const indicatorId = `v1:${'e5'.repeat(32)}`;
    const at = (sequence: number, value: string) =>
      newEvent('urn:test', EXCHANGE_EVENT_TYPE, signedThPhone(f, value, indicatorId, sequence));
    const counts = async () => {
      const values = (await metrics.imported.get()).values.filter((v) => v.labels.origin === 'th');
      const of = (result: string) => values.find((v) => v.labels.result === result)?.value ?? 0;
      return { accepted: of('accepted'), replay: of('replay'), superseded: of('superseded') };
    };
    const apply = (events: ReturnType<typeof at>[]) =>
      exchangeDb.transaction((m) => imports.applyMany(events, m));
    const older = at(1_000_001, '+66855550001');
    const newer = at(1_000_002, '+66855550002');

    let before = await counts();
    // one batch: the newest wins, its copy is a replay, the older state is superseded
    await apply([newer, newer, older]);
    expect(await counts()).toEqual({
      accepted: before.accepted + 1,
      replay: before.replay + 1,
      superseded: before.superseded + 1,
    });
    // later batches: the same envelope again is a replay, the older one superseded
    before = await counts();
    await apply([newer]);
    await apply([older]);
    expect(await counts()).toEqual({
      accepted: before.accepted,
      replay: before.replay + 1,
      superseded: before.superseded + 1,
    });
    before = await counts();
    await apply([at(1_000_003, '+66855550003')]);
    expect((await counts()).accepted).toBe(before.accepted + 1);
    const [state] = (await exchangeDb.query(
      `SELECT sequence FROM exchange.peer_indicator_state WHERE origin = 'th' AND indicator_id = $1`,
      [indicatorId],
    )) as { sequence: string }[];
    expect(state?.sequence).toBe('1000003');
    const rows = (await exchangeDb.query(
      `SELECT 1 FROM exchange.imported_envelopes WHERE origin = 'th' AND indicator_id = $1`,
      [indicatorId],
    )) as unknown[];
    expect(rows).toHaveLength(0);
  });

  it('backfills old envelopes from the compacted exchange topic, newest state only (ADR 0008)', async () => {
    const th = f.nodes.th!;
    const kafka = createKafka({
      brokers: (process.env.KAFKA_BROKERS as string).split(','),
      clientId: 'backfill-test',
    });
    const admin = kafka.admin();
    await admin.connect();
    const topic = `${th.namespace}.exchange.v1`;
    const policy = await waitFor(
      async () => {
        const { resources } = await admin.describeConfigs({
          includeSynonyms: false,
          resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
        });
        const v = resources[0]?.configEntries.find((e) => e.configName === 'cleanup.policy');
        return v?.configValue === 'compact' ? v.configValue : undefined;
      },
      { what: 'the exchange topic to be compacted' },
    );
    await admin.disconnect();
    expect(policy).toBe('compact');

    const producer = createProducer(kafka);
    await producer.connect();
    const twentyDaysAgo = new Date(Date.now() - 20 * 24 * 3600_000).toISOString();
    const indicatorId = `v1:${'cd'.repeat(32)}`;
    const state = (canonical: string, sequence: number) =>
      signedThPhone(f, canonical, indicatorId, sequence, twentyDaysAgo);
    const publish = (data: unknown) =>
      producer.send({
        topic,
        acks: -1,
        messages: [toKafkaMessage(newEvent('urn:test', EXCHANGE_EVENT_TYPE, data), indicatorId)],
      });
    // A 20-day-old state is history, not stale: its key is still valid.
    await publish(state('+66833330000', 1_000_000));
    await waitFor(() => has(myTelco, '+66833330000'), {
      what: 'the backfilled indicator at MY',
      timeoutMs: 60_000,
    });
    // An older state of the same indicator (lower sequence) must not roll it back.
    await publish(state('+66833330001', 999_999));
    const metrics = f.nodes.my!.apps.exchange!.get(ExchangeMetrics);
    await waitFor(
      async () =>
        ((await metrics.imported.get()).values.find(
          (v) => v.labels.result === 'superseded' && v.labels.origin === 'th',
        )?.value ?? 0) >= 1,
      { what: 'the superseded state to be counted', timeoutMs: 60_000 },
    );
    await producer.disconnect();
    const my = f.nodes.my!.apps.normaliser!.get(DataSource);
    const rows = (await my.query(
      `SELECT canonical FROM normaliser.indicators WHERE canonical = '+66833330001'`,
    )) as unknown[];
    expect(rows).toHaveLength(0);
    expect(has(myTelco, '+66833330001')).toBe(false);
  });
});
