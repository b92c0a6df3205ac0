import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConsumes,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '@wgas/platform';
import { BulkImportService, type BulkFormat, type JobView } from './bulk-import.service';

export const BULK_CONTENT_TYPES = ['application/x-ndjson', 'text/csv'];

@ApiTags('bulk')
@ApiBearerAuth()
@Roles('agency')
@Controller('v1')
export class BulkImportController {
  constructor(private readonly bulk: BulkImportService) {}

  @Post('reports\\:bulk')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Import reports from an NDJSON or CSV stream',
    description:
      'NDJSON: one POST /v1/reports body per line. CSV: header row with typology, tlp, channel, occurred_at, loss_amount, loss_currency, narrative, indicators (";"-separated, each optionally "type=value"). Answers when the stream ends; GET /v1/jobs shows progress meanwhile.',
  })
  @ApiConsumes(...BULK_CONTENT_TYPES)
  @ApiAcceptedResponse({ description: 'The job, with per-line errors' })
  importReports(@CurrentPrincipal() p: Principal, @Req() req: Request): Promise<JobView> {
    const format: BulkFormat = req.is('text/csv') ? 'csv' : 'ndjson';
    const length = req.headers['content-length'];
    return this.bulk.run(p, format, req, length === undefined ? undefined : Number(length));
  }

  @Get('jobs')
  @ApiOperation({ summary: "The caller's 50 most recent import jobs, running ones included" })
  list(@CurrentPrincipal() p: Principal): Promise<JobView[]> {
    return this.bulk.list(p);
  }

  @Get('jobs/:id')
  @ApiOperation({ summary: 'Progress and per-line errors of an import job' })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<JobView> {
    return this.bulk.get(p, id);
  }
}
