import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@wgas/platform';
import { SubmitReportDto } from './dtos/submit-report.dto';
import { ReportIntakeService, type SubmittedReport } from './report-intake.service';

@Controller('v1/reports')
export class ReportsController {
  constructor(private readonly intake: ReportIntakeService) {}

  @Post()
  @HttpCode(201)
  @Roles('agency')
  submit(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: SubmitReportDto,
  ): Promise<SubmittedReport> {
    return this.intake.submit(principal, dto);
  }
}
