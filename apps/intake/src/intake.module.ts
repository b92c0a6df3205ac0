import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import {
  ApiKeyGuard,
  ApiKeyVerifier,
  NodeInfrastructureModule,
  ObservabilityModule,
} from '@wgas/platform';
import { AuditController } from './audit/audit.controller';
import { AuditEntry } from './audit/audit-entry.entity';
import { AuditLogService } from './audit/audit-log.service';
import { IdempotencyKey } from './idempotency/idempotency-key.entity';
import { IdempotencyService } from './idempotency/idempotency.service';
import type { IntakeConfig } from './intake.config';
import { BulkImportController } from './jobs/bulk-import.controller';
import { BulkImportService } from './jobs/bulk-import.service';
import { ImportJob } from './jobs/import-job.entity';
import { INTAKE_MIGRATIONS } from './migrations';
import { ApiKey } from './organisations/api-key.entity';
import { ApiKeyService } from './organisations/api-key.service';
import { OrganisationAdminService } from './organisations/organisation-admin.service';
import { Organisation } from './organisations/organisation.entity';
import { OrganisationsController } from './organisations/organisations.controller';
import { RawIndicator } from './reports/raw-indicator.entity';
import { Report } from './reports/report.entity';
import { ReportIntakeService } from './reports/report-intake.service';
import { ReportActionsConsumer } from './reports/report-actions.consumer';
import { ReportActionsService } from './reports/report-actions.service';
import { ReportAction } from './reports/report-action.entity';
import { ReportOutcomesConsumer } from './reports/report-outcomes.consumer';
import { ReportOutcomesService } from './reports/report-outcomes.service';
import { ReportQueryService } from './reports/report-query.service';
import { ReportRetractionService } from './reports/report-retraction.service';
import { ReportsController } from './reports/reports.controller';

export const INTAKE_SCHEMA = 'intake';
export const INTAKE_ENTITIES = [
  ReportAction,
  Organisation,
  ApiKey,
  Report,
  RawIndicator,
  AuditEntry,
  IdempotencyKey,
  ImportJob,
];

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
          relayBatchSize: config.OUTBOX_BATCH_SIZE,
        }),
      ],
      controllers: [
        ReportsController,
        BulkImportController,
        OrganisationsController,
        AuditController,
        ReportOutcomesConsumer,
        ReportActionsConsumer,
      ],
      providers: [
        ApiKeyService,
        { provide: ApiKeyVerifier, useExisting: ApiKeyService },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        AuditLogService,
        IdempotencyService,
        OrganisationAdminService,
        ReportIntakeService,
        ReportQueryService,
        ReportRetractionService,
        ReportOutcomesService,
        ReportActionsService,
        BulkImportService,
      ],
      exports: [ApiKeyService, OrganisationAdminService],
    };
  }
}
