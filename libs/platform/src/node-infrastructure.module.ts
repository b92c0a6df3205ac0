import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { nodeTopics } from '@wgas/contracts';
import type { NodeConfig } from '@wgas/config';
import { createKafka, ensureTopics, InboxEntry, OutboxMessage, OutboxRelay } from '@wgas/messaging';
import { openServiceDataSource, type ServiceDataSourceOptions } from '@wgas/persistence';
import { ObservabilityRegistry } from './observability';

export const KAFKA = Symbol('KAFKA');
export const NODE_CONFIG = Symbol('NODE_CONFIG');

export interface NodeInfrastructureOptions {
  config: NodeConfig;
  /** The Postgres schema this service owns. */
  schema: string;
  entities: ServiceDataSourceOptions['entities'];
  migrations: ServiceDataSourceOptions['migrations'];
  /** Run the outbox relay in this process. */
  relay: boolean;
  /** Outbox rows per Kafka batch (the relay's default when absent). */
  relayBatchSize?: number;
}

/**
 * Creates the node's topics (retrying while Kafka is down, so a service can accept work
 * before the broker is back) and runs the outbox relay.
 */
@Injectable()
class InfrastructureLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Infrastructure');
  private stopping = false;
  private topicsReady: Promise<void> | undefined;

  constructor(
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    private readonly observability: ObservabilityRegistry,
    @Inject('RUN_RELAY') private readonly runRelay: boolean,
  ) {}

  onApplicationBootstrap(): void {
    this.observability.addCheck('database', async () => {
      await this.dataSource.query('SELECT 1');
    });
    this.topicsReady = this.createTopics();
    if (this.runRelay) void this.topicsReady.then(() => this.stopping || this.relay.start());
  }

  private async createTopics(): Promise<void> {
    for (let delay = 500; !this.stopping; delay = Math.min(delay * 2, 10000)) {
      try {
        await ensureTopics(this.kafka, nodeTopics(this.config.namespace));
        return;
      } catch (e) {
        this.logger.warn(
          `cannot create topics yet (${(e as Error).message}); retrying in ${delay} ms`,
        );
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.relay.stop();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

@Global()
@Module({})
export class NodeInfrastructureModule {
  static forRoot(o: NodeInfrastructureOptions): DynamicModule {
    const { config } = o;
    return {
      module: NodeInfrastructureModule,
      providers: [
        { provide: NODE_CONFIG, useValue: config },
        { provide: 'RUN_RELAY', useValue: o.relay },
        {
          provide: DataSource,
          useFactory: () =>
            openServiceDataSource({
              serverUrl: config.DATABASE_URL,
              database: config.databaseName,
              schema: o.schema,
              entities: [OutboxMessage, InboxEntry, ...(o.entities as unknown[] as never[])],
              migrations: o.migrations,
            }),
        },
        {
          provide: KAFKA,
          useFactory: () =>
            createKafka({
              brokers: config.brokers,
              clientId: `wgas-${config.NODE_ID}-${o.schema}`,
            }),
        },
        {
          provide: OutboxRelay,
          useFactory: (dataSource: DataSource, kafka: Kafka) =>
            new OutboxRelay({
              dataSource,
              kafka,
              ...(o.relayBatchSize ? { batchSize: o.relayBatchSize } : {}),
            }),
          inject: [DataSource, KAFKA],
        },
        InfrastructureLifecycle,
      ],
      exports: [NODE_CONFIG, DataSource, KAFKA, OutboxRelay],
    };
  }
}
