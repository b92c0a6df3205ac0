import { Logger } from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { schemaOf } from '@wgas/persistence';
import { createProducer } from '../kafka/kafka-client';
import { MAX_REQUEST_BYTES, sendInRequests } from '../kafka/request-size';
import { outboxChannel } from './outbox-writer';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  kafka: Kafka;
  /**
   * Rows per publish batch, default 2000 (bounded in bytes too, see below): fewer reads
   * and produce requests per event than 500, and at full rate the normaliser's output
   * now drains with its store (0.7 s behind it, not 4 s; ADR 0012).
   */
  batchSize?: number;
  /** Fallback poll interval when no NOTIFY arrives. */
  pollIntervalMs?: number;
  maxBackoffMs?: number;
  /**
   * Bytes (keys, values and headers) per produce request, default 768 KiB: a batch is sent
   * in as many requests as it needs, in order. Kafka refuses a partition's record batch
   * above the topic's `max.message.bytes` (1 MiB by default), and a refused batch would
   * be retried for ever, stalling the whole outbox.
   */
  maxRequestBytes?: number;
  /** Bytes of values read per batch (at least one row is), default 16 MiB. */
  maxReadBytes?: number;
}

interface OutboxRow {
  seq: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  value: Buffer;
}

/**
 * Publishes outbox rows to Kafka in `seq` order and deletes them once acknowledged.
 * At-least-once: a crash between the ack and the delete re-sends, and consumers dedupe
 * by event id.
 *
 * The relay works on a connection of its own, which also LISTENs for the writers' NOTIFY
 * and holds a session advisory lock on the schema's outbox: one relay per schema
 * publishes (per-key order survives several replicas); the others stand by and try for
 * the lock every poll interval, so one takes over when the holder's connection ends.
 * Holding the lock for the session makes a batch one round trip in steady state (delete
 * what was acknowledged and read what is next, in one statement), where a claiming
 * transaction took four (begin, lock, delete-returning, commit).
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly schema: string;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly maxRequestBytes: number;
  private readonly maxReadBytes: number;
  /** The schema's outbox table, quoted; also names the relay lock (by its oid). */
  private readonly table: string;
  private producer: Producer | undefined;
  private client: Client | undefined;
  /** Whether `client` holds the schema's relay lock. */
  private active = false;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private stopWait: (() => void) | undefined;
  private notified = false;
  private connected = false;
  /** Rows Kafka acknowledged that are not deleted yet (deleted with the next read). */
  private acknowledged: string[] = [];
  published = 0;

  constructor(private readonly o: OutboxRelayOptions) {
    this.schema = schemaOf(o.dataSource);
    this.batchSize = o.batchSize ?? 2000;
    this.pollIntervalMs = o.pollIntervalMs ?? 1000;
    this.maxBackoffMs = o.maxBackoffMs ?? 5000;
    this.maxRequestBytes = o.maxRequestBytes ?? MAX_REQUEST_BYTES;
    this.maxReadBytes = o.maxReadBytes ?? 16 * 1024 * 1024;
    this.table = `"${this.schema}"."outbox"`;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopWait?.();
    await this.loop;
    this.loop = undefined;
    if (this.client && this.active && this.acknowledged.length > 0)
      await this.client
        .query(`DELETE FROM ${this.table} WHERE seq = ANY($1::bigint[])`, [this.acknowledged])
        .catch(() => undefined); // else they are sent again: at least once
    this.acknowledged = [];
    await this.disconnect();
    if (this.producer && this.connected) await this.producer.disconnect().catch(() => undefined);
    this.producer = undefined;
    this.connected = false;
  }

  /** Whether this relay holds its schema's lock (is the one publishing). */
  get isActive(): boolean {
    return this.active;
  }

  /** Rows not yet acknowledged by Kafka. */
  async backlog(): Promise<number> {
    const [row] = (await this.o.dataSource.query(
      `SELECT count(*)::int AS n FROM ${this.table}`,
    )) as {
      n: number;
    }[];
    return row?.n ?? 0;
  }

  private async run(): Promise<void> {
    let backoff = 100;
    while (this.running) {
      try {
        const client = await this.connect();
        if (!this.active) {
          // Another relay publishes this schema: stand by and try again later.
          await this.idle(this.pollIntervalMs, false);
          continue;
        }
        // A NOTIFY from now on means rows this read may not see: look again before idling.
        this.notified = false;
        const sent = await this.publishBatch(client);
        backoff = 100;
        // After a publish, read again at once: that deletes what was sent and looks for more.
        if (sent > 0) continue;
        await this.idle(this.pollIntervalMs, true);
      } catch (e) {
        this.logger.warn(`publish failed, retrying in ${backoff} ms: ${(e as Error).message}`);
        await this.dropProducer();
        await this.idle(backoff, false);
        backoff = Math.min(backoff * 2, this.maxBackoffMs);
      }
    }
  }

  /**
   * The relay's own connection: LISTENing, and trying for the schema's lock until it holds
   * it. A broken connection is replaced (its lock went with it, so it is tried for again).
   */
  private async connect(): Promise<Client> {
    if (!this.client) {
      const opts = this.o.dataSource.options as { url?: string };
      const client = new Client({ connectionString: opts.url });
      client.on('notification', () => {
        this.notified = true;
        this.wake?.();
      });
      client.on('error', (e) => {
        this.logger.warn(`relay connection lost: ${e.message}`);
        if (this.client === client) void this.disconnect();
      });
      this.client = client;
      this.active = false;
      this.acknowledged = []; // still in the table: sent again (at least once)
      try {
        await client.connect();
        await client.query(`LISTEN "${outboxChannel(this.schema)}"`);
      } catch (e) {
        await this.disconnect();
        throw e;
      }
    }
    if (!this.active) {
      // Keyed by the outbox table's oid (unique in the database) under a class of its own
      // ('outb'), so no other schema's relay or other advisory lock can share the key.
      const { rows } = await this.client.query<{ ok: boolean }>(
        `SELECT pg_try_advisory_lock((x'6f757462'::bigint << 32) | to_regclass($1)::oid::bigint) AS ok`,
        [this.table],
      );
      this.active = rows[0]?.ok === true;
    }
    return this.client;
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.active = false;
    await client?.end().catch(() => undefined); // ending the session releases the lock
  }

  /**
   * Waits `ms`, or less if stopped, or (when `wakeable`) until a NOTIFY arrives; one that
   * arrived while the last batch was being published ends the wait at once.
   */
  private idle(ms: number, wakeable: boolean): Promise<void> {
    if (!this.running || (wakeable && this.notified)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = wakeable ? done : undefined;
      this.stopWait = done;
    });
  }

  private async ensureProducer(): Promise<Producer> {
    if (!this.producer) this.producer = createProducer(this.o.kafka);
    if (!this.connected) {
      await this.producer.connect();
      this.connected = true;
    }
    return this.producer;
  }

  private async dropProducer(): Promise<void> {
    const p = this.producer;
    this.producer = undefined;
    this.connected = false;
    await p?.disconnect().catch(() => undefined);
  }

  /**
   * Deletes the rows Kafka acknowledged last time and reads the next batch, in one
   * statement (the delete's effect is not visible to the same statement's read, hence the
   * `<> ALL`); publishes the batch and returns its size.
   */
  private async publishBatch(client: Client): Promise<number> {
    const done = this.acknowledged;
    // The next rows in seq order, up to batchSize rows or maxReadBytes of values (at least
    // one row): memory stays bounded when events are large.
    // (the window runs over the limited rows, not over the whole backlog)
    const next = (where: string) =>
      `SELECT seq, topic, message_key, headers, value FROM (
         SELECT *, sum(octet_length(value)) OVER (ORDER BY seq) - octet_length(value) AS before
           FROM (SELECT seq, topic, message_key, headers, value FROM ${this.table} ${where}
                  ORDER BY seq LIMIT $1) l) b
        WHERE before < $2 ORDER BY seq`;
    const { rows } =
      done.length === 0
        ? await client.query<OutboxRow>(next(''), [this.batchSize, this.maxReadBytes])
        : await client.query<OutboxRow>(
            `WITH gone AS (DELETE FROM ${this.table} WHERE seq = ANY($3::bigint[])) ${next(
              'WHERE seq <> ALL($3::bigint[])',
            )}`,
            [this.batchSize, this.maxReadBytes, done],
          );
    this.acknowledged = [];
    if (rows.length === 0) return 0;
    const producer = await this.ensureProducer();
    const messages = rows.map((r) => ({
      topic: r.topic,
      message: { key: r.message_key, value: r.value, headers: r.headers },
    }));
    await sendInRequests(producer, messages, this.maxRequestBytes);
    this.acknowledged = rows.map((r) => r.seq);
    this.published += rows.length;
    return rows.length;
  }
}
