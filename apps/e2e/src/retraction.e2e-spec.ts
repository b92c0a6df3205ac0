import { DataSource } from 'typeorm';
import { EVENT_TYPES, topicName, type ReportRetractedV1 } from '@wgas/contracts';
import { enqueueEvents, newEvent } from '@wgas/messaging';
import { WebhookReceiver, waitFor } from '@wgas/testing';
import { startTestNode, type TestNode } from './test-node';

interface AlertBody {
  action: string;
  indicator: { type: string; value: string };
}

/**
 * A retracted report withdraws its support: an indicator no other report names is
 * marked retracted by the normaliser and the telco that was told to block it is told to
 * unblock; an indicator another agency also reported stays blocked.
 */
describe('retraction flows from intake to an unblock alert', () => {
  let receiver: WebhookReceiver;
  let node: TestNode;
  let keys: string[];

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    node = await startTestNode({ nodeId: 'th', webhookUrl: receiver.url });
    keys = [await node.createKey('agency'), await node.createKey('agency')];
  });

  afterAll(async () => {
    await node?.close();
    await receiver?.stop();
  });

  const submit = async (key: string, phones: string[]) => {
    const res = await fetch(`${node.intakeUrl}/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        typology: 'job',
        tlp: 'GREEN',
        indicators: phones.map((value) => ({ value, type: 'phone' })),
      }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const alerts = (action: string, value: string) =>
    receiver
      .delivered()
      .filter(
        (r) =>
          (r.json as AlertBody).action === action &&
          (r.json as AlertBody).indicator.value === value,
      );

  it('unblocks what only the retracted report supported', async () => {
    const reportId = await submit(keys[0]!, ['0899000001', '0899000002']);
    await submit(keys[1]!, ['0899000002']);
    await waitFor(
      () =>
        alerts('block', '+66899000001').length === 1 &&
        alerts('block', '+66899000002').length === 1,
      {
        what: 'block alerts',
      },
    );

    // Both reports must have been normalised before the retraction (they are on different
    // partitions, so nothing orders them otherwise).
    const normaliser = node.apps.normaliser!.get(DataSource);
    await waitFor(
      async () =>
        (
          (await normaliser.query(
            'SELECT count(*)::int AS n FROM normaliser.indicator_sightings',
          )) as [{ n: number }]
        )[0].n === 3,
      { what: 'three sightings' },
    );

    // What intake's retraction use case queues (the HTTP endpoint comes with issue 4).
    const intake = node.apps.intake!.get(DataSource);
    const data: ReportRetractedV1 = {
      reportId,
      organisationId: 'th-agency-1',
      country: 'TH',
      reason: 'mistake',
      retractedAt: new Date().toISOString(),
    };
    await intake.transaction((m) =>
      enqueueEvents(m, [
        {
          topic: topicName(node.namespace, 'reports'),
          key: reportId,
          event: newEvent('urn:aseanwgas:node:th', EVENT_TYPES.reportRetracted, data, reportId),
        },
      ]),
    );

    await waitFor(() => alerts('unblock', '+66899000001').length === 1, { what: 'unblock alert' });
    const rows = (await normaliser.query(
      `SELECT canonical, status, report_count FROM normaliser.indicators WHERE canonical IN ('+66899000001', '+66899000002') ORDER BY canonical`,
    )) as { canonical: string; status: string; report_count: number }[];
    expect(rows).toEqual([
      { canonical: '+66899000001', status: 'retracted', report_count: 0 },
      { canonical: '+66899000002', status: 'active', report_count: 1 },
    ]);
    expect(alerts('unblock', '+66899000002')).toHaveLength(0);
  });
});
