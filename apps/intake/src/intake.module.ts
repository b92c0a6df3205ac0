import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import {
  ApiKeyGuard,
  ApiKeyVerifier,
  NodeInfrastructureModule,
  ObservabilityModule,
} from '@wgas/platform';
import type { IntakeConfig } from './intake.config';
import { INTAKE_MIGRATIONS } from './migrations';
import { ApiKey } from './organisations/api-key.entity';
import { ApiKeyService } from './organisations/api-key.service';
import { Organisation } from './organisations/organisation.entity';
import { RawIndicator } from './reports/raw-indicator.entity';
import { Report } from './reports/report.entity';
import { ReportIntakeService } from './reports/report-intake.service';
import { ReportsController } from './reports/reports.controller';

export const INTAKE_SCHEMA = 'intake';
export const INTAKE_ENTITIES = [Organisation, ApiKey, Report, RawIndicator];

@Module({})
export class IntakeModule {
  static forRoot(config: IntakeConfig): DynamicModule {
    return {
      module: IntakeModule,
      imports: [
        ObservabilityModule,
        NodeInfrastructureModule.forRoot({
          config,
          schema: INTAKE_SCHEMA,
          entities: INTAKE_ENTITIES,
          migrations: INTAKE_MIGRATIONS,
          relay: true,
        }),
      ],
      controllers: [ReportsController],
      providers: [
        ApiKeyService,
        { provide: ApiKeyVerifier, useExisting: ApiKeyService },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        ReportIntakeService,
      ],
      exports: [ApiKeyService],
    };
  }
}
