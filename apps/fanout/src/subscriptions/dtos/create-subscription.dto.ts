import { IsIn, IsUrl, MaxLength, ValidateIf } from 'class-validator';
import { CHANNELS, type DeliveryChannel } from '../subscription.entity';
import { SubscriptionFiltersDto } from './subscription-filters.dto';

export class CreateSubscriptionDto extends SubscriptionFiltersDto {
  @IsIn(CHANNELS)
  channel!: DeliveryChannel;

  /** Required for the webhook channel; http(s), no credentials. */
  @ValidateIf((d: CreateSubscriptionDto) => d.channel === 'webhook' || d.webhookUrl !== undefined)
  @IsUrl({
    protocols: ['http', 'https'],
    require_protocol: true,
    require_tld: false,
    disallow_auth: true,
  })
  @MaxLength(2000)
  webhookUrl?: string;
}
