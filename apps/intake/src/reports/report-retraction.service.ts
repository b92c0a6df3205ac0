import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  EVENT_TYPES,
  topicName,
  type MemberCountry,
  type ReportRetractedV1,
} from '@wgas/contracts';
import { enqueueEvents, newEvent } from '@wgas/messaging';
import { NODE_CONFIG, ProblemException, type Principal } from '@wgas/platform';
import { AuditLogService } from '../audit/audit-log.service';
import type { IntakeConfig } from '../intake.config';
import type { RetractReportDto } from './dtos/retract-report.dto';
import { Report } from './report.entity';
import { assertUuid, reportNotFound } from './report-lookup';

export interface RetractedReport {
  id: string;
  status: 'retracted';
  retractedAt: string;
  reason: string;
}

/**
 * The owning agency withdraws a report (a mistake, a court order). The report stays for
 * the audit trail, marked retracted; `report.retracted` goes out on the report's own key,
 * behind its `submitted` event, so downstream can withdraw the alerts it caused.
 */
@Injectable()
export class ReportRetractionService {
  constructor(
    private readonly ds: DataSource,
    @Inject(NODE_CONFIG) private readonly config: IntakeConfig,
    private readonly audit: AuditLogService,
  ) {}

  async retract(
    principal: Principal,
    rawId: string,
    dto: RetractReportDto,
  ): Promise<RetractedReport> {
    const id = assertUuid(rawId, reportNotFound);
    return this.ds.transaction(async (m) => {
      const report = await m.getRepository(Report).findOne({
        where: { id, organisationId: principal.organisationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!report) throw reportNotFound(id);
      if (report.status === 'retracted') {
        throw new ProblemException(
          HttpStatus.CONFLICT,
          'report.already_retracted',
          `Report ${id} was already retracted.`,
        );
      }
      const retractedAt = new Date();
      await m.update(
        Report,
        { id },
        {
          status: 'retracted',
          retractedAt,
          retractionReason: dto.reason,
          retractionNote: dto.note ?? null,
        },
      );
      const data: ReportRetractedV1 = {
        reportId: id,
        organisationId: principal.organisationId,
        country: report.country as MemberCountry,
        reason: dto.reason,
        retractedAt: retractedAt.toISOString(),
      };
      await enqueueEvents(m, [
        {
          topic: topicName(this.config.namespace, 'reports'),
          key: id,
          event: newEvent(this.config.eventSource, EVENT_TYPES.reportRetracted, data, id),
        },
      ]);
      await this.audit.record(
        m,
        principal,
        'report.retracted',
        { type: 'report', id },
        {
          reason: dto.reason,
        },
      );
      return {
        id,
        status: 'retracted',
        retractedAt: retractedAt.toISOString(),
        reason: dto.reason,
      };
    });
  }
}
