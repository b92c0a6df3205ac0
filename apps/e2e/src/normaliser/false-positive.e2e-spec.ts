import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  ALERT_ACTION_V1,
  EVENT_TYPES,
  INDICATOR_FALSE_POSITIVE_V1,
  topicName,
  type AlertActionV1,
  type IndicatorFalsePositiveV1,
  type IndicatorUpsertedV1,
  type Role,
} from '@wgas/contracts';
import { newEvent } from '@wgas/messaging';
import { waitFor } from '@wgas/testing';
import { startTestNode, type TestNode } from '../test-node';
import { reportSubmitted, TopicTap } from './report-events';

/**
 * Subscribers' false-positive actions against the normaliser, on real Kafka and Postgres:
 * each organisation counts once and lowers confidence; one telco's word alone does not
 * confirm, a second organisation's or a local agency's does (ADR 0009).
 */
describe('normaliser: false-positive feedback from <ns>.actions.v1', () => {
  let node: TestNode;
  let tap: TopicTap;
  let db: DataSource;
  let indicatorsTopic: string;
  let actionsTopic: string;

  beforeAll(async () => {
    node = await startTestNode({ services: ['normaliser'] });
    db = node.apps.normaliser!.get(DataSource);
    tap = new TopicTap(node.namespace);
    indicatorsTopic = topicName(node.namespace, 'indicators');
    actionsTopic = topicName(node.namespace, 'actions');
    await tap.record(indicatorsTopic);
  });

  afterAll(async () => {
    await tap?.close();
    await node?.close();
  });

  async function reported(value: string, canonical: string): Promise<IndicatorUpsertedV1> {
    await tap.publish([reportSubmitted([value])]);
    return waitFor(
      () =>
        tap.events<IndicatorUpsertedV1>(
          indicatorsTopic,
          EVENT_TYPES.indicatorUpserted,
          (d) => d.canonical === canonical,
        )[0],
      { what: `indicator ${canonical}` },
    );
  }

  async function falsePositive(
    i: IndicatorUpsertedV1,
    organisationId: string,
    role: Role,
    node = 'th',
  ): Promise<void> {
    const data: AlertActionV1 = {
      actionId: randomUUID(),
      alertId: randomUUID(),
      indicatorId: i.indicatorId,
      indicatorType: i.type,
      canonical: i.canonical,
      action: 'false_positive',
      organisationId,
      role,
      country: 'TH',
      node,
      actedAt: new Date().toISOString(),
    };
    const event = newEvent('urn:aseanwgas:node:th', ALERT_ACTION_V1, data, i.indicatorId);
    await tap.publish([event], actionsTopic);
  }

  const verdicts = (indicatorId: string) =>
    tap.events<IndicatorFalsePositiveV1>(
      indicatorsTopic,
      INDICATOR_FALSE_POSITIVE_V1,
      (d) => d.indicatorId === indicatorId,
    );
  const row = async (id: string) =>
    (
      (await db.query(
        'SELECT status, confidence, false_positive_count FROM normaliser.indicators WHERE id = $1',
        [id],
      )) as { status: string; confidence: number; false_positive_count: number }[]
    )[0];

  it('counts each organisation once and confirms at the second independent one', async () => {
    const i = await reported('081-555-0101', '+66815550101');
    expect(i.confidence).toBe(0.5);

    await falsePositive(i, 'th-telco-1', 'telco');
    await waitFor(() => verdicts(i.indicatorId).length === 1, { what: 'first verdict' });
    expect(verdicts(i.indicatorId)[0]).toMatchObject({
      falsePositiveReports: 1,
      confidence: 0.25,
      status: 'active',
    });
    expect(verdicts(i.indicatorId)[0]!.confirmedBy).toBeUndefined();
    expect(await row(i.indicatorId)).toEqual({
      status: 'active',
      confidence: 0.25,
      false_positive_count: 1,
    });

    // the same telco again changes nothing; a bank makes two independent organisations
    await falsePositive(i, 'th-telco-1', 'telco');
    await falsePositive(i, 'th-bank-1', 'bank');
    await waitFor(() => verdicts(i.indicatorId).length === 2, { what: 'second verdict' });
    expect(verdicts(i.indicatorId)[1]).toMatchObject({
      falsePositiveReports: 2,
      confidence: 0.125,
      status: 'false_positive',
      confirmedBy: 'false-positive:2-independent-organisations',
    });
    expect(await row(i.indicatorId)).toMatchObject({
      status: 'false_positive',
      false_positive_count: 2,
    });

    // a new report does not revive a confirmed false positive
    await tap.publish([reportSubmitted(['+66 81 555 0101'], { country: 'MY' })]);
    await waitFor(
      () =>
        tap.events<IndicatorUpsertedV1>(
          indicatorsTopic,
          EVENT_TYPES.indicatorUpserted,
          (d) => d.indicatorId === i.indicatorId,
        ).length === 2,
      { what: 'update for the new report' },
    );
    expect((await row(i.indicatorId))!.status).toBe('false_positive');
  });

  it('confirms at once when a local agency says so, but not when a peer node does', async () => {
    const local = await reported('081-555-0202', '+66815550202');
    await falsePositive(local, 'th-agency-2', 'agency');
    await waitFor(() => verdicts(local.indicatorId).length === 1, { what: 'agency verdict' });
    expect(verdicts(local.indicatorId)[0]).toMatchObject({
      status: 'false_positive',
      confirmedBy: 'false-positive:agency-of-th',
    });

    const foreign = await reported('081-555-0303', '+66815550303');
    await falsePositive(foreign, 'node:my', 'agency', 'my');
    await waitFor(() => verdicts(foreign.indicatorId).length === 1, { what: 'peer verdict' });
    expect(verdicts(foreign.indicatorId)[0]).toMatchObject({
      falsePositiveReports: 1,
      status: 'active',
    });
  });

  it('ignores other actions and indicators it does not hold', async () => {
    const i = await reported('081-555-0404', '+66815550404');
    const blocked = {
      actionId: randomUUID(),
      alertId: randomUUID(),
      indicatorId: i.indicatorId,
      indicatorType: i.type,
      canonical: i.canonical,
      action: 'blocked',
      organisationId: 'th-telco-1',
      role: 'telco',
      country: 'TH',
      node: 'th',
      actedAt: new Date().toISOString(),
    } satisfies AlertActionV1;
    const unknown = {
      ...blocked,
      actionId: randomUUID(),
      indicatorId: 'v1:unknown',
      action: 'false_positive' as const,
    };
    await tap.publish(
      [blocked, unknown].map((d) =>
        newEvent('urn:aseanwgas:node:th', ALERT_ACTION_V1, d, d.indicatorId),
      ),
      actionsTopic,
    );
    // then one that does count, to know the two before it have been consumed
    await falsePositive(i, 'th-telco-9', 'telco');
    await waitFor(() => verdicts(i.indicatorId).length === 1, { what: 'verdict' });
    expect(verdicts(i.indicatorId)[0]!.falsePositiveReports).toBe(1);
    const [{ n }] = (await db.query(
      `SELECT count(*)::int AS n FROM normaliser.false_positive_reports WHERE indicator_id = 'v1:unknown'`,
    )) as [{ n: number }];
    expect(n).toBe(0);
  });
});
