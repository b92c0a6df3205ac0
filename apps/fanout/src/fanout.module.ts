import { Module, type DynamicModule } from '@nestjs/common';
import { NodeInfrastructureModule, ObservabilityModule } from '@wgas/platform';
import { AlertDecisionService } from './alerts/alert-decision.service';
import { Alert } from './alerts/alert.entity';
import { IndicatorsConsumer } from './alerts/indicators.consumer';
import type { FanoutConfig } from './fanout.config';
import { FANOUT_MIGRATIONS } from './migrations';
import { WebhookDelivery } from './webhooks/webhook-delivery.entity';
import { WebhookDeliveryWorker } from './webhooks/webhook-delivery.worker';

export const FANOUT_SCHEMA = 'fanout';
export const FANOUT_ENTITIES = [Alert, WebhookDelivery];

@Module({})
export class FanoutModule {
  static forRoot(config: FanoutConfig): DynamicModule {
    return {
      module: FanoutModule,
      imports: [
        ObservabilityModule,
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
