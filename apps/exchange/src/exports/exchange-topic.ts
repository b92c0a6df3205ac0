import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { topicName } from '@wgas/contracts';
import { ensureTopics } from '@wgas/messaging';
import { KAFKA, NODE_CONFIG } from '@wgas/platform';
import type { ExchangeConfig } from '../exchange.config';

/**
 * Makes sure `<ns>.exchange.v1` exists, compacted (ADR 0008), before peers look for it:
 * envelopes are keyed by indicator id (actions by action id), so the topic always holds
 * the latest signed state of every shared indicator, and a peer that joins or is restored
 * backfills by reading it from the start. `ensureTopics` creates it compacted, or switches
 * an existing one to compaction; this retries while Kafka is unavailable.
 */
@Injectable()
export class ExchangeTopic implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExchangeTopic.name);
  private stopping = false;
  private done: Promise<void> | undefined;

  constructor(
    @Inject(NODE_CONFIG) private readonly config: ExchangeConfig,
    @Inject(KAFKA) private readonly kafka: Kafka,
  ) {}

  onApplicationBootstrap(): void {
    this.done = this.apply();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.done;
  }

  private async apply(): Promise<void> {
    const topic = topicName(this.config.namespace, 'exchange');
    for (let delay = 500; !this.stopping; delay = Math.min(delay * 2, 10_000)) {
      try {
        await ensureTopics(this.kafka, [topic]);
        return;
      } catch (e) {
        this.logger.warn(`cannot create ${topic} yet (${(e as Error).message})`);
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }
}
