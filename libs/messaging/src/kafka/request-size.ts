import type { Message, Producer } from 'kafkajs';

/** Kafka's own framing per record, over its key, value and headers (an upper estimate). */
const RECORD_OVERHEAD_BYTES = 64;

/**
 * Bytes of keys, values and headers per produce request, default for the outbox relay and
 * the dead-letter path. Kafka refuses a partition's record batch above the topic's
 * `max.message.bytes` (1 MiB by default), and a refused request retried for ever stalls
 * whatever waits behind it.
 */
export const MAX_REQUEST_BYTES = 768 * 1024;

/** What a record costs in a produce request, roughly: key, value, headers and framing. */
export function messageBytes(m: Pick<Message, 'key' | 'value' | 'headers'>): number {
  let n = RECORD_OVERHEAD_BYTES + bytesOf(m.key) + bytesOf(m.value);
  for (const [k, v] of Object.entries(m.headers ?? {})) {
    n += Buffer.byteLength(k);
    for (const part of Array.isArray(v) ? v : [v]) n += bytesOf(part);
  }
  return n;
}

function bytesOf(v: Buffer | string | null | undefined): number {
  if (v === null || v === undefined) return 0;
  return typeof v === 'string' ? Buffer.byteLength(v) : v.length;
}

/**
 * Consecutive runs of `items` of at most `maxBytes` each, in order. An item larger than
 * that goes alone: whether Kafka takes it is then up to the topic's `max.message.bytes`.
 */
export function chunkBySize<T>(items: T[], sizeOf: (item: T) => number, maxBytes: number): T[][] {
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (chunk.length > 0 && bytes + size > maxBytes) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(item);
    bytes += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** `sendBatch` payloads for topic-addressed messages, each request at most `maxBytes`. */
export function produceRequests(
  messages: { topic: string; message: Message }[],
  maxBytes = MAX_REQUEST_BYTES,
): { topic: string; messages: Message[] }[][] {
  return chunkBySize(messages, (m) => messageBytes(m.message), maxBytes).map((chunk) => {
    const byTopic = new Map<string, Message[]>();
    for (const { topic, message } of chunk) {
      const list = byTopic.get(topic);
      if (list) list.push(message);
      else byTopic.set(topic, [message]);
    }
    return [...byTopic].map(([topic, list]) => ({ topic, messages: list }));
  });
}

/**
 * Sends `messages` in order, in produce requests of at most `maxBytes` each, acknowledged
 * by all in-sync replicas: the one way the relay, the dead-letter path and EventPublisher
 * write to Kafka.
 */
export async function sendInRequests(
  producer: Producer,
  messages: { topic: string; message: Message }[],
  maxBytes = MAX_REQUEST_BYTES,
): Promise<void> {
  for (const topicMessages of produceRequests(messages, maxBytes))
    await producer.sendBatch({ acks: -1, topicMessages });
}
