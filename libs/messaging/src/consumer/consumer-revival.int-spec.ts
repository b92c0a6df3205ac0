import { randomBytes } from 'node:crypto';
import { Controller, Module } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EachBatchPayload } from 'kafkajs';
import { toKafkaMessage, type CloudEvent } from '@wgas/contracts';
import { waitFor } from '@wgas/testing';
import { newEvent } from '../outbox/outbox-writer';
import { CloudEventsKafkaServer } from './cloud-events-kafka.server';
import { startConsumerFixture, type ConsumerFixture } from './consumer-fixture';

const seen: string[] = [];

@Controller()
class PingConsumer {
  @EventPattern('pings.v1')
  onPing(@Payload() event: CloudEvent): void {
    seen.push((event.data as { name: string }).name);
  }
}

@Module({ controllers: [PingConsumer] })
class PingModule {}

/**
 * Fails the next batch the way kafkajs will not restart from: an error marked not
 * retriable, as a broker's UNKNOWN_MEMBER_ID or REBALANCE_IN_PROGRESS is while it recovers.
 */
class FailingOnceServer extends CloudEventsKafkaServer {
  failNext = false;

  protected override handleBatch(payload: EachBatchPayload): Promise<void> {
    if (!this.failNext) return super.handleBatch(payload);
    this.failNext = false;
    return Promise.reject(
      Object.assign(new Error('the group is rebalancing'), { retriable: false }),
    );
  }
}

describe('CloudEventsKafkaServer when kafkajs gives up on its consumer, against real Kafka', () => {
  const namespace = `t${randomBytes(5).toString('hex')}`;
  const topic = `${namespace}.pings.v1`;
  let fixture: ConsumerFixture;
  let server: FailingOnceServer;

  beforeAll(async () => {
    fixture = await startConsumerFixture({
      namespace,
      schema: 'revivaltest',
      topics: [topic],
      module: PingModule,
      server: (kafka, dataSource) =>
        (server = new FailingOnceServer({
          kafka,
          groupId: `${namespace}.pings`,
          namespace,
          dataSource,
        })),
    });
  });

  afterAll(async () => {
    await fixture?.close();
  });

  const send = (name: string) =>
    fixture.producer.send({
      topic,
      acks: -1,
      messages: [toKafkaMessage(newEvent('urn:test', 'org.test.ping.v1', { name }), 'k')],
    });

  it('starts the consumer again, and the batch it stopped on is applied', async () => {
    await send('before');
    await waitFor(() => seen.includes('before'), { what: 'the first event' });

    server.failNext = true;
    await send('stopped-on');
    await waitFor(() => seen.includes('stopped-on'), {
      what: 'the event of the failed batch, after the consumer was started again',
      timeoutMs: 30_000,
    });
    expect(server.revivals).toBe(1);
    expect(server.failNext).toBe(false);

    await send('after');
    await waitFor(() => seen.includes('after'), { what: 'an event after the revival' });
    expect(seen.filter((n) => n === 'stopped-on')).toHaveLength(1);
  });
});
