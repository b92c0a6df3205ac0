import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblem, CurrentPrincipal, Roles, type Principal, type Role } from '@wgas/platform';
import { INVALID_BODY, INVALID_UUID } from '../openapi';
import { CreateSubscriptionDto } from './dtos/create-subscription.dto';
import {
  CreatedSubscriptionResponse,
  RotatedSubscriptionResponse,
  SubscriptionListResponse,
  SubscriptionResponse,
} from './dtos/subscription.response';
import { UpdateSubscriptionDto } from './dtos/update-subscription.dto';
import { MAX_SUBSCRIPTIONS_PER_ORGANISATION, SubscriptionService } from './subscription.service';

const uuid = new ParseUUIDPipe({ version: '4' });

const SUBSCRIBERS: Role[] = ['telco', 'bank', 'agency'];
const READERS: Role[] = ['telco', 'bank', 'agency', 'operator'];
const SubscriptionId = () =>
  ApiParam({ name: 'id', format: 'uuid', description: 'Subscription id' });
const NotFound = () =>
  ApiProblem(
    404,
    "`subscription.not_found`: no such live subscription of the caller's organisation",
  );
const TargetRefused = () =>
  ApiProblem(
    422,
    '`subscription.webhook_target_refused`: the webhook host resolves to a private, loopback, link-local or otherwise non-public address, or does not resolve (field `webhookUrl`)',
  );

/** Telcos, banks and agencies manage their own subscriptions; operators read all. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions')
export class SubscriptionController {
  constructor(private readonly subscriptions: SubscriptionService) {}

  @Post()
  @Roles(...SUBSCRIBERS)
  @ApiOperation({
    summary: 'Subscribe to alerts',
    description: `Telco, bank and agency keys. The subscription belongs to the caller's organisation and takes the key's role, which decides the indicator types the sharing policy routes to it; the filters narrow that further. A webhook subscription's signing secret is in this response only; each delivery is signed with it (Standard Webhooks), keeps its \`webhook-id\` across retries (exponential backoff) and is parked after 24 hours of failures. At most ${MAX_SUBSCRIPTIONS_PER_ORGANISATION} live subscriptions per organisation.`,
  })
  @ApiCreatedResponse({
    type: CreatedSubscriptionResponse,
    description: 'The subscription; with `secret` when its channel is webhook',
  })
  @ApiProblem(400, INVALID_BODY)
  @ApiProblem(
    409,
    `\`subscription.limit_reached\`: the organisation already has ${MAX_SUBSCRIPTIONS_PER_ORGANISATION} subscriptions`,
  )
  @TargetRefused()
  @ApiProblem(503, '`subscription.kafka_unavailable`: the alert topic cannot be created now; retry')
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateSubscriptionDto) {
    return this.subscriptions.create(p, dto);
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary: "The caller's organisation's subscriptions",
    description: `${READERS.join(', ')} keys; an operator sees every organisation's. Never includes secrets.`,
  })
  @ApiOkResponse({ type: SubscriptionListResponse, description: 'Live subscriptions' })
  async list(@CurrentPrincipal() p: Principal) {
    return { subscriptions: await this.subscriptions.list(p) };
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'A subscription',
    description: `${READERS.join(', ')} keys; only the owning organisation (or an operator) sees it. Never includes the secret.`,
  })
  @SubscriptionId()
  @ApiOkResponse({ type: SubscriptionResponse, description: 'The subscription' })
  @ApiProblem(400, INVALID_UUID)
  @NotFound()
  get(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string) {
    return this.subscriptions.get(p, id);
  }

  @Patch(':id')
  @Roles(...SUBSCRIBERS)
  @ApiOperation({
    summary: 'Change filters or the webhook URL',
    description:
      "Telco, bank and agency keys, on their own organisation's subscriptions. Fields given replace the current ones, fields absent stay, a filter set to null is removed. The channel cannot change.",
  })
  @SubscriptionId()
  @ApiOkResponse({ type: SubscriptionResponse, description: 'The subscription as changed' })
  @ApiProblem(400, `${INVALID_BODY}; or ${INVALID_UUID}`)
  @NotFound()
  @ApiProblem(
    409,
    '`subscription.channel_mismatch`: `webhookUrl` given for a kafka or feed subscription',
  )
  @TargetRefused()
  update(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: UpdateSubscriptionDto,
  ) {
    return this.subscriptions.update(p, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...SUBSCRIBERS)
  @ApiOperation({
    summary: 'Unsubscribe',
    description:
      "Telco, bank and agency keys, on their own organisation's subscriptions. No new alerts; webhook alerts not yet delivered are parked, not sent.",
  })
  @SubscriptionId()
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(400, INVALID_UUID)
  @NotFound()
  async remove(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string) {
    await this.subscriptions.remove(p, id);
  }

  @Post(':id/secret')
  @HttpCode(200)
  @Roles(...SUBSCRIBERS)
  @ApiOperation({
    summary: 'Rotate the webhook signing secret',
    description:
      "Telco, bank and agency keys, on their own organisation's webhook subscriptions. The new secret is in this response only. For 24 hours (WEBHOOK_SECRET_OVERLAP_MS) each delivery's `webhook-signature` carries a signature by the new and one by the old secret, space-separated as Standard Webhooks allows, so the receiver can switch without missing alerts.",
  })
  @SubscriptionId()
  @ApiOkResponse({
    type: RotatedSubscriptionResponse,
    description: 'The subscription with its new `secret`',
  })
  @ApiProblem(400, INVALID_UUID)
  @NotFound()
  @ApiProblem(409, '`subscription.channel_mismatch`: only webhook subscriptions have a secret')
  rotateSecret(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string) {
    return this.subscriptions.rotateSecret(p, id);
  }
}
