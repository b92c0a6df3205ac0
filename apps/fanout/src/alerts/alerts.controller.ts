import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@wgas/platform';
import { AlertActionService } from '../actions/alert-action.service';
import { RecordActionDto } from '../actions/dtos/record-action.dto';
import { AlertQueryService } from './alert-query.service';
import { ListAlertsQuery } from './dtos/list-alerts.query';

const uuid = new ParseUUIDPipe({ version: '4' });

/** Alerts with their delivery state, and the feedback loop on them. */
@Controller('v1/alerts')
export class AlertsController {
  constructor(
    private readonly alerts: AlertQueryService,
    private readonly actions: AlertActionService,
  ) {}

  @Get()
  @Roles('telco', 'bank', 'agency', 'operator')
  list(@CurrentPrincipal() p: Principal, @Query() q: ListAlertsQuery) {
    return this.alerts.list(p, q);
  }

  @Get(':id')
  @Roles('telco', 'bank', 'agency', 'operator')
  get(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string) {
    return this.alerts.get(p, id);
  }

  @Post(':id/actions')
  @Roles('telco', 'bank', 'agency')
  record(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: RecordActionDto,
  ) {
    return this.actions.record(p, id, dto);
  }
}
