import { Module, type DynamicModule } from '@nestjs/common';
import {
  ApiKeyReplica,
  IdentityReplicaModule,
  NodeInfrastructureModule,
  ObservabilityModule,
} from '@wgas/platform';
import { FalsePositiveReport } from './indicators/false-positive-report.entity';
import { IndicatorSighting } from './indicators/indicator-sighting.entity';
import { Indicator } from './indicators/indicator.entity';
import { IndicatorStoreRepository } from './indicators/indicator-store.repository';
import { ExpirySweeperWorker } from './decay/expiry-sweeper.worker';
import { WarninglistService } from './warninglists/warninglist.service';
import { IndicatorLookupController } from './lookup/indicator-lookup.controller';
import { IndicatorLookupService } from './lookup/indicator-lookup.service';
import { ActionsConsumer } from './indicators/actions.consumer';
import { FalsePositiveService } from './indicators/false-positive.service';
import { IndicatorWriteGate } from './indicators/indicator-write-gate';
import { NormaliserThread } from './indicators/normaliser-thread';
import { ReportNormalisationService } from './indicators/report-normalisation.service';
import { ReportRetractionService } from './indicators/report-retraction.service';
import { ReportsConsumer } from './indicators/reports.consumer';
import { NORMALISER_MIGRATIONS } from './migrations';
import type { NormaliserConfig } from './normaliser.config';

export const NORMALISER_SCHEMA = 'normaliser';
export const NORMALISER_ENTITIES = [
  Indicator,
  IndicatorSighting,
  FalsePositiveReport,
  ApiKeyReplica,
];

@Module({})
export class NormaliserModule {
  static forRoot(config: NormaliserConfig): DynamicModule {
    return {
      module: NormaliserModule,
      imports: [
        ObservabilityModule,
        IdentityReplicaModule,
        NodeInfrastructureModule.forRoot({
          config,
          schema: NORMALISER_SCHEMA,
          entities: NORMALISER_ENTITIES,
          migrations: NORMALISER_MIGRATIONS,
          relay: true,
        }),
      ],
      controllers: [ReportsConsumer, ActionsConsumer, IndicatorLookupController],
      providers: [
        ReportNormalisationService,
        NormaliserThread,
        IndicatorWriteGate,
        FalsePositiveService,
        ReportRetractionService,
        IndicatorStoreRepository,
        WarninglistService,
        ExpirySweeperWorker,
        IndicatorLookupService,
      ],
    };
  }
}
