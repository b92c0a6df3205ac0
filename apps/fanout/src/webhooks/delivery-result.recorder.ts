import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

export type DeliveryResult =
  | { id: string; ok: true; at: Date }
  | {
      id: string;
      ok: false;
      /** `failed` (retry at `retryInMs`) or `parked` (given up). */
      status: 'failed' | 'parked';
      error: string;
      retryInMs: number;
    };

/** Results written per flush at most; a bigger backlog takes several statements. */
const MAX_PER_STATEMENT = 2000;

/**
 * Writes attempt outcomes in batches: one UPDATE for all successes and one for all
 * failures per flush (every `flushMs`, or sooner when `MAX_PER_STATEMENT` are waiting),
 * instead of one statement per POST. If a flush fails (database down), the rows keep their
 * lease and the retry worker sends them again later under the same webhook-id.
 */
export class DeliveryResultRecorder {
  private readonly logger = new Logger(DeliveryResultRecorder.name);
  private pending: DeliveryResult[] = [];
  /** New deliveries the dispatcher could not hold: their lease is to end now. */
  private released: string[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly ds: DataSource,
    private readonly flushMs: number,
  ) {}

  record(result: DeliveryResult): void {
    this.pending.push(result);
    if (this.pending.length >= MAX_PER_STATEMENT) this.schedule(0);
    else this.schedule(this.flushMs);
  }

  /**
   * Hands a new delivery the dispatcher could not hold to the retry worker at once, by
   * ending the lease it was written with (WEBHOOK_LEASE_MS): under overload it waits for
   * the worker's next pass, not for a minute. Written with the next flush, and only while
   * the row is untouched (still pending, never attempted).
   */
  release(id: string): void {
    this.released.push(id);
    if (this.released.length >= MAX_PER_STATEMENT) this.schedule(0);
    else this.schedule(this.flushMs);
  }

  /** Writes everything recorded so far (shutdown, tests). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.flushing = this.flushing.then(() => this.write());
    await this.flushing;
  }

  private schedule(ms: number): void {
    if (this.timer && ms > 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  private async write(): Promise<void> {
    while (this.released.length > 0) {
      const ids = this.released.splice(0, MAX_PER_STATEMENT);
      try {
        await this.ds.query(
          `UPDATE fanout.webhook_deliveries SET next_attempt_at = now()
            WHERE id = ANY($1::text[]) AND status = 'pending' AND attempts = 0`,
          [ids],
        );
      } catch (e) {
        this.logger.warn(
          `releasing ${ids.length} deliveries to the worker failed (they wait for their lease): ${(e as Error).message}`,
        );
      }
    }
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, MAX_PER_STATEMENT);
      try {
        await this.writeBatch(batch);
      } catch (e) {
        this.logger.warn(
          `recording ${batch.length} delivery results failed (their lease will expire and they will be retried): ${(e as Error).message}`,
        );
      }
    }
  }

  private async writeBatch(batch: DeliveryResult[]): Promise<void> {
    const ok = batch.filter((r): r is Extract<DeliveryResult, { ok: true }> => r.ok);
    const failed = batch.filter((r): r is Extract<DeliveryResult, { ok: false }> => !r.ok);
    if (ok.length > 0) {
      await this.ds.query(
        `UPDATE fanout.webhook_deliveries d
            SET status = 'delivered', attempts = d.attempts + 1, delivered_at = t.at, last_error = NULL
           FROM unnest($1::text[], $2::timestamptz[]) AS t(id, at)
          WHERE d.id = t.id`,
        [ok.map((r) => r.id), ok.map((r) => r.at)],
      );
    }
    if (failed.length > 0) {
      // A late failure never overwrites a success (a duplicate sent after a lease expired).
      await this.ds.query(
        `UPDATE fanout.webhook_deliveries d
            SET status = t.status, attempts = d.attempts + 1, last_error = t.error,
                next_attempt_at = now() + t.retry_ms * interval '1 millisecond'
           FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS t(id, status, error, retry_ms)
          WHERE d.id = t.id AND d.status <> 'delivered'`,
        [
          failed.map((r) => r.id),
          failed.map((r) => r.status),
          failed.map((r) => r.error.slice(0, 500)),
          failed.map((r) => r.retryInMs),
        ],
      );
    }
  }
}
