import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblem, CurrentPrincipal, Roles, type Principal, type Role } from '@wgas/platform';
import { ActionResponse } from '../actions/dtos/action.response';
import { AlertActionService } from '../actions/alert-action.service';
import { RecordActionDto } from '../actions/dtos/record-action.dto';
import { INVALID_BODY, INVALID_UUID } from '../openapi';
import { AlertQueryService } from './alert-query.service';
import { AlertListResponse, AlertStateResponse } from './dtos/alert.response';
import { ListAlertsQuery } from './dtos/list-alerts.query';

const uuid = new ParseUUIDPipe({ version: '4' });

const READERS: Role[] = ['telco', 'bank', 'agency', 'operator'];
const ACTORS: Role[] = ['telco', 'bank', 'agency'];
const AlertId = () => ApiParam({ name: 'id', format: 'uuid', description: 'Alert id' });
const NotFound = () =>
  ApiProblem(404, "`alert.not_found`: no such alert sent to the caller's organisation");

/** Alerts with their delivery state, and the feedback loop on them. */
@ApiTags('alerts')
@ApiBearerAuth()
@Controller('v1/alerts')
export class AlertsController {
  constructor(
    private readonly alerts: AlertQueryService,
    private readonly actions: AlertActionService,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary: "Alerts sent to the caller's organisation, with their delivery state",
    description: `${READERS.join(', ')} keys; an operator sees every organisation's. Newest first, paged by \`cursor\`. Webhook alerts are retried with exponential backoff while \`failed\` and \`parked\` after 24 hours of failures.`,
  })
  @ApiOkResponse({ type: AlertListResponse, description: 'One page, newest first' })
  @ApiProblem(400, '`validation.failed` (query) or `alerts.invalid_cursor`')
  list(@CurrentPrincipal() p: Principal, @Query() q: ListAlertsQuery) {
    return this.alerts.list(p, q);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'An alert and its delivery state',
    description: `${READERS.join(', ')} keys; only the receiving organisation (or an operator) sees it.`,
  })
  @AlertId()
  @ApiOkResponse({ type: AlertStateResponse, description: 'The alert as sent and its delivery' })
  @ApiProblem(400, INVALID_UUID)
  @NotFound()
  get(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string) {
    return this.alerts.get(p, id);
  }

  @Post(':id/actions')
  @Roles(...ACTORS)
  @ApiOperation({
    summary: 'Report what was done about an alert',
    description: `${ACTORS.join(', ')} keys of the organisation that received the alert. Recorded and published on \`<ns>.actions.v1\`, where the normaliser adjusts the indicator's confidence and intake shows it on the report. A \`false_positive\` stops alerts on the indicator to this organisation at once (its subscriptions get an \`unblock\`) and to everyone once the normaliser confirms it (ADR 0009).`,
  })
  @AlertId()
  @ApiCreatedResponse({ type: ActionResponse, description: 'The action as recorded' })
  @ApiProblem(400, `${INVALID_BODY}; \`reason\` is required with \`rejected\`; or ${INVALID_UUID}`)
  @NotFound()
  record(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: RecordActionDto,
  ) {
    return this.actions.record(p, id, dto);
  }
}
