import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { toKafkaMessage, type CloudEvent } from '@wgas/contracts';
import { schemaOf } from '@wgas/persistence';
import { OutboxMessage } from './outbox-message.entity';

export interface OutgoingEvent<T = unknown> {
  topic: string;
  key: string;
  event: CloudEvent<T>;
}

export function outboxChannel(schema: string): string {
  return `wgas_outbox_${schema}`;
}

export function newEvent<T>(
  source: string,
  type: string,
  data: T,
  subject?: string,
): CloudEvent<T> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source,
    type,
    time: new Date().toISOString(),
    ...(subject !== undefined ? { subject } : {}),
    datacontenttype: 'application/json',
    data,
  };
}

/**
 * Adds events to the outbox inside the caller's transaction, and wakes the relay
 * (NOTIFY is delivered only if the transaction commits).
 */
export async function enqueueEvents(
  manager: EntityManager,
  events: OutgoingEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map(({ topic, key, event }) => {
    const m = toKafkaMessage(event, key);
    return { eventId: event.id, topic, messageKey: m.key, headers: m.headers, value: m.value };
  });
  for (let i = 0; i < rows.length; i += 1000) {
    await manager.insert(OutboxMessage, rows.slice(i, i + 1000));
  }
  const schema = schemaOf(manager.connection);
  await manager.query('SELECT pg_notify($1, $2)', [outboxChannel(schema), '']);
}
