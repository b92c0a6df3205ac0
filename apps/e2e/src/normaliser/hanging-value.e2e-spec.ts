import { join } from 'node:path';
import {
  EVENT_TYPES,
  deadLetterTopic,
  toKafkaMessage,
  topicName,
  type IndicatorUpsertedV1,
} from '@wgas/contracts';
import { NormaliserThread } from '@wgas/normaliser';
import { waitFor } from '@wgas/testing';
import { startTestNode, type TestNode } from '../test-node';
import { reportSubmitted, TopicTap } from './report-events';

/**
 * A raw value that sends a normalisation rule into a loop (ADR 0024): against real Kafka
 * and Postgres, its report is dead-lettered once the normaliser thread's time runs out, and
 * the next report on the same partition is still stored and announced.
 */
describe('normaliser: a value that hangs the normaliser thread', () => {
  let node: TestNode;
  let tap: TopicTap;
  let indicatorsTopic: string;

  beforeAll(async () => {
    node = await startTestNode({
      services: ['normaliser'],
      env: { NORMALISE_TIMEOUT_MS: '2000' },
    });
    tap = new TopicTap(node.namespace);
    indicatorsTopic = topicName(node.namespace, 'indicators');
    await tap.record(indicatorsTopic);
    await tap.record(deadLetterTopic(tap.reportsTopic));
    // The service's own thread, from now on started from an entry that never answers a
    // batch holding the value 'hang' (none of the real rules is known to loop).
    const thread = node.apps.normaliser!.get(NormaliserThread);
    const fixture = join(__dirname, '../../../normaliser/src/indicators/__fixtures__');
    Object.defineProperty(thread, 'entry', {
      value: () => join(fixture, 'hanging-normalise.worker.ts'),
    });
    await (thread as unknown as { worker?: { terminate(): Promise<number> } }).worker?.terminate();
  });

  afterAll(async () => {
    await tap?.close();
    await node?.close();
  });

  it('dead-letters the report and still processes the next one on the partition', async () => {
    const key = 'hanging-partition-key';
    const hanging = toKafkaMessage(reportSubmitted(['hang']), key);
    const next = toKafkaMessage(reportSubmitted(['0815550001']), key);
    await tap.send(tap.reportsTopic, [
      { key, value: hanging.value, headers: hanging.headers },
      { key, value: next.value, headers: next.headers },
    ]);

    const announced = () =>
      tap.events<IndicatorUpsertedV1>(
        indicatorsTopic,
        EVENT_TYPES.indicatorUpserted,
        (d) => d.canonical === '+66815550001',
      );
    await waitFor(() => announced().length === 1, { what: 'the next report', timeoutMs: 90_000 });
    const [dead] = await waitFor(
      () => {
        const m = tap.messages(deadLetterTopic(tap.reportsTopic));
        return m.length >= 1 ? m : undefined;
      },
      { what: 'the dead letter' },
    );
    expect(dead!.headers['dlq_reason']).toBe('NormaliseTimeoutError');
    expect(dead!.headers['dlq_error']).toMatch(/took over 2000 ms/);
    expect(dead!.raw?.toString()).toBe(hanging.value.toString());
    expect(tap.messages(deadLetterTopic(tap.reportsTopic))).toHaveLength(1);
  });
});
