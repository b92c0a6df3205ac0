import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  EVENT_TYPES,
  INDICATOR_RETRACTED_V1,
  deadLetterTopic,
  toKafkaMessage,
  topicName,
  type IndicatorUpsertedV1,
  type ReportSubmittedV1,
} from '@wgas/contracts';
import { ObservabilityRegistry } from '@wgas/platform';
import { waitFor } from '@wgas/testing';
import { startTestNode, type TestNode } from '../test-node';
import { reportRetracted, reportSubmitted, TopicTap } from './report-events';

interface IndicatorRow {
  id: string;
  canonical: string;
  status: string;
  report_count: number;
  countries: string[];
  organisations: string[];
  tlp: string;
  confidence: number;
}

/**
 * The normaliser against real Kafka and Postgres: one truth per indicator, exactly-once
 * in effect, poison dead-lettered without stalling, retracted indicators revived by a new
 * report. Reports are published straight to `<ns>.reports.v1` as intake would.
 */
describe('normaliser: the indicator store', () => {
  let node: TestNode;
  let tap: TopicTap;
  let db: DataSource;
  let indicatorsTopic: string;
  let outcomesTopic: string;

  beforeAll(async () => {
    node = await startTestNode({ services: ['normaliser'] });
    db = node.apps.normaliser!.get(DataSource);
    tap = new TopicTap(node.namespace);
    indicatorsTopic = topicName(node.namespace, 'indicators');
    outcomesTopic = topicName(node.namespace, 'reportOutcomes');
    await tap.record(indicatorsTopic);
    await tap.record(outcomesTopic);
    await tap.record(deadLetterTopic(tap.reportsTopic));
  });

  afterAll(async () => {
    await tap?.close();
    await node?.close();
  });

  const indicator = async (canonical: string) =>
    (
      (await db.query(
        `SELECT id, canonical, status, report_count, countries, organisations, tlp, confidence
           FROM normaliser.indicators WHERE canonical = $1`,
        [canonical],
      )) as IndicatorRow[]
    )[0];
  const upserts = (canonical: string) =>
    tap.events<IndicatorUpsertedV1>(
      indicatorsTopic,
      EVENT_TYPES.indicatorUpserted,
      (d) => d.canonical === canonical,
    );

  it('stores 081-234-5678 from Thailand and +66 81 234 5678 from Malaysia as one indicator', async () => {
    const th = reportSubmitted(['081-234-5678'], { country: 'TH', tlp: 'AMBER' });
    const my = reportSubmitted(['+66 81 234 5678'], { country: 'MY', tlp: 'GREEN' });
    await tap.publish([th]);
    await waitFor(() => upserts('+66812345678').length === 1, { what: 'created event' });
    await tap.publish([my]);
    await waitFor(() => upserts('+66812345678').length === 2, { what: 'updated event' });

    const row = await indicator('+66812345678');
    expect(row).toMatchObject({
      status: 'active',
      report_count: 2,
      countries: ['MY', 'TH'],
      organisations: ['my-agency-1', 'th-agency-1'],
      tlp: 'GREEN', // the most permissive source: Malaysia shared it GREEN
      confidence: 0.75,
    });
    const [sightings] = (await db.query(
      'SELECT count(*)::int AS n FROM normaliser.indicator_sightings WHERE indicator_id = $1',
      [row!.id],
    )) as [{ n: number }];
    expect(sightings.n).toBe(2);
    const [created, updated] = upserts('+66812345678');
    expect(created).toMatchObject({ change: 'created', reportCount: 1, countries: ['TH'] });
    expect(updated).toMatchObject({
      change: 'updated',
      reportCount: 2,
      countries: ['MY', 'TH'],
      reportCountry: 'MY',
      tlp: 'GREEN',
      confidence: 0.75,
    });
    expect(updated!.changes).toEqual(expect.arrayContaining(['report', 'country', 'confidence']));
  });

  it('names only what a report changed: the same agency again, then a new agency of a known country', async () => {
    const canonical = '+66815550101';
    await tap.publish([reportSubmitted(['081-555-0101'], { country: 'TH' })]);
    await waitFor(() => upserts(canonical).length === 1, { what: 'created event' });
    await tap.publish([reportSubmitted(['081-555-0101'], { country: 'TH' })]);
    await waitFor(() => upserts(canonical).length === 2, { what: 'second event' });
    await tap.publish([
      reportSubmitted(['081-555-0101'], { country: 'TH', organisationId: 'th-agency-2' }),
    ]);
    await waitFor(() => upserts(canonical).length === 3, { what: 'third event' });

    const [, again, other] = upserts(canonical);
    expect(again).toMatchObject({ change: 'updated', reportCount: 2, confidence: 0.5 });
    expect(again!.changes).toEqual(['report']);
    expect(other).toMatchObject({ change: 'updated', reportCount: 3, confidence: 0.75 });
    expect(other!.changes).toEqual(['report', 'confidence']);
    expect(await indicator(canonical)).toMatchObject({ countries: ['TH'], confidence: 0.75 });
  });

  it('keeps countries, organisations and typologies sorted when one batch creates the indicator', async () => {
    // Same key, one produce call: both reports reach the consumer in one batch, so the
    // row is created from both at once (the insert branch, not ON CONFLICT).
    // The store orders a batch's sightings by report id: TH's sorts first, so an unsorted
    // merge would keep ['TH', 'MY'].
    const key = 'one-batch-two-countries';
    const th = reportSubmitted(['0816660001'], { country: 'TH', typology: 'investment' });
    const my = reportSubmitted(['+66 81 666 0001'], { country: 'MY', typology: 'impersonation' });
    th.data.reportId = `0${th.data.reportId.slice(1)}`;
    my.data.reportId = `f${my.data.reportId.slice(1)}`;
    const events = [th, my].map((e) => toKafkaMessage(e, key));
    await tap.send(
      tap.reportsTopic,
      events.map((m) => ({ key, value: m.value, headers: m.headers })),
    );
    await waitFor(async () => (await indicator('+66816660001'))?.report_count === 2, {
      what: 'both reports stored',
    });
    const row = (await db.query(
      'SELECT countries, organisations, typologies FROM normaliser.indicators WHERE canonical = $1',
      ['+66816660001'],
    )) as { countries: string[]; organisations: string[]; typologies: string[] }[];
    expect(row[0]).toEqual({
      countries: ['MY', 'TH'],
      organisations: ['my-agency-1', 'th-agency-1'],
      typologies: ['impersonation', 'investment'],
    });
  });

  it("tells intake the outcome of this node's reports, not of a peer's imported indicators", async () => {
    const local = reportSubmitted(['0816660101']);
    const imported = reportSubmitted(['+66816660102'], {
      organisationId: 'node:my',
      country: 'MY',
    });
    imported.data.originNode = 'my';
    imported.data.originReportId = randomUUID();
    await tap.publish([imported, local]);
    await waitFor(
      () => upserts('+66816660101').length === 1 && upserts('+66816660102').length === 1,
      { what: 'both indicators stored' },
    );
    await waitFor(
      () =>
        tap.events(outcomesTopic, EVENT_TYPES.reportNormalised, (d: { reportId: string }) =>
          [local.data.reportId, imported.data.reportId].includes(d.reportId),
        ).length >= 1,
      { what: "the local report's outcome" },
    );
    const outcomes = tap.events<{ reportId: string }>(outcomesTopic, EVENT_TYPES.reportNormalised);
    expect(outcomes.map((o) => o.reportId)).toContain(local.data.reportId);
    expect(outcomes.map((o) => o.reportId)).not.toContain(imported.data.reportId);
  });

  it('changes nothing when an event is delivered again', async () => {
    const event = reportSubmitted(['0812223333', 'https://redelivered.example/pay']);
    await tap.publish([event]);
    await waitFor(() => upserts('+66812223333').length === 1, { what: 'first delivery' });
    const before = await indicator('+66812223333');
    const published = tap.messages(indicatorsTopic).length;
    const duplicates = await metric(node, 'wgas_consumer_events_duplicate_total');

    await tap.publish([event, event]); // the same event id, twice more, on its partition
    await waitFor(
      async () => (await metric(node, 'wgas_consumer_events_duplicate_total')) >= duplicates + 2,
      { what: 'duplicates skipped by the inbox' },
    );
    const marker = reportSubmitted(['0812224444']);
    await tap.publish([marker]);
    await waitFor(() => upserts('+66812224444').length === 1, { what: 'a later report' });
    expect(await indicator('+66812223333')).toEqual(before);
    expect(upserts('+66812223333')).toHaveLength(1);
    expect(tap.messages(indicatorsTopic).length).toBe(published + 1); // the marker's only
  });

  it('dead-letters a poison message and still processes the next one on the partition', async () => {
    const key = 'poison-partition-key';
    const next = reportSubmitted(['0815556666']);
    await tap.send(tap.reportsTopic, [{ key, value: 'this is not a CloudEvent {' }]);
    const badSchema = reportSubmitted(['0815557777']);
    (badSchema.data as Partial<ReportSubmittedV1>).country = 'XX' as ReportSubmittedV1['country'];
    // same key: the poison and the next report share a partition
    const bad = toKafkaMessage(badSchema, key);
    await tap.send(tap.reportsTopic, [{ key, value: bad.value, headers: bad.headers }]);
    const nextMessage = toKafkaMessage(next, key);
    await tap.send(tap.reportsTopic, [
      { key, value: nextMessage.value, headers: nextMessage.headers },
    ]);

    await waitFor(() => upserts('+66815556666').length === 1, { what: 'the next message' });
    const dlq = await waitFor(
      () => {
        const m = tap.messages(deadLetterTopic(tap.reportsTopic));
        return m.length >= 2 ? m : undefined;
      },
      { what: 'two dead letters' },
    );
    expect(dlq.map((m) => m.headers['dlq_reason']).sort()).toEqual([
      'CloudEventParseError',
      'EventSchemaError',
    ]);
    const parse = dlq.find((m) => m.headers['dlq_reason'] === 'CloudEventParseError')!;
    expect(parse.raw?.toString()).toBe('this is not a CloudEvent {');
    expect(parse.headers['dlq_original_topic']).toBe(tap.reportsTopic);
    const schema = dlq.find((m) => m.headers['dlq_reason'] === 'EventSchemaError')!;
    expect(schema.headers['dlq_error']).toMatch(/country/);
    expect(await indicator('+66815557777')).toBeUndefined();
  });

  it('makes a retracted indicator active again when a new report names it', async () => {
    const first = reportSubmitted(['0817778888']);
    await tap.publish([first]);
    await waitFor(() => upserts('+66817778888').length === 1, { what: 'created' });
    await tap.publish([reportRetracted(first.data)]);
    await waitFor(
      () =>
        tap.events(
          indicatorsTopic,
          INDICATOR_RETRACTED_V1,
          (d: { canonical: string }) => d.canonical === '+66817778888',
        ).length === 1,
      { what: 'retracted event' },
    );
    expect((await indicator('+66817778888'))?.status).toBe('retracted');

    await tap.publish([reportSubmitted(['+66 81 777 8888'], { organisationId: 'th-agency-2' })]);
    await waitFor(() => upserts('+66817778888').length === 2, { what: 'reactivation' });
    expect(await indicator('+66817778888')).toMatchObject({ status: 'active', report_count: 1 });
    expect(upserts('+66817778888')[1]!.changes).toContain('reactivated');
  });
});

/** Sum of a counter over its labels, read from the app's /metrics registry. */
async function metric(node: TestNode, name: string): Promise<number> {
  const { body } = await node.apps.normaliser!.get(ObservabilityRegistry).metrics();
  return body
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `))
    .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}
