import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Admin, Kafka } from 'kafkajs';

/** Prometheus metrics of one consumer group: throughput, duplicates, dead letters, lag. */
export class ConsumerMetrics {
  readonly registry = new Registry();
  readonly processed: Counter<'topic'>;
  readonly duplicates: Counter<'topic'>;
  readonly deadLettered: Counter<'topic' | 'reason'>;
  readonly lag: Gauge<'topic'>;
  readonly batchSeconds: Histogram<'topic'>;
  private admin: Admin | undefined;
  private watched: { kafka: Kafka; groupId: string; topics: string[] } | undefined;

  constructor(readonly groupId: string) {
    const labels = { group: groupId };
    this.registry.setDefaultLabels(labels);
    this.processed = new Counter({
      name: 'wgas_consumer_events_processed_total',
      help: 'Events applied (not counting duplicates)',
      labelNames: ['topic'],
      registers: [this.registry],
    });
    this.duplicates = new Counter({
      name: 'wgas_consumer_events_duplicate_total',
      help: 'Redelivered events skipped by the inbox',
      labelNames: ['topic'],
      registers: [this.registry],
    });
    this.deadLettered = new Counter({
      name: 'wgas_consumer_events_dead_lettered_total',
      help: 'Events sent to the dead-letter topic',
      labelNames: ['topic', 'reason'],
      registers: [this.registry],
    });
    this.batchSeconds = new Histogram({
      name: 'wgas_consumer_batch_seconds',
      help: 'Time to apply one Kafka batch in one transaction (successful batches)',
      labelNames: ['topic'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    const collectLag = (gauge: Gauge<'topic'>) => this.collectLag(gauge);
    this.lag = new Gauge({
      name: 'wgas_consumer_lag_messages',
      help: 'Messages behind the end of each topic (sum over partitions), read at scrape time',
      labelNames: ['topic'],
      registers: [this.registry],
      async collect() {
        await collectLag(this);
      },
    });
  }

  watch(kafka: Kafka, groupId: string, topics: string[]): void {
    this.watched = { kafka, groupId, topics };
  }

  private async collectLag(gauge: Gauge<'topic'>): Promise<void> {
    if (!this.watched) return;
    try {
      if (!this.admin) {
        this.admin = this.watched.kafka.admin();
        await this.admin.connect();
      }
      for (const topic of this.watched.topics) {
        const ends = await this.admin.fetchTopicOffsets(topic);
        const [committed] = await this.admin.fetchOffsets({
          groupId: this.watched.groupId,
          topics: [topic],
        });
        let lag = 0;
        for (const end of ends) {
          const c = committed?.partitions.find((p) => p.partition === end.partition);
          const done = c && Number(c.offset) >= 0 ? Number(c.offset) : Number(end.low);
          lag += Math.max(0, Number(end.high) - done);
        }
        gauge.set({ topic }, lag);
      }
    } catch {
      // Lag is best-effort: a broker hiccup must not fail the scrape.
    }
  }

  async close(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
  }
}
