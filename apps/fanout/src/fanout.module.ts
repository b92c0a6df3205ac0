import { Module, type DynamicModule } from '@nestjs/common';
import {
  ApiKeyReplica,
  IdentityReplicaModule,
  NodeInfrastructureModule,
  ObservabilityModule,
} from '@wgas/platform';
import { AlertActionRecord } from './actions/alert-action.entity';
import { AlertActionService } from './actions/alert-action.service';
import { IndicatorSuppression } from './actions/indicator-suppression.entity';
import { AlertDecisionService } from './alerts/alert-decision.service';
import { AlertQueryService } from './alerts/alert-query.service';
import { AlertWriter } from './alerts/alert-writer';
import { AlertsController } from './alerts/alerts.controller';
import { Alert } from './alerts/alert.entity';
import { IndicatorsConsumer } from './alerts/indicators.consumer';
import type { FanoutConfig } from './fanout.config';
import { FeedController } from './feeds/feed.controller';
import { FeedService } from './feeds/feed.service';
import { FANOUT_MIGRATIONS } from './migrations';
import { StaticSubscription } from './subscriptions/static-subscription';
import { SubscriptionCache } from './subscriptions/subscription.cache';
import { SubscriptionController } from './subscriptions/subscription.controller';
import { Subscription } from './subscriptions/subscription.entity';
import { SubscriptionService } from './subscriptions/subscription.service';
import { WebhookDelivery } from './webhooks/webhook-delivery.entity';
import { WebhookDeliveryWorker } from './webhooks/webhook-delivery.worker';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { WebhookSender } from './webhooks/webhook-sender';

export const FANOUT_SCHEMA = 'fanout';
export const FANOUT_ENTITIES = [
  Subscription,
  Alert,
  WebhookDelivery,
  AlertActionRecord,
  IndicatorSuppression,
  ApiKeyReplica,
];

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
      controllers: [IndicatorsConsumer, SubscriptionController, FeedController, AlertsController],
      providers: [
        AlertActionService,
        AlertDecisionService,
        AlertQueryService,
        AlertWriter,
        FeedService,
        StaticSubscription,
        SubscriptionCache,
        SubscriptionService,
        WebhookDeliveryWorker,
        WebhookDispatcher,
        WebhookSender,
      ],
    };
  }
}
