import { Module, type DynamicModule } from '@nestjs/common';
import {
  ApiKeyReplica,
  IdentityReplicaModule,
  NodeInfrastructureModule,
  ObservabilityModule,
} from '@wgas/platform';
import { AlertDecisionService } from './alerts/alert-decision.service';
import { Alert } from './alerts/alert.entity';
import { IndicatorsConsumer } from './alerts/indicators.consumer';
import type { FanoutConfig } from './fanout.config';
import { FANOUT_MIGRATIONS } from './migrations';
import { WebhookDelivery } from './webhooks/webhook-delivery.entity';
import { WebhookDeliveryWorker } from './webhooks/webhook-delivery.worker';

export const FANOUT_SCHEMA = 'fanout';
export const FANOUT_ENTITIES = [Alert, WebhookDelivery, ApiKeyReplica];

@Module({})
export class FanoutModule {
  static forRoot(config: FanoutConfig): DynamicModule {
    return {
      module: FanoutModule,
      imports: [
        ObservabilityModule,
        IdentityReplicaModule,
        NodeInfrastructureModule.forRoot({
          config,
          schema: FANOUT_SCHEMA,
          entities: FANOUT_ENTITIES,
          migrations: FANOUT_MIGRATIONS,
          relay: true,
        }),
      ],
      controllers: [IndicatorsConsumer],
      providers: [AlertDecisionService, WebhookDeliveryWorker],
    };
  }
}
