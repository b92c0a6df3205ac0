import { Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { EventPublisher } from '@wgas/messaging';
import {
  KAFKA,
  NodeInfrastructureModule,
  ObservabilityModule,
  ObservabilityRegistry,
} from '@wgas/platform';
import type { ExchangeConfig } from './exchange.config';
import { ExchangeMetrics } from './exchange.metrics';
import { ActionForwardService } from './exports/action-forward.service';
import { EnvelopeWriter } from './exports/envelope-writer';
import { LocalActionsConsumer } from './exports/local-actions.consumer';
import { ExportSequence } from './exports/export-sequence.entity';
import { IndicatorExportService } from './exports/indicator-export.service';
import { LocalIndicatorsConsumer } from './exports/local-indicators.consumer';
import { FederationIdentity } from './federation-identity';
import { EnvelopeImportService } from './imports/envelope-import.service';
import { ImportedEnvelope } from './imports/imported-envelope.entity';
import { PeerExchangeConsumer } from './imports/peer-exchange.consumer';
import { PeerIndicatorState } from './imports/peer-indicator-state.entity';
import { EXCHANGE_MIGRATIONS } from './migrations';

export const EXCHANGE_SCHEMA = 'exchange';
export const EXCHANGE_ENTITIES = [ImportedEnvelope, PeerIndicatorState, ExportSequence];

@Module({})
export class ExchangeModule implements OnModuleInit {
  constructor(
    @Inject(ObservabilityRegistry) private readonly observability: ObservabilityRegistry,
    private readonly metrics: ExchangeMetrics,
  ) {}

  onModuleInit(): void {
    this.observability.addRegistry(this.metrics.registry);
  }

  static forRoot(config: ExchangeConfig): DynamicModule {
    return {
      module: ExchangeModule,
      imports: [
        ObservabilityModule,
        NodeInfrastructureModule.forRoot({
          config,
          schema: EXCHANGE_SCHEMA,
          entities: EXCHANGE_ENTITIES,
          migrations: EXCHANGE_MIGRATIONS,
          relay: true,
        }),
      ],
      controllers: [LocalIndicatorsConsumer, LocalActionsConsumer, PeerExchangeConsumer],
      providers: [
        FederationIdentity,
        ExchangeMetrics,
        EnvelopeWriter,
        IndicatorExportService,
        ActionForwardService,
        EnvelopeImportService,
        {
          provide: EventPublisher,
          useFactory: (kafka: Kafka) => new EventPublisher(kafka),
          inject: [KAFKA],
        },
      ],
    };
  }
}
