import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '@wgas/platform';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { ListReportsQuery } from './dtos/list-reports.query';
import { RetractReportDto } from './dtos/retract-report.dto';
import { SubmitReportDto } from './dtos/submit-report.dto';
import { ReportIntakeService, type SubmittedReport } from './report-intake.service';
import { ReportQueryService, type ReportDetail, type ReportPage } from './report-query.service';
import { ReportRetractionService, type RetractedReport } from './report-retraction.service';

@ApiTags('reports')
@ApiBearerAuth()
@Roles('agency')
@Controller('v1/reports')
export class ReportsController {
  constructor(
    private readonly intake: ReportIntakeService,
    private readonly query: ReportQueryService,
    private readonly retraction: ReportRetractionService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Submit a scam report' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key and body returns the first answer and creates nothing',
  })
  async submit(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: SubmitReportDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SubmittedReport> {
    const key = this.idempotency.parseKey(idempotencyKey);
    const { report, replayed } = await this.intake.submit(principal, dto, key);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return report;
  }

  @Get()
  @ApiOperation({ summary: "The caller's own reports, newest first, cursor-paginated" })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() q: ListReportsQuery,
  ): Promise<ReportPage> {
    return this.query.list(principal, q);
  }

  @Get(':id')
  @ApiOperation({ summary: "A report with each raw indicator's normalisation outcome" })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<ReportDetail> {
    return this.query.get(principal, id);
  }

  @Post(':id\\:retract')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retract a report; emits report.retracted so alerts can be withdrawn' })
  retract(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() dto: RetractReportDto,
  ): Promise<RetractedReport> {
    return this.retraction.retract(principal, id, dto);
  }
}
