import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  EVENT_TYPES,
  INDICATOR_EXPIRED_V1,
  topicName,
  type IndicatorExpiredV1,
  type IndicatorUpsertedV1,
} from '@wgas/contracts';
import { normalise } from '@wgas/indicators';
import { WebhookReceiver, waitFor } from '@wgas/testing';
import { WarninglistService } from '@wgas/normaliser';
import { startTestNode, type TestNode } from '../test-node';
import { reportSubmitted, TopicTap } from './report-events';

interface AlertBody {
  action: string;
  indicator: { value: string };
}

const phoneKey = (value: string) => {
  const r = normalise(value, { country: 'TH', typeHint: 'phone' });
  if (!r.ok) throw new Error(r.rejection.code);
  return r.indicator.key;
};

describe('normaliser: warninglists', () => {
  let receiver: WebhookReceiver;
  let node: TestNode;
  let tap: TopicTap;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wgas-warninglists-'));
    receiver = await new WebhookReceiver().start();
    node = await startTestNode({
      services: ['normaliser', 'fanout'],
      webhookUrl: receiver.url,
      env: { WARNINGLIST_DIR: dir, WARNINGLIST_POLL_MS: '100' },
    });
    tap = new TopicTap(node.namespace);
    await tap.record(topicName(node.namespace, 'indicators'));
  });

  afterAll(async () => {
    await tap?.close();
    await node?.close();
    await receiver?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const alerts = (value: string) =>
    receiver.delivered().filter((r) => (r.json as AlertBody).indicator.value === value);
  const upserts = (canonical: string) =>
    tap.events<IndicatorUpsertedV1>(
      topicName(node.namespace, 'indicators'),
      EVENT_TYPES.indicatorUpserted,
      (d) => d.canonical === canonical,
    );
  const row = async (canonical: string) =>
    (
      (await node.apps
        .normaliser!.get(DataSource)
        .query(
          'SELECT warninglisted, warninglist_entry, report_count FROM normaliser.indicators WHERE canonical = $1',
          [canonical],
        )) as { warninglisted: boolean; warninglist_entry: string | null; report_count: number }[]
    )[0];

  it('stores a warninglisted bank hotline but never alerts on it', async () => {
    // Two agencies, so the scam number passes fan-out's confidence threshold... and so would the hotline.
    const values = ['02-888-8888', '089-111-2222'];
    await tap.publish([
      reportSubmitted(values, { organisationId: 'th-agency-1' }),
      reportSubmitted(values, { organisationId: 'th-agency-2' }),
    ]);
    await waitFor(() => alerts('+66891112222').length > 0, { what: 'alert for the scam number' });
    await waitFor(async () => (await row('+6628888888'))?.report_count === 2, {
      what: 'hotline stored',
    });

    expect(await row('+6628888888')).toEqual({
      warninglisted: true,
      warninglist_entry: 'th-banks:phone:+6628888888',
      report_count: 2,
    });
    expect(upserts('+6628888888')).toEqual([]);
    expect(alerts('+6628888888')).toEqual([]);
  });

  it('picks up a list dropped into WARNINGLIST_DIR without a restart', async () => {
    const warninglists = node.apps.normaliser!.get(WarninglistService);
    const key = phoneKey('02-345-6789');
    expect(warninglists.match({ type: 'phone', key, canonical: '' })).toBeUndefined();
    await writeFile(
      join(dir, 'local.json'),
      JSON.stringify({ name: 'local', entries: [{ key, note: 'a hospital switchboard' }] }),
    );
    await waitFor(() => warninglists.match({ type: 'phone', key, canonical: '' }), {
      what: 'reloaded list',
    });

    await tap.publish([reportSubmitted(['02-345-6789', '089-111-3333'])]);
    await waitFor(() => upserts('+66891113333').length === 1, { what: 'the other number' });
    expect((await row('+6623456789'))?.warninglist_entry).toBe(`local:${key}`);
    expect(upserts('+6623456789')).toEqual([]);
  });
});

describe('normaliser: decay', () => {
  let node: TestNode;
  let tap: TopicTap;

  beforeAll(async () => {
    node = await startTestNode({
      services: ['normaliser'],
      env: { INDICATOR_LIFETIMES: 'phone=1s', EXPIRY_SWEEP_INTERVAL_MS: '200' },
    });
    tap = new TopicTap(node.namespace);
    await tap.record(topicName(node.namespace, 'indicators'));
  });

  afterAll(async () => {
    await tap?.close();
    await node?.close();
  });

  it('expires an indicator after its type lifetime and publishes indicator.expired', async () => {
    const topic = topicName(node.namespace, 'indicators');
    await tap.publish([reportSubmitted(['0894445555', { value: 'https://decay.example/x' }])]);
    const [expired] = await waitFor(
      () => {
        const e = tap.events<IndicatorExpiredV1>(topic, INDICATOR_EXPIRED_V1);
        return e.length > 0 ? e : undefined;
      },
      { what: 'indicator.expired', timeoutMs: 10_000 },
    );
    expect(expired).toMatchObject({
      type: 'phone',
      canonical: '+66894445555',
      lifetimeSeconds: 1,
      reportCount: 1,
      countries: ['TH'],
    });
    const rows = (await node.apps
      .normaliser!.get(DataSource)
      .query('SELECT type, status FROM normaliser.indicators ORDER BY type')) as {
      type: string;
      status: string;
    }[];
    // URLs and domains keep their 14 and 30 days
    expect(rows).toEqual([
      { type: 'domain', status: 'active' },
      { type: 'phone', status: 'expired' },
      { type: 'url', status: 'active' },
    ]);

    await tap.publish([reportSubmitted(['+66 89 444 5555'], { organisationId: 'th-agency-9' })]);
    const revived = await waitFor(
      () =>
        tap
          .events<IndicatorUpsertedV1>(topic, EVENT_TYPES.indicatorUpserted)
          .find((e) => e.changes?.includes('reactivated')),
      { what: 'reactivation' },
    );
    expect(revived).toMatchObject({ canonical: '+66894445555', reportCount: 2 });
  });
});
