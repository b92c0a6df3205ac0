import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProblemException, type Principal } from '@wgas/platform';
import type { ListReportsQuery } from './dtos/list-reports.query';
import { RawIndicator, type RawIndicatorOutcome } from './raw-indicator.entity';
import { ReportAction } from './report-action.entity';
import { Report } from './report.entity';
import { assertUuid, reportNotFound } from './report-lookup';

export interface RawIndicatorStatus {
  id: string;
  position: number;
  value: string;
  typeHint: string | null;
  outcome: RawIndicatorOutcome;
  type?: string;
  canonical?: string;
  indicatorId?: string;
  rejection?: { code: string; message: string };
}

export interface ReportSummary {
  id: string;
  status: Report['status'];
  typology: Report['typology'];
  tlp: Report['tlp'];
  channel: Report['channel'];
  occurredAt: string | null;
  lossAmount: string | null;
  lossCurrency: string | null;
  submittedAt: string;
  importJobId: string | null;
  retraction: { at: string; reason: string; note: string | null } | null;
}

export interface ReportDetail extends ReportSummary {
  narrative: string | null;
  /** pending + accepted + rejected = all raw indicators. */
  outcomes: Record<RawIndicatorOutcome, number>;
  indicators: RawIndicatorStatus[];
  /** What telcos, banks and agencies here and in peer countries did about its indicators. */
  actions: ReportActionView[];
}

export interface ReportActionView {
  indicatorId: string;
  type: string;
  canonical: string;
  action: string;
  reason: string | null;
  role: string;
  country: string;
  node: string;
  actedAt: string;
}

export interface ReportPage {
  items: ReportSummary[];
  nextCursor: string | null;
}

function summary(r: Report): ReportSummary {
  return {
    id: r.id,
    status: r.status,
    typology: r.typology,
    tlp: r.tlp,
    channel: r.channel,
    occurredAt: r.occurredAt?.toISOString() ?? null,
    lossAmount: r.lossAmount,
    lossCurrency: r.lossCurrency,
    submittedAt: r.submittedAt.toISOString(),
    importJobId: r.importJobId,
    retraction: r.retractedAt
      ? {
          at: r.retractedAt.toISOString(),
          reason: r.retractionReason ?? 'other',
          note: r.retractionNote,
        }
      : null,
  };
}

function indicatorStatus(i: RawIndicator): RawIndicatorStatus {
  return {
    id: i.id,
    position: i.position,
    value: i.value,
    typeHint: i.typeHint,
    outcome: i.outcome,
    ...(i.canonicalType ? { type: i.canonicalType } : {}),
    ...(i.canonical ? { canonical: i.canonical } : {}),
    ...(i.indicatorId ? { indicatorId: i.indicatorId } : {}),
    ...(i.rejectionCode
      ? { rejection: { code: i.rejectionCode, message: i.rejectionMessage ?? '' } }
      : {}),
  };
}

/** Cursor: the last row's (submitted_at, id), so pages stay stable while reports arrive. */
function encodeCursor(r: Report): string {
  return Buffer.from(`${r.submittedAt.toISOString()}|${r.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new ProblemException(HttpStatus.BAD_REQUEST, 'pagination.bad_cursor', 'Bad cursor.');
  }
  return { at, id };
}

/** An agency's view of its own reports, with each raw indicator's normalisation outcome. */
@Injectable()
export class ReportQueryService {
  constructor(private readonly ds: DataSource) {}

  async get(principal: Principal, rawId: string): Promise<ReportDetail> {
    const id = assertUuid(rawId, reportNotFound);
    const report = await this.ds
      .getRepository(Report)
      .findOneBy({ id, organisationId: principal.organisationId });
    if (!report) throw reportNotFound(id);
    const indicators = await this.ds
      .getRepository(RawIndicator)
      .find({ where: { reportId: id }, order: { position: 'ASC' } });
    const outcomes = { pending: 0, accepted: 0, rejected: 0 };
    for (const i of indicators) outcomes[i.outcome]++;
    const actions = await this.ds
      .getRepository(ReportAction)
      .find({ where: { reportId: id }, order: { actedAt: 'ASC' } });
    return {
      ...summary(report),
      narrative: report.narrative,
      outcomes,
      indicators: indicators.map(indicatorStatus),
      actions: actions.map((a) => ({
        indicatorId: a.indicatorId,
        type: a.indicatorType,
        canonical: a.canonical,
        action: a.action,
        reason: a.reason,
        role: a.role,
        country: a.country,
        node: a.node,
        actedAt: a.actedAt.toISOString(),
      })),
    };
  }

  async list(principal: Principal, q: ListReportsQuery): Promise<ReportPage> {
    const limit = q.limit ?? 50;
    const qb = this.ds
      .getRepository(Report)
      .createQueryBuilder('r')
      .where('r.organisationId = :org', { org: principal.organisationId })
      .orderBy('r.submittedAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .take(limit + 1);
    if (q.cursor) {
      const c = decodeCursor(q.cursor);
      qb.andWhere('(r.submittedAt, r.id) < (:at, :id)', { at: c.at, id: c.id });
    }
    if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    if (q.typology) qb.andWhere('r.typology = :typology', { typology: q.typology });
    if (q.tlp) qb.andWhere('r.tlp = :tlp', { tlp: q.tlp });
    if (q.since) qb.andWhere('r.submittedAt >= :since', { since: q.since });
    if (q.until) qb.andWhere('r.submittedAt < :until', { until: q.until });
    const rows = await qb.getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(summary),
      nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    };
  }
}
