import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  EVENT_TYPES,
  topicName,
  type MemberCountry,
  type ReportSubmittedV1,
} from '@wgas/contracts';
import { enqueueEvents, newEvent } from '@wgas/messaging';
import { NODE_CONFIG, type Principal } from '@wgas/platform';
import type { IntakeConfig } from '../intake.config';
import type { SubmitReportDto } from './dtos/submit-report.dto';
import { RawIndicator } from './raw-indicator.entity';
import { Report } from './report.entity';

export interface SubmittedReport {
  id: string;
  status: 'submitted';
  submittedAt: string;
  indicators: { id: string; value: string; type: string | null }[];
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
  ) {}

  async submit(principal: Principal, dto: SubmitReportDto): Promise<SubmittedReport> {
    const reportId = randomUUID();
    const submittedAt = new Date();
    const raws = dto.indicators.map((i, position) => ({
      id: randomUUID(),
      reportId,
      position,
      value: i.value,
      typeHint: i.type ?? null,
    }));
    const data: ReportSubmittedV1 = {
      reportId,
      organisationId: principal.organisationId,
      country: principal.country as MemberCountry,
      typology: dto.typology,
      tlp: dto.tlp,
      submittedAt: submittedAt.toISOString(),
      indicators: raws.map((r) => ({
        rawIndicatorId: r.id,
        value: r.value,
        ...(r.typeHint ? { typeHint: r.typeHint } : {}),
      })),
    };
    await this.ds.transaction(async (m) => {
      await m.insert(Report, {
        id: reportId,
        organisationId: principal.organisationId,
        country: principal.country,
        typology: dto.typology,
        tlp: dto.tlp,
        channel: dto.channel ?? null,
        occurredAt: dto.occurredAt ? new Date(dto.occurredAt) : null,
        lossAmount: dto.lossAmount ?? null,
        lossCurrency: dto.lossCurrency ?? null,
        narrative: dto.narrative ?? null,
        status: 'submitted',
        submittedAt,
      });
      await m.insert(RawIndicator, raws);
      const event = newEvent(this.config.eventSource, EVENT_TYPES.reportSubmitted, data, reportId);
      await enqueueEvents(m, [
        { topic: topicName(this.config.namespace, 'reports'), key: reportId, event },
      ]);
    });
    return {
      id: reportId,
      status: 'submitted',
      submittedAt: submittedAt.toISOString(),
      indicators: raws.map((r) => ({ id: r.id, value: r.value, type: r.typeHint })),
    };
  }
}
