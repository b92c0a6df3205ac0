import { Logger } from '@nestjs/common';
import type { Kafka, Message, Producer } from 'kafkajs';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { queryRows, schemaOf } from '@wgas/persistence';
import { createProducer } from '../kafka/kafka-client';
import { outboxChannel } from './outbox-writer';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  kafka: Kafka;
  /** Rows per publish batch. */
  batchSize?: number;
  /** Fallback poll interval when no NOTIFY arrives. */
  pollIntervalMs?: number;
  maxBackoffMs?: number;
}

interface OutboxRow {
  seq: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  value: Buffer;
}

/**
 * Publishes outbox rows to Kafka in commit order and deletes them once acknowledged.
 * At-least-once: a crash between the ack and the delete re-sends, and consumers dedupe
 * by event id. A transaction-scoped advisory lock keeps one relay per schema publishing
 * at a time, so per-key order survives several replicas.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly schema: string;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxBackoffMs: number;
  private producer: Producer | undefined;
  private listener: Client | undefined;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private stopWait: (() => void) | undefined;
  private notified = false;
  private connected = false;
  published = 0;

  constructor(private readonly o: OutboxRelayOptions) {
    this.schema = schemaOf(o.dataSource);
    this.batchSize = o.batchSize ?? 500;
    this.pollIntervalMs = o.pollIntervalMs ?? 1000;
    this.maxBackoffMs = o.maxBackoffMs ?? 5000;
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
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
    if (this.producer && this.connected) await this.producer.disconnect().catch(() => undefined);
    this.producer = undefined;
    this.connected = false;
  }

  /** Rows not yet acknowledged by Kafka. */
  async backlog(): Promise<number> {
    const [row] = (await this.o.dataSource.query(
      `SELECT count(*)::int AS n FROM "${this.schema}"."outbox"`,
    )) as {
      n: number;
    }[];
    return row?.n ?? 0;
  }

  private async run(): Promise<void> {
    await this.listen();
    let backoff = 100;
    while (this.running) {
      try {
        // A NOTIFY from now on means rows this batch may not see: look again before idling.
        this.notified = false;
        const sent = await this.publishBatch();
        backoff = 100;
        if (sent === this.batchSize) continue;
        await this.idle(this.pollIntervalMs, true);
      } catch (e) {
        this.logger.warn(`publish failed, retrying in ${backoff} ms: ${(e as Error).message}`);
        await this.dropProducer();
        await this.idle(backoff, false);
        backoff = Math.min(backoff * 2, this.maxBackoffMs);
      }
    }
  }

  private async listen(): Promise<void> {
    const opts = this.o.dataSource.options as { url?: string };
    try {
      const client = new Client({ connectionString: opts.url });
      client.on('notification', () => {
        this.notified = true;
        this.wake?.();
      });
      client.on('error', () => undefined);
      await client.connect();
      await client.query(`LISTEN "${outboxChannel(this.schema)}"`);
      this.listener = client;
    } catch (e) {
      this.logger.warn(`LISTEN unavailable, polling only: ${(e as Error).message}`);
    }
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

  private async publishBatch(): Promise<number> {
    return this.o.dataSource.transaction(async (m) => {
      const [lock] = (await m.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS ok', [
        `outbox:${this.schema}`,
      ])) as { ok: boolean }[];
      if (!lock?.ok) return 0;
      // Claim and remove in one statement (one index pass); the transaction rolls back if
      // Kafka does not acknowledge, so the rows come back.
      const rows = (
        await queryRows<OutboxRow>(
          m,
          `DELETE FROM "${this.schema}"."outbox" WHERE seq IN
             (SELECT seq FROM "${this.schema}"."outbox" ORDER BY seq LIMIT $1)
           RETURNING seq, topic, message_key, headers, value`,
          [this.batchSize],
        )
      ).sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
      if (rows.length === 0) return 0;
      const producer = await this.ensureProducer();
      const byTopic = new Map<string, Message[]>();
      for (const r of rows) {
        const list = byTopic.get(r.topic) ?? [];
        list.push({ key: r.message_key, value: r.value, headers: r.headers });
        byTopic.set(r.topic, list);
      }
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
      this.published += rows.length;
      return rows.length;
    });
  }
}
