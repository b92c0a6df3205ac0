import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@wgas/platform';
import { AuditLogService, type AuditPage } from './audit-log.service';
import { ListAuditQuery } from './dtos/list-audit.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditLogService) {}

  /** Who did what: submissions, retractions, organisations and keys. Operators only. */
  @Get()
  @Roles('operator')
  list(@Query() q: ListAuditQuery): Promise<AuditPage> {
    return this.audit.list(q);
  }
}
