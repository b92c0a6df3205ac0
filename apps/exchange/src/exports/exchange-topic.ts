import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigResourceTypes, ConfigSource, type Kafka } from 'kafkajs';
import { topicName } from '@wgas/contracts';
import { ensureTopics } from '@wgas/messaging';
import { KAFKA, NODE_CONFIG } from '@wgas/platform';
import type { ExchangeConfig } from '../exchange.config';

/**
 * Makes `<ns>.exchange.v1` a compacted topic (ADR 0008): envelopes are keyed by indicator
 * id (actions by action id), so the topic always holds the latest signed state of every
 * shared indicator, and a peer that joins or is restored backfills by reading it from the
 * start. Idempotent; keeps any other per-topic settings an operator made.
 */
export async function compactExchangeTopic(kafka: Kafka, topic: string): Promise<boolean> {
  await ensureTopics(kafka, [topic]);
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
    });
    const entries = resources[0]?.configEntries ?? [];
    const policy = entries.find((e) => e.configName === 'cleanup.policy')?.configValue;
    if (policy === 'compact') return false;
    // AlterConfigs replaces the topic's overrides as a whole: resend the ones it has.
    const overrides = entries
      .filter((e) => e.configSource === ConfigSource.TOPIC_CONFIG && !e.isSensitive)
      .filter((e) => e.configName !== 'cleanup.policy')
      .map((e) => ({ name: e.configName, value: e.configValue }));
    await admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: topic,
          configEntries: [...overrides, { name: 'cleanup.policy', value: 'compact' }],
        },
      ],
    });
    return true;
  } finally {
    await admin.disconnect();
  }
}

/** Applies `compactExchangeTopic` at start, retrying while Kafka is unavailable. */
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
        if (await compactExchangeTopic(this.kafka, topic)) this.logger.log(`${topic} is compacted`);
        return;
      } catch (e) {
        this.logger.warn(`cannot set compaction on ${topic} yet (${(e as Error).message})`);
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }
}
