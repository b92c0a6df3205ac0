import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  EVENT_TYPES,
  topicName,
  type MemberCountry,
  type ReportSubmittedV1,
} from '@wgas/contracts';
import { enqueueEvents, newEvent, type OutgoingEvent } from '@wgas/messaging';
import type { Principal } from '@wgas/platform';
import type { SubmitReportDto } from './dtos/submit-report.dto';

/** A validated report, its raw indicators and its event, ready to be written. */
export interface NewReport {
  id: string;
  dto: SubmitReportDto;
  submittedAt: Date;
  rawIds: string[];
  event: OutgoingEvent<ReportSubmittedV1>;
}

export function buildReport(
  principal: Principal,
  dto: SubmitReportDto,
  o: { namespace: string; eventSource: string },
): NewReport {
  const id = randomUUID();
  const submittedAt = new Date();
  const rawIds = dto.indicators.map(() => randomUUID());
  const data: ReportSubmittedV1 = {
    reportId: id,
    organisationId: principal.organisationId,
    country: principal.country as MemberCountry,
    typology: dto.typology,
    tlp: dto.tlp,
    submittedAt: submittedAt.toISOString(),
    indicators: dto.indicators.map((i, n) => ({
      rawIndicatorId: rawIds[n] as string,
      value: i.value,
      ...(i.type ? { typeHint: i.type } : {}),
    })),
  };
  const event = newEvent(o.eventSource, EVENT_TYPES.reportSubmitted, data, id);
  return {
    id,
    dto,
    submittedAt,
    rawIds,
    event: { topic: topicName(o.namespace, 'reports'), key: id, event },
  };
}

/**
 * Writes reports and their raw indicators with one statement, and their outbox rows with
 * another (unnest of column arrays), so a 500-report bulk batch costs a few round trips.
 */
export async function writeReports(
  m: EntityManager,
  principal: Principal,
  reports: NewReport[],
  importJobId: string | null = null,
): Promise<void> {
  if (reports.length === 0) return;
  const col = <T>(f: (r: NewReport) => T) => reports.map(f);
  const ids: string[] = [];
  const reportIds: string[] = [];
  const positions: number[] = [];
  const values: string[] = [];
  const hints: (string | null)[] = [];
  for (const r of reports) {
    r.dto.indicators.forEach((i, n) => {
      ids.push(r.rawIds[n] as string);
      reportIds.push(r.id);
      positions.push(n);
      values.push(i.value);
      hints.push(i.type ?? null);
    });
  }
  // One statement for both tables: the raw indicators' foreign key is checked at its end,
  // when the reports written by the CTE are there.
  await m.query(
    `WITH written AS (
       INSERT INTO intake.reports (id, organisation_id, country, typology, tlp, channel, occurred_at,
          loss_amount, loss_currency, narrative, status, submitted_at, import_job_id)
       SELECT id, $2, $3, typology, tlp, channel, occurred_at, loss_amount, loss_currency, narrative,
          'submitted', submitted_at, $12
         FROM unnest($1::uuid[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::numeric[],
                     $9::text[], $10::text[], $11::timestamptz[])
           AS t(id, typology, tlp, channel, occurred_at, loss_amount, loss_currency, narrative, submitted_at))
     INSERT INTO intake.raw_indicators (id, report_id, position, value, type_hint)
     SELECT * FROM unnest($13::uuid[], $14::uuid[], $15::int[], $16::text[], $17::text[])`,
    [
      col((r) => r.id),
      principal.organisationId,
      principal.country,
      col((r) => r.dto.typology),
      col((r) => r.dto.tlp),
      col((r) => r.dto.channel ?? null),
      col((r) => r.dto.occurredAt ?? null),
      col((r) => r.dto.lossAmount ?? null),
      col((r) => r.dto.lossCurrency ?? null),
      col((r) => r.dto.narrative ?? null),
      col((r) => r.submittedAt.toISOString()),
      importJobId,
      ids,
      reportIds,
      positions,
      values,
      hints,
    ],
  );
  await enqueueEvents(
    m,
    reports.map((r) => r.event),
  );
}
