import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { v7 as uuidV7 } from 'uuid';
import type { EntityManager, QueryRunner } from 'typeorm';
import { toKafkaMessage, type CloudEvent } from '@wgas/contracts';
import { schemaOf } from '@wgas/persistence';
import {
  COPY_BINARY_HEADER,
  COPY_BINARY_TRAILER,
  encodeCopyRows,
  type CopyField,
} from './copy-binary';

export interface OutgoingEvent<T = unknown> {
  topic: string;
  key: string;
  event: CloudEvent<T>;
}

export function outboxChannel(schema: string): string {
  return `wgas_outbox_${schema}`;
}

/**
 * A new CloudEvent. Its id is a UUIDv7 (RFC 9562): unique, and ordered by creation time,
 * so every consumer's inbox (and the exchange's replay table) appends to the right end of
 * its primary key instead of writing a random page of it; at a million rows those indexes
 * no longer fit in Postgres's buffers and random inserts cost a page read each. A caller
 * whose events must keep their id when made again (ADR 0015) passes its own `id`.
 */
export function newEvent<T>(
  source: string,
  type: string,
  data: T,
  subject?: string,
  id: string = uuidV7(),
): CloudEvent<T> {
  return {
    specversion: '1.0',
    id,
    source,
    type,
    time: new Date().toISOString(),
    ...(subject !== undefined ? { subject } : {}),
    datacontenttype: 'application/json',
    data,
  };
}

/** From this many events in one transaction the rows go in with COPY. */
export const COPY_MIN_EVENTS = 100;

/**
 * Adds events to the outbox inside the caller's transaction, and wakes the relay
 * (NOTIFY is delivered only if the transaction commits).
 * - A large batch inside a transaction goes in with COPY (pg-copy-streams) on the
 *   transaction's own connection, in the binary format (./copy-binary). At bulk rates it
 *   cost the database about half what an INSERT ... SELECT FROM unnest did, and Node a
 *   third of the CPU (no array-literal escaping of every value); the binary format also
 *   spares the hex encoding and escaping the text format needed.
 * - A small one (a single report, a low-rate consumer batch) is one INSERT ... unnest
 *   that also sends the NOTIFY: one round trip where COPY and the NOTIFY take three.
 *   Round trips, not encoding, are what a small batch costs.
 */
export async function enqueueEvents(
  manager: EntityManager,
  events: OutgoingEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const schema = schemaOf(manager.connection);
  const client = events.length >= COPY_MIN_EVENTS ? transactionClient(manager) : undefined;
  if (client) {
    await copyRows(client, schema, events);
    await manager.query('SELECT pg_notify($1, $2)', [outboxChannel(schema), '']);
  } else {
    await insertRows(manager, schema, events);
  }
}

const OUTBOX_COLUMNS = '(event_id, topic, message_key, headers, value)';

/** The pg client of the manager's open transaction, if it has one. */
function transactionClient(manager: EntityManager): PoolClient | undefined {
  const runner = manager.queryRunner as
    (QueryRunner & { databaseConnection?: unknown }) | undefined;
  if (!runner?.isTransactionActive) return undefined;
  const connection = runner.databaseConnection as PoolClient | undefined;
  return typeof connection?.query === 'function' ? connection : undefined;
}

async function copyRows(client: PoolClient, schema: string, events: OutgoingEvent[]) {
  const stream = client.query(
    copyFrom(`COPY "${schema}"."outbox" ${OUTBOX_COLUMNS} FROM STDIN (FORMAT binary)`),
  );
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  stream.write(COPY_BINARY_HEADER);
  // Rows of about 1 kB: a buffer per thousand, so a 100k-event batch is not one huge buffer.
  for (let i = 0; i < events.length; i += 1000) {
    const rows = events.slice(i, i + 1000).map(({ topic, key, event }): CopyField[] => {
      const m = toKafkaMessage(event, key);
      return [event.id, topic, m.key, { jsonb: JSON.stringify(m.headers) }, m.value];
    });
    if (!stream.write(encodeCopyRows(rows))) await new Promise((r) => stream.once('drain', r));
  }
  stream.end(COPY_BINARY_TRAILER);
  await done;
}

/**
 * One array-parameter statement per 5,000 rows, each also sending the NOTIFY (a
 * data-modifying CTE always runs to completion, whatever the outer SELECT reads).
 */
async function insertRows(manager: EntityManager, schema: string, events: OutgoingEvent[]) {
  for (let i = 0; i < events.length; i += 5000) {
    const chunk = events.slice(i, i + 5000).map(({ topic, key, event }) => ({
      topic,
      id: event.id,
      m: toKafkaMessage(event, key),
    }));
    await manager.query(
      `WITH written AS (
         INSERT INTO "${schema}"."outbox" ${OUTBOX_COLUMNS}
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::bytea[]))
       SELECT pg_notify($6, '')`,
      [
        chunk.map((c) => c.id),
        chunk.map((c) => c.topic),
        chunk.map((c) => c.m.key),
        chunk.map((c) => JSON.stringify(c.m.headers)),
        chunk.map((c) => c.m.value),
        outboxChannel(schema),
      ],
    );
  }
}
