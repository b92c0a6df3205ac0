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
import { CurrentPrincipal, Roles, type Principal } from '@wgas/platform';
import { CreateSubscriptionDto } from './dtos/create-subscription.dto';
import { UpdateSubscriptionDto } from './dtos/update-subscription.dto';
import { SubscriptionService } from './subscription.service';

const uuid = new ParseUUIDPipe({ version: '4' });

/** Telcos, banks and agencies manage their own subscriptions; operators read all. */
@Controller('v1/subscriptions')
export class SubscriptionController {
  constructor(private readonly subscriptions: SubscriptionService) {}

  @Post()
  @Roles('telco', 'bank', 'agency')
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateSubscriptionDto) {
    return this.subscriptions.create(p, dto);
  }

  @Get()
  @Roles('telco', 'bank', 'agency', 'operator')
  async list(@CurrentPrincipal() p: Principal) {
    return { subscriptions: await this.subscriptions.list(p) };
  }

  @Get(':id')
  @Roles('telco', 'bank', 'agency', 'operator')
  get(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string) {
    return this.subscriptions.get(p, id);
  }

  @Patch(':id')
  @Roles('telco', 'bank', 'agency')
  update(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: UpdateSubscriptionDto,
  ) {
    return this.subscriptions.update(p, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('telco', 'bank', 'agency')
  async remove(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string) {
    await this.subscriptions.remove(p, id);
  }

  @Post(':id/secret')
  @HttpCode(200)
  @Roles('telco', 'bank', 'agency')
  rotateSecret(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string) {
    return this.subscriptions.rotateSecret(p, id);
  }
}
