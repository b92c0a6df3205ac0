import type { Kafka, Producer } from 'kafkajs';
import { toKafkaMessage } from '@wgas/contracts';
import type { OutgoingEvent } from '../outbox/outbox-writer';
import { createProducer } from './kafka-client';
import { sendInRequests } from './request-size';

/**
 * Publishes events straight to Kafka (idempotent producer, acks from all replicas), in
 * requests of at most MAX_REQUEST_BYTES. Only for a handler whose events carry ids derived
 * from what it consumed, published before its transaction commits: if the commit fails,
 * the redelivered input publishes the same ids again and the consumers' inboxes drop the
 * copy (ADR 0015). Everything else goes through the outbox.
 */
export class EventPublisher {
  private producer?: Promise<Producer>;

  constructor(private readonly kafka: Kafka) {}

  async publish(events: OutgoingEvent[]): Promise<void> {
    if (events.length === 0) return;
    const messages = events.map(({ topic, key, event }) => {
      const m = toKafkaMessage(event, key);
      return { topic, message: { key: m.key, value: m.value, headers: m.headers } };
    });
    await sendInRequests(await this.connected(), messages);
  }

  async onApplicationShutdown(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    if (producer) await (await producer.catch(() => undefined))?.disconnect();
  }

  private connected(): Promise<Producer> {
    if (!this.producer) {
      const producer = createProducer(this.kafka);
      const connected = producer.connect().then(() => producer);
      this.producer = connected;
      // a failed connect is tried again by the next publish
      connected.catch(() => {
        if (this.producer === connected) this.producer = undefined;
      });
    }
    return this.producer;
  }
}
