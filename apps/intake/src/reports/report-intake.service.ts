import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NODE_CONFIG, type Principal } from '@wgas/platform';
import { AuditLogService } from '../audit/audit-log.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import type { IntakeConfig } from '../intake.config';
import type { SubmitReportDto } from './dtos/submit-report.dto';
import { buildReport, writeReports } from './report-writer';

export interface SubmittedReport {
  id: string;
  status: 'submitted';
  submittedAt: string;
  indicators: { id: string; value: string; type: string | null }[];
}

export interface SubmitResult {
  report: SubmittedReport;
  /** True when this answers a retry with an Idempotency-Key already used. */
  replayed: boolean;
}

/**
 * Stores a report and its raw indicators and queues `report.submitted` in the same
 * transaction: once this returns, the report reaches Kafka even if Kafka is down now.
 */
@Injectable()
export class ReportIntakeService {
  constructor(
    private readonly ds: DataSource,
    @Inject(NODE_CONFIG) private readonly config: IntakeConfig,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditLogService,
  ) {}

  async submit(
    principal: Principal,
    dto: SubmitReportDto,
    idempotencyKey?: string,
  ): Promise<SubmitResult> {
    return this.ds.transaction(async (m) => {
      if (idempotencyKey !== undefined) {
        const hash = this.idempotency.requestHash('POST /v1/reports', dto);
        const claim = await this.idempotency.claim<SubmittedReport>(
          m,
          principal.organisationId,
          idempotencyKey,
          hash,
        );
        if (claim.kind === 'replay') return { report: claim.body, replayed: true };
      }
      const built = buildReport(principal, dto, this.config);
      await writeReports(m, principal, [built]);
      await this.audit.record(
        m,
        principal,
        'report.submitted',
        { type: 'report', id: built.id },
        { indicators: dto.indicators.length },
      );
      const report: SubmittedReport = {
        id: built.id,
        status: 'submitted',
        submittedAt: built.submittedAt.toISOString(),
        indicators: dto.indicators.map((i, n) => ({
          id: built.rawIds[n] as string,
          value: i.value,
          type: i.type ?? null,
        })),
      };
      if (idempotencyKey !== undefined) {
        await this.idempotency.complete(m, principal.organisationId, idempotencyKey, 201, report);
      }
      return { report, replayed: false };
    });
  }
}
