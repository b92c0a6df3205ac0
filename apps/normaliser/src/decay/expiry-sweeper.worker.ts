import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  INDICATOR_EXPIRED_V1,
  topicName,
  type IndicatorExpiredV1,
  type MemberCountry,
  type Tlp,
} from '@wgas/contracts';
import { enqueueEvents, newEvent } from '@wgas/messaging';
import { queryRows } from '@wgas/persistence';
import { NODE_CONFIG } from '@wgas/platform';
import type { NormaliserConfig } from '../normaliser.config';
import { parseLifetimes } from './indicator-lifetimes';

interface ExpiredRow {
  id: string;
  type: string;
  canonical: string;
  tlp: Tlp;
  countries: MemberCountry[];
  report_count: number;
  confidence: number;
  last_seen: Date;
  status_changed_at: Date;
  warninglisted: boolean;
}

/**
 * Decay: marks active indicators `expired` once their type's lifetime has passed since they
 * were last reported, and queues `indicator.expired` through the outbox in the same
 * transaction so subscribers unblock. `FOR UPDATE SKIP LOCKED` lets several replicas sweep
 * side by side and never waits on a row the consumer is updating (that row just got a report).
 */
@Injectable()
export class ExpirySweeperWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExpirySweeperWorker.name);
  private readonly lifetimes: Map<string, number>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopping = false;

  constructor(
    @Inject(NODE_CONFIG) private readonly config: NormaliserConfig,
    private readonly dataSource: DataSource,
  ) {
    this.lifetimes = parseLifetimes(config.INDICATOR_LIFETIMES);
  }

  onApplicationBootstrap(): void {
    if (this.config.EXPIRY_SWEEP_INTERVAL_MS > 0) this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Expires everything that is due now; returns how many indicators expired. */
  async sweep(): Promise<number> {
    let total = 0;
    for (const [type, seconds] of this.lifetimes) {
      for (;;) {
        const n = await this.dataSource.transaction((m) => this.expireBatch(m, type, seconds));
        total += n;
        if (n < this.config.EXPIRY_SWEEP_BATCH || this.stopping) break;
      }
    }
    if (total > 0) this.logger.log(`expired ${total} indicators`);
    return total;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.running = this.sweep()
        .catch((e: unknown) => this.logger.warn(`expiry sweep failed: ${(e as Error).message}`))
        .finally(() => {
          if (!this.stopping) this.schedule();
        });
    }, this.config.EXPIRY_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  private async expireBatch(m: EntityManager, type: string, seconds: number): Promise<number> {
    const rows = await queryRows<ExpiredRow>(
      m,
      `WITH due AS (
         SELECT id FROM normaliser.indicators
          WHERE type = $1 AND status = 'active' AND last_seen < now() - make_interval(secs => $2)
          ORDER BY last_seen LIMIT $3 FOR UPDATE SKIP LOCKED)
       UPDATE normaliser.indicators AS i SET status = 'expired', status_changed_at = now()
         FROM due WHERE i.id = due.id
       RETURNING i.id, i.type, i.canonical, i.tlp, i.countries, i.report_count, i.confidence,
                 i.last_seen, i.status_changed_at, i.warninglisted`,
      [type, seconds, this.config.EXPIRY_SWEEP_BATCH],
    );
    const topic = topicName(this.config.namespace, 'indicators');
    await enqueueEvents(
      m,
      // Nothing was ever alerted for a warninglisted indicator, so there is nothing to unblock.
      rows
        .filter((r) => !r.warninglisted)
        .map((r) => {
          const data: IndicatorExpiredV1 = {
            indicatorId: r.id,
            type: r.type,
            canonical: r.canonical,
            tlp: r.tlp,
            countries: r.countries,
            reportCount: r.report_count,
            confidence: r.confidence,
            lastSeen: r.last_seen.toISOString(),
            expiredAt: r.status_changed_at.toISOString(),
            lifetimeSeconds: seconds,
          };
          return {
            topic,
            key: r.id,
            event: newEvent(this.config.eventSource, INDICATOR_EXPIRED_V1, data, r.id),
          };
        }),
    );
    return rows.length;
  }
}
