import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Message, Producer } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import type { DataSource, EntityManager } from 'typeorm';
import { fromKafkaMessage, type CloudEvent } from '@wgas/contracts';
import { schemaOf } from '@wgas/persistence';
import { createProducer, ensureTopics } from '../kafka/kafka-client';
import { sendInRequests } from '../kafka/request-size';
import { deadLetterMessage } from './dead-letter';
import { NON_RETRYABLE_ERRORS, type BatchEventContext, type EventContext } from './event-context';
import { ConsumerMetrics } from './consumer-metrics';

export interface CloudEventsServerOptions {
  kafka: Kafka;
  /** Consumer group, also the inbox's consumer name. */
  groupId: string;
  /** Topic namespace: `@EventPattern('reports.v1')` consumes `<namespace>.reports.v1`. */
  namespace: string;
  dataSource: DataSource;
  /** Patterns bound to explicit topics instead of `<namespace>.<pattern>` (e.g. peers' topics). */
  topics?: Record<string, string[]>;
  /** Partitions whose batches are applied at the same time (kafkajs), default 3. */
  partitionsConsumedConcurrently?: number;
  /**
   * How long the broker holds an empty fetch, default 1000 ms. Not a latency bound: with
   * minBytes 1 a fetch returns as soon as any assigned partition has a record. A short
   * wait only makes an idle consumer ask again more often (at 50 ms, eight idle services
   * burned about half a core between them; ADR 0010).
   */
  maxWaitTimeInMs?: number;
  /**
   * How often processed offsets are committed to Kafka, default 1000 ms. kafkajs's own
   * auto-commit sent an OffsetCommit after every batch, which the next fetch waited for;
   * committing less often only means a restart may see up to this much again, and the
   * inbox makes a redelivered event a no-op.
   */
  commitIntervalMs?: number;
  /** Attempts per message before it is dead-lettered. */
  maxAttempts?: number;
  retryBackoffMs?: number;
  metrics?: ConsumerMetrics;
}

/** How long close() waits for the last offset commit. */
const CLOSE_COMMIT_TIMEOUT_MS = 5000;

/** Delays before starting a consumer kafkajs gave up on: doubled per crash, reset on a join. */
const REVIVAL_MIN_MS = 1000;
const REVIVAL_MAX_MS = 30_000;

/** What kafkajs's CRASH event carries. */
export interface ConsumerCrash {
  error: Error;
  /** Whether kafkajs restarts the consumer itself. */
  restart: boolean;
}

type Parsed = { m: KafkaMessage; event: CloudEvent } | { m: KafkaMessage; error: Error };

/**
 * NestJS transport: each `@EventPattern(suffix)` handler consumes `<namespace>.<suffix>`.
 * Batches are applied in one transaction together with their inbox rows (exactly-once
 * in effect); if a batch fails, its messages are retried one by one and the ones that
 * still fail are dead-lettered, so one poison message never stalls a partition.
 * A handler declared with `BATCH_HANDLER` extras receives the batch's fresh events at once
 * (one inbox statement per batch), so it can write them set-based.
 */
export class CloudEventsKafkaServer extends Server implements CustomTransportStrategy {
  protected override readonly logger = new Logger(CloudEventsKafkaServer.name);
  private consumer: Consumer | undefined;
  private producer: Producer | undefined;
  private readonly maxAttempts: number;
  private readonly retryBackoffMs: number;
  private readonly inboxTable: string;
  /** Next offset to commit per topic-partition, for batches applied since the last commit. */
  private readonly processed = new Map<
    string,
    { topic: string; partition: number; offset: string }
  >();
  private commitTimer: NodeJS.Timeout | undefined;
  private committing: Promise<void> = Promise.resolve();
  private closing = false;
  private revivalDelayMs = REVIVAL_MIN_MS;
  private revival: NodeJS.Timeout | undefined;
  /** Times the consumer was started again after kafkajs gave up on it. */
  revivals = 0;
  readonly metrics: ConsumerMetrics;

  constructor(private readonly o: CloudEventsServerOptions) {
    super();
    this.maxAttempts = o.maxAttempts ?? 3;
    this.retryBackoffMs = o.retryBackoffMs ?? 200;
    this.inboxTable = `"${schemaOf(o.dataSource)}"."inbox"`;
    this.metrics = o.metrics ?? new ConsumerMetrics(o.groupId);
  }

  listen(callback: (err?: unknown) => void): void {
    this.start().then(
      () => callback(),
      (e: unknown) => callback(e),
    );
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.revival);
    clearInterval(this.commitTimer);
    this.commitTimer = undefined;
    // What this instance applied, before leaving the group; not waited for beyond a few
    // seconds (with Kafka unreachable, kafkajs retries for longer): what is left uncommitted
    // is delivered again and skipped by the inbox.
    await Promise.race([
      this.commitProcessed(),
      new Promise((r) => setTimeout(r, CLOSE_COMMIT_TIMEOUT_MS).unref()),
    ]);
    await this.consumer?.disconnect().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
    await this.metrics.close(); // the lag gauge's admin client, connected by the first scrape
    this.consumer = undefined;
    this.producer = undefined;
  }

  on(): void {
    // No transport-level events are exposed.
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  topicFor(pattern: string): string {
    return `${this.o.namespace}.${pattern}`;
  }

  private readonly patternOfTopic = new Map<string, string>();

  private async start(): Promise<void> {
    for (const pattern of this.messageHandlers.keys()) {
      for (const topic of this.o.topics?.[pattern] ?? [this.topicFor(pattern)])
        this.patternOfTopic.set(topic, pattern);
    }
    const topics = [...this.patternOfTopic.keys()];
    await ensureTopics(this.o.kafka, [...topics, ...topics.map((t) => `${t}.dlq`)]);
    this.producer = createProducer(this.o.kafka);
    await this.producer.connect();
    this.consumer = this.o.kafka.consumer({
      groupId: this.o.groupId,
      sessionTimeout: 30000,
      heartbeatInterval: 3000,
      maxWaitTimeInMs: this.o.maxWaitTimeInMs ?? 1000,
      allowAutoTopicCreation: false,
    });
    // After a rebalance, keep to commit only what this instance still owns.
    this.consumer.on(this.consumer.events.GROUP_JOIN, ({ payload }) => {
      this.revivalDelayMs = REVIVAL_MIN_MS;
      for (const [key, p] of this.processed)
        if (!payload.memberAssignment[p.topic]?.includes(p.partition)) this.processed.delete(key);
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning: true });
    this.metrics.watch(this.o.kafka, this.o.groupId, topics);
    this.commitTimer = setInterval(
      () => void this.commitProcessed(),
      this.o.commitIntervalMs ?? 1000,
    );
    this.commitTimer.unref();
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => this.onCrash(payload));
    await this.runConsumer();
  }

  private runConsumer(): Promise<void> {
    return this.consumer!.run({
      // committed by commitProcessed on a timer, not after every batch
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.o.partitionsConsumedConcurrently ?? 3,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  /**
   * kafkajs restarts a crashed consumer only when the error is retriable. On any other (a
   * recovering broker answering UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION or
   * REBALANCE_IN_PROGRESS at the wrong moment, ...) it disconnects it for good, and the
   * service would stay up consuming nothing. Such a consumer is started again here, after
   * 1 s doubling to 30 s while it keeps crashing, until close(). Called by kafkajs's CRASH
   * event, after kafkajs has disconnected the consumer.
   */
  onCrash(crash: ConsumerCrash): void {
    if (crash.restart || this.closing || !this.consumer || this.revival) return;
    const delay = this.revivalDelayMs;
    this.revivalDelayMs = Math.min(delay * 2, REVIVAL_MAX_MS);
    this.logger.error(
      `consumer ${this.o.groupId} stopped by kafkajs on ${crash.error.name}: ${crash.error.message}; starting it again in ${delay} ms`,
    );
    this.revival = setTimeout(() => {
      this.revival = undefined;
      if (this.closing) return;
      this.revivals++;
      this.runConsumer().catch((error: Error) => this.onCrash({ error, restart: false }));
    }, delay);
  }

  private handlerFor(topic: string): MessageHandler {
    const pattern = this.patternOfTopic.get(topic) ?? topic.slice(this.o.namespace.length + 1);
    const handler = this.getHandlerByPattern(pattern);
    if (!handler) throw new Error(`no handler for ${topic}`);
    return handler;
  }

  protected async handleBatch({ batch, resolveOffset, heartbeat }: EachBatchPayload) {
    const handler = this.handlerFor(batch.topic);
    const parsed: Parsed[] = batch.messages.map((m) => {
      try {
        return { m, event: fromKafkaMessage(m.value, m.headers) };
      } catch (e) {
        return { m, error: e as Error };
      }
    });
    const dead: { topic: string; message: Message }[] = [];
    for (const p of parsed) {
      if ('error' in p) dead.push(this.deadLetter(batch.topic, batch.partition, p.m, p.error, 1));
    }
    const parsedOk = parsed.filter(
      (p): p is { m: KafkaMessage; event: CloudEvent } => 'event' in p,
    );
    const relevant = relevanceOf(handler);
    const good = relevant ? parsedOk.filter((g) => relevant(g.event)) : parsedOk;
    const ignored = parsedOk.length - good.length;
    const stopTimer = this.metrics.batchSeconds.startTimer({ topic: batch.topic });
    try {
      const applied =
        good.length === 0 ? 0 : await this.applyAll(handler, batch.topic, batch.partition, good);
      this.metrics.processed.inc({ topic: batch.topic }, applied + ignored);
      stopTimer();
    } catch {
      for (const { m, event } of good) {
        const failure = await this.applyAlone(handler, batch.topic, batch.partition, m, event);
        if (failure) dead.push(failure);
        await heartbeat();
      }
    }
    if (dead.length > 0) await this.publishDeadLetters(dead);
    const last = batch.messages[batch.messages.length - 1];
    if (last) {
      resolveOffset(last.offset);
      const next = {
        topic: batch.topic,
        partition: batch.partition,
        offset: (BigInt(last.offset) + 1n).toString(),
      };
      this.processed.set(partitionKey(next), next);
    }
    await heartbeat();
  }

  /**
   * Commits the offsets of batches applied since the last commit, in one request beside
   * the processing. A partition lost in a rebalance is dropped from what is to commit
   * (GROUP_JOIN above): its new owner starts from the last committed offset, and its
   * inbox skips what was already applied. A failed commit is retried with the next one.
   */
  private commitProcessed(): Promise<void> {
    this.committing = this.committing.then(async () => {
      if (!this.consumer || this.processed.size === 0) return;
      const offsets = [...this.processed.values()];
      this.processed.clear();
      try {
        await this.consumer.commitOffsets(offsets);
      } catch (e) {
        for (const o of offsets) {
          const key = partitionKey(o);
          if (!this.processed.has(key)) this.processed.set(key, o); // unless a later one came
        }
        this.logger.debug(`offset commit failed, retried later: ${(e as Error).message}`);
      }
    });
    return this.committing;
  }

  /** Applies one message in its own transaction, with retries; returns a DLQ record if it never succeeds. */
  private async applyAlone(
    handler: MessageHandler,
    topic: string,
    partition: number,
    m: KafkaMessage,
    event: CloudEvent,
  ): Promise<{ topic: string; message: Message } | undefined> {
    for (let attempt = 1; ; attempt++) {
      try {
        const applied = await this.applyAll(handler, topic, partition, [{ m, event }]);
        this.metrics.processed.inc({ topic }, applied);
        return undefined;
      } catch (e) {
        const err = e as Error;
        if (NON_RETRYABLE_ERRORS.has(err.name) || attempt >= this.maxAttempts) {
          return this.deadLetter(topic, partition, m, err, attempt);
        }
        await new Promise((r) => setTimeout(r, this.retryBackoffMs * 2 ** (attempt - 1)));
      }
    }
  }

  /**
   * Applies events in one transaction: a batch handler gets them all at once, another
   * handler one by one. Returns how many the inbox had not seen.
   */
  private applyAll(
    handler: MessageHandler,
    topic: string,
    partition: number,
    items: { m: KafkaMessage; event: CloudEvent }[],
  ): Promise<number> {
    return this.transaction(async (manager, after) => {
      if (isBatchHandler(handler)) {
        const events = items.map((i) => i.event);
        return this.applyBatch(handler, manager, topic, partition, events, after);
      }
      let n = 0;
      for (const { m, event } of items)
        n += await this.apply(handler, manager, topic, partition, m, event);
      return n;
    });
  }

  private async apply(
    handler: MessageHandler,
    manager: EntityManager,
    topic: string,
    partition: number,
    m: KafkaMessage,
    event: CloudEvent,
  ): Promise<number> {
    const fresh = (await manager.query(
      `INSERT INTO ${this.inboxTable} (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
      [this.o.groupId, event.id],
    )) as unknown[];
    if (fresh.length === 0) {
      this.metrics.duplicates.inc({ topic });
      return 0;
    }
    const ctx: EventContext = { event, manager, topic, partition, offset: m.offset };
    const result: unknown = await handler(event, ctx);
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
    return 1;
  }

  /** Records the whole batch in the inbox with one statement and hands the unseen events over at once. */
  private async applyBatch(
    handler: MessageHandler,
    manager: EntityManager,
    topic: string,
    partition: number,
    events: CloudEvent[],
    afterTransaction: (fn: () => void) => void,
  ): Promise<number> {
    if (events.length === 0) return 0;
    const inserted = (await manager.query(
      `INSERT INTO ${this.inboxTable} (consumer, event_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING event_id`,
      [this.o.groupId, events.map((e) => e.id)],
    )) as { event_id: string }[];
    const unseen = new Set(inserted.map((r) => r.event_id));
    // delete as we go: an id sent twice within one batch is applied once
    const fresh = events.filter((e) => unseen.delete(e.id));
    if (fresh.length < events.length)
      this.metrics.duplicates.inc({ topic }, events.length - fresh.length);
    if (fresh.length === 0) return 0;
    const ctx: BatchEventContext = { events: fresh, manager, topic, partition, afterTransaction };
    const result: unknown = await handler(fresh, ctx);
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
    return fresh.length;
  }

  /** A transaction whose `after` callbacks run once it has committed or rolled back. */
  private async transaction<T>(
    work: (manager: EntityManager, after: (fn: () => void) => void) => Promise<T>,
  ): Promise<T> {
    const callbacks: (() => void)[] = [];
    try {
      return await this.o.dataSource.transaction((manager) =>
        work(manager, (fn) => callbacks.push(fn)),
      );
    } finally {
      for (const fn of callbacks) fn();
    }
  }

  private deadLetter(
    topic: string,
    partition: number,
    m: KafkaMessage,
    thrown: unknown,
    attempts: number,
  ) {
    const err = thrown instanceof Error ? thrown : new Error(String(thrown));
    this.logger.warn(
      `dead-lettering ${topic}[${partition}]@${m.offset}: ${err.name}: ${err.message}`,
    );
    this.metrics.deadLettered.inc({ topic, reason: err.name });
    return deadLetterMessage(topic, partition, this.o.groupId, m, {
      reason: err.name,
      error: err.message,
      attempts,
    });
  }

  /** In produce requests of bounded size: one too large for Kafka would stall the partition. */
  private async publishDeadLetters(dead: { topic: string; message: Message }[]): Promise<void> {
    await sendInRequests(this.producer!, dead);
  }
}

function partitionKey(p: { topic: string; partition: number }): string {
  return `${p.topic}:${p.partition}`;
}

function isBatchHandler(handler: MessageHandler): boolean {
  return (handler.extras as { batch?: unknown } | undefined)?.batch === true;
}

/** The `batchHandler({ relevant })` filter, if the handler declared one. */
function relevanceOf(handler: MessageHandler): ((event: CloudEvent) => boolean) | undefined {
  const relevant = (handler.extras as { relevant?: unknown } | undefined)?.relevant;
  return typeof relevant === 'function' ? (relevant as (event: CloudEvent) => boolean) : undefined;
}
