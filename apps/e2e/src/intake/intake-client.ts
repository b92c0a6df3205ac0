import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { waitFor } from '@wgas/testing';

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  contentType: string;
  headers: Headers;
  body: T;
}

/** A tiny HTTP client for intake tests: JSON in, parsed JSON (or text) out. */
export function intakeClient(baseUrl: string, key?: string) {
  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined
        ? {
            body:
              typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
          }
        : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON; tests look at the text
    }
    return {
      status: res.status,
      contentType: res.headers.get('content-type') ?? '',
      headers: res.headers,
      body: parsed as T,
    };
  }
  return {
    get: <T = Record<string, unknown>>(path: string) => call<T>('GET', path),
    post: <T = Record<string, unknown>>(
      path: string,
      body?: unknown,
      headers?: Record<string, string>,
    ) => call<T>('POST', path, body, headers),
    raw: call,
  };
}

/** A valid report body; override any field. */
export function reportBody(o: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    typology: 'investment',
    tlp: 'GREEN',
    channel: 'messaging_app',
    occurredAt: '2025-01-15T10:00:00Z',
    lossAmount: '25000.00',
    lossCurrency: 'THB',
    narrative: 'Victim was added to a fake stock group',
    indicators: [{ value: '081-234-5678', type: 'phone' }],
    ...o,
  };
}

export interface TopicRecord {
  key: string;
  type: string;
  data: Record<string, unknown>;
}

/** Reads `topic` from the start until `done` says enough, then returns what it saw. */
export async function readTopic(
  topic: string,
  done: (seen: TopicRecord[]) => boolean,
  timeoutMs = 60_000,
): Promise<TopicRecord[]> {
  const kafka = new Kafka({
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    clientId: 'intake-test-reader',
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}`, maxWaitTimeInMs: 100 });
  const seen: TopicRecord[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const m of batch.messages) {
        seen.push({
          key: m.key?.toString() ?? '',
          type: m.headers?.ce_type?.toString() ?? '',
          data: JSON.parse(m.value?.toString() ?? 'null') as Record<string, unknown>,
        });
      }
    },
  });
  try {
    await waitFor(() => done(seen), { what: `records on ${topic}`, timeoutMs, intervalMs: 200 });
    return seen;
  } finally {
    await consumer.disconnect();
  }
}
