import { randomUUID } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { DataSource } from 'typeorm';
import { validatePlain } from '@wgas/contracts';
import { NODE_CONFIG, ProblemException, type Principal } from '@wgas/platform';
import { AuditLogService } from '../audit/audit-log.service';
import type { IntakeConfig } from '../intake.config';
import { SubmitReportDto } from '../reports/dtos/submit-report.dto';
import { assertUuid } from '../reports/report-lookup';
import { buildReport, writeReports, type NewReport } from '../reports/report-writer';
import { BulkBodyError, csvRecords, ndjsonRecords, type BulkRecord } from './bulk-records';
import { ImportJob, type LineError } from './import-job.entity';

/** Per-line errors kept on the job; the count covers them all. */
export const MAX_STORED_ERRORS = 1000;
const BATCH_LINES = 500;

function jobNotFound(id: string): ProblemException {
  return new ProblemException(
    HttpStatus.NOT_FOUND,
    'job.not_found',
    `No import job "${id.slice(0, 64)}" of yours.`,
  );
}

export type BulkFormat = 'ndjson' | 'csv';

export interface JobView {
  id: string;
  status: ImportJob['status'];
  format: BulkFormat;
  linesRead: number;
  reportsAccepted: number;
  indicatorsAccepted: number;
  linesRejected: number;
  errors: LineError[];
  /** True when more lines were rejected than `errors` lists. */
  errorsTruncated: boolean;
  failure: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export function jobView(j: ImportJob): JobView {
  return {
    id: j.id,
    status: j.status,
    format: j.format,
    linesRead: j.linesRead,
    reportsAccepted: j.reportsAccepted,
    indicatorsAccepted: j.indicatorsAccepted,
    linesRejected: j.linesRejected,
    errors: j.errors,
    errorsTruncated: j.linesRejected > j.errors.length,
    failure: j.failure,
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}

function firstFieldError(errors: ValidationError[], parent = ''): LineError['field'] & string {
  const e = errors[0];
  if (!e) return parent;
  const field = parent ? `${parent}.${e.property}` : e.property;
  return e.constraints ? field : firstFieldError(e.children ?? [], field);
}

function reasonOf(errors: ValidationError[]): string {
  const walk = (es: ValidationError[]): string | undefined => {
    for (const e of es) {
      const own = Object.values(e.constraints ?? {})[0];
      if (own) return own;
      const nested = walk(e.children ?? []);
      if (nested) return nested;
    }
    return undefined;
  };
  return (walk(errors) ?? 'invalid').slice(0, 300);
}

/** Fails the stream once more than `limit` bytes went through it. */
function byteLimit(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > limit) {
        done(new BulkBodyError('request.too_large', `The body exceeds ${limit} bytes.`));
      } else done(null, chunk);
    },
  });
}

interface Snapshot {
  linesRead: number;
  reportsAccepted: number;
  indicatorsAccepted: number;
  linesRejected: number;
  errors: LineError[];
}

/** Job counters while the file streams in; written to the job row at every batch. */
class Progress {
  linesRead = 0;
  reportsAccepted = 0;
  indicatorsAccepted = 0;
  linesRejected = 0;
  stored = 0;
  pendingErrors: LineError[] = [];

  /** The counters now, and the errors not yet written (handed over to the writer). */
  snapshot(): Snapshot {
    const errors = this.pendingErrors;
    this.stored += errors.length;
    this.pendingErrors = [];
    return {
      linesRead: this.linesRead,
      reportsAccepted: this.reportsAccepted,
      indicatorsAccepted: this.indicatorsAccepted,
      linesRejected: this.linesRejected,
      errors,
    };
  }

  reject(line: number, field: string | null, reason: string): void {
    this.linesRejected++;
    if (this.stored + this.pendingErrors.length < MAX_STORED_ERRORS) {
      this.pendingErrors.push({ line, field, reason });
    }
  }
}

/**
 * Bulk import: streams NDJSON or CSV, validates each line like `POST /v1/reports`, and
 * writes good lines in batches of 500 (reports, raw indicators and outbox rows in one
 * transaction each), updating the job as it goes so progress is visible while the upload
 * runs. Bad lines are recorded by line number and field; they never stop the import.
 */
@Injectable()
export class BulkImportService {
  private readonly logger = new Logger(BulkImportService.name);

  constructor(
    private readonly ds: DataSource,
    @Inject(NODE_CONFIG) private readonly config: IntakeConfig,
    private readonly audit: AuditLogService,
  ) {}

  async run(
    principal: Principal,
    format: BulkFormat,
    body: Readable,
    length?: number,
  ): Promise<JobView> {
    const limit = this.config.BULK_BODY_LIMIT_BYTES;
    if (length !== undefined && length > limit) {
      throw new ProblemException(
        HttpStatus.PAYLOAD_TOO_LARGE,
        'request.too_large',
        `The body exceeds ${limit} bytes.`,
      );
    }
    const id = randomUUID();
    await this.ds.getRepository(ImportJob).insert({
      id,
      organisationId: principal.organisationId,
      format,
      status: 'running',
      errors: [],
      failure: null,
      finishedAt: null,
    });
    const progress = new Progress();
    const limited = body.pipe(byteLimit(limit));
    body.on('error', (e) => limited.destroy(e));
    body.on('aborted', () =>
      limited.destroy(new BulkBodyError('request.aborted', 'The client aborted the upload.')),
    );
    const maxLine = this.config.BULK_MAX_LINE_BYTES;
    const records =
      format === 'ndjson' ? ndjsonRecords(limited, maxLine) : csvRecords(limited, maxLine);
    // One batch is written while the next is parsed: Postgres and this process overlap.
    let inflight: Promise<void> = Promise.resolve();
    try {
      let batch: NewReport[] = [];
      for await (const record of records) {
        progress.linesRead++;
        const report = this.toReport(principal, record, progress);
        if (report) batch.push(report);
        if (progress.linesRead % BATCH_LINES === 0) {
          await inflight;
          inflight = this.flush(id, principal, batch, progress.snapshot());
          inflight.catch(() => undefined); // observed by the next await
          batch = [];
        }
      }
      await inflight;
      await this.flush(id, principal, batch, progress.snapshot(), 'completed');
    } catch (e) {
      await inflight.catch(() => undefined);
      const failure = e instanceof BulkBodyError ? e : undefined;
      if (!failure)
        this.logger.error(`bulk import ${id} failed: ${(e as Error).stack ?? String(e)}`);
      await this.fail(id, progress, failure?.message ?? 'internal error');
      if (failure?.code === 'request.too_large') {
        throw new ProblemException(
          HttpStatus.PAYLOAD_TOO_LARGE,
          failure.code,
          `${failure.message} Job ${id} stopped; lines before the limit were kept.`,
        );
      }
      if (failure) {
        throw new ProblemException(
          HttpStatus.BAD_REQUEST,
          failure.code,
          `${failure.message} Job ${id} stopped.`,
        );
      }
      throw e;
    }
    return this.get(principal, id);
  }

  private toReport(
    principal: Principal,
    record: BulkRecord,
    progress: Progress,
  ): NewReport | undefined {
    if ('error' in record) {
      progress.reject(record.line, record.error.field, record.error.reason);
      return undefined;
    }
    const verdict = validatePlain(SubmitReportDto, record.value);
    if ('unreadable' in verdict) {
      progress.reject(record.line, null, 'the line cannot be read as a report');
      return undefined;
    }
    if ('errors' in verdict) {
      const { errors } = verdict;
      progress.reject(record.line, firstFieldError(errors) || null, reasonOf(errors));
      return undefined;
    }
    const dto = verdict.instance;
    progress.reportsAccepted++;
    progress.indicatorsAccepted += dto.indicators.length;
    return buildReport(principal, dto, this.config);
  }

  private async flush(
    id: string,
    principal: Principal,
    batch: NewReport[],
    p: Snapshot,
    finalStatus?: 'completed',
  ): Promise<void> {
    const errors = p.errors;
    await this.ds.transaction(async (m) => {
      await writeReports(m, principal, batch, id);
      await m.query(
        `UPDATE intake.import_jobs SET lines_read = $2, reports_accepted = $3, indicators_accepted = $4,
            lines_rejected = $5, errors = errors || $6::jsonb, status = coalesce($7, status),
            finished_at = CASE WHEN $7 IS NULL THEN NULL ELSE now() END
          WHERE id = $1`,
        [
          id,
          p.linesRead,
          p.reportsAccepted,
          p.indicatorsAccepted,
          p.linesRejected,
          JSON.stringify(errors),
          finalStatus ?? null,
        ],
      );
      if (finalStatus) {
        await this.audit.record(
          m,
          principal,
          'reports.bulk_imported',
          { type: 'import_job', id },
          {
            reports: p.reportsAccepted,
            indicators: p.indicatorsAccepted,
            linesRejected: p.linesRejected,
          },
        );
      }
    });
  }

  private async fail(id: string, p: Progress, failure: string): Promise<void> {
    await this.ds.query(
      `UPDATE intake.import_jobs SET status = 'failed', failure = $2, finished_at = now(),
          lines_rejected = $3, errors = errors || $4::jsonb WHERE id = $1`,
      [id, failure.slice(0, 500), p.linesRejected, JSON.stringify(p.pendingErrors)],
    );
  }

  async get(principal: Principal, id: string): Promise<JobView> {
    const job = await this.ds
      .getRepository(ImportJob)
      .findOneBy({ id: assertUuid(id, jobNotFound), organisationId: principal.organisationId });
    if (!job) throw jobNotFound(id);
    return jobView(job);
  }

  async list(principal: Principal): Promise<JobView[]> {
    const jobs = await this.ds.getRepository(ImportJob).find({
      where: { organisationId: principal.organisationId },
      order: { createdAt: 'DESC' },
      take: 50,
    });
    return jobs.map(jobView);
  }
}
