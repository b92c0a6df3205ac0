import { randomUUID } from 'node:crypto';
import type { Consumer, IHeaders, Kafka, Producer } from 'kafkajs';
import {
  EVENT_TYPES,
  fromKafkaMessage,
  toKafkaMessage,
  topicName,
  type CloudEvent,
  type MemberCountry,
  type ReportRetractedV1,
  type ReportSubmittedV1,
  type Tlp,
} from '@wgas/contracts';
import { createKafka, createProducer, ensureTopics, newEvent } from '@wgas/messaging';

export interface ReportOptions {
  country?: MemberCountry;
  organisationId?: string;
  tlp?: Tlp;
  typology?: ReportSubmittedV1['typology'];
  submittedAt?: Date;
}

/** A `report.submitted` event as intake would publish it, naming `values` (phones unless hinted). */
export function reportSubmitted(
  values: (string | { value: string; typeHint?: string })[],
  o: ReportOptions = {},
): CloudEvent<ReportSubmittedV1> {
  const country = o.country ?? 'TH';
  const data: ReportSubmittedV1 = {
    reportId: randomUUID(),
    organisationId: o.organisationId ?? `${country.toLowerCase()}-agency-1`,
    country,
    typology: o.typology ?? 'impersonation',
    tlp: o.tlp ?? 'GREEN',
    submittedAt: (o.submittedAt ?? new Date()).toISOString(),
    indicators: values.map((v) => {
      const { value, typeHint } = typeof v === 'string' ? { value: v, typeHint: 'phone' } : v;
      return { rawIndicatorId: randomUUID(), value, ...(typeHint ? { typeHint } : {}) };
    }),
  };
  return newEvent(`urn:aseanwgas:node:${country.toLowerCase()}`, EVENT_TYPES.reportSubmitted, data);
}

export function reportRetracted(report: ReportSubmittedV1): CloudEvent<ReportRetractedV1> {
  const data: ReportRetractedV1 = {
    reportId: report.reportId,
    organisationId: report.organisationId,
    country: report.country,
    reason: 'mistake',
    retractedAt: new Date().toISOString(),
  };
  return newEvent('urn:aseanwgas:node:th', EVENT_TYPES.reportRetracted, data, report.reportId);
}

export interface RecordedMessage {
  key: string;
  headers: Record<string, string>;
  event: CloudEvent | undefined;
  raw: Buffer | null;
}

/** Publishes straight to a node's topics and records what appears on them. */
export class TopicTap {
  readonly kafka: Kafka;
  private producer: Producer | undefined;
  private readonly consumers: Consumer[] = [];
  private readonly seen = new Map<string, RecordedMessage[]>();

  constructor(readonly namespace: string) {
    this.kafka = createKafka({
      brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
      clientId: `tap-${namespace}`,
    });
  }

  get reportsTopic(): string {
    return topicName(this.namespace, 'reports');
  }

  async publish(events: CloudEvent<unknown>[], topic = this.reportsTopic): Promise<void> {
    await this.send(
      topic,
      events.map((e) => {
        const data = e.data as { reportId?: string };
        const m = toKafkaMessage(e, data.reportId ?? e.id);
        return { key: m.key, value: m.value, headers: m.headers };
      }),
    );
  }

  async send(
    topic: string,
    messages: { key: string; value: Buffer | string; headers?: IHeaders }[],
  ): Promise<void> {
    if (!this.producer) {
      this.producer = createProducer(this.kafka);
      await this.producer.connect();
    }
    await this.producer.send({ topic, acks: -1, messages });
  }

  /** Starts recording `topic` from its beginning. */
  async record(topic: string): Promise<void> {
    await ensureTopics(this.kafka, [topic]); // the app creates its topics in the background
    const consumer = this.kafka.consumer({ groupId: `tap-${randomUUID()}`, maxWaitTimeInMs: 50 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    this.seen.set(topic, []);
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {}))
          if (v !== undefined) headers[k] = Buffer.isBuffer(v) ? v.toString() : String(v);
        let event: CloudEvent | undefined;
        try {
          event = fromKafkaMessage(message.value, message.headers);
        } catch {
          event = undefined;
        }
        this.seen.get(topic)!.push({
          key: message.key?.toString() ?? '',
          headers,
          event,
          raw: message.value,
        });
      },
    });
    this.consumers.push(consumer);
  }

  messages(topic: string): RecordedMessage[] {
    return this.seen.get(topic) ?? [];
  }

  events<T>(topic: string, type: string, filter: (data: T) => boolean = () => true): T[] {
    return this.messages(topic)
      .filter((m) => m.event?.type === type)
      .map((m) => m.event!.data as T)
      .filter(filter);
  }

  async close(): Promise<void> {
    for (const c of this.consumers) await c.disconnect().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
  }
}
