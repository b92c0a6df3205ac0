import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUrl, MaxLength, ValidateIf } from 'class-validator';
import { CHANNELS, type DeliveryChannel } from '../subscription.entity';
import { SubscriptionFiltersDto } from './subscription-filters.dto';

export class CreateSubscriptionDto extends SubscriptionFiltersDto {
  @ApiProperty({
    enum: CHANNELS,
    description:
      '`webhook`: signed POSTs to `webhookUrl`; `kafka`: a topic of its own, `<ns>.alerts.<subscriber>.v1`; `feed`: pull only. Cannot change later.',
  })
  @IsIn(CHANNELS)
  channel!: DeliveryChannel;

  /** Required for the webhook channel; http(s), no credentials. */
  @ApiPropertyOptional({
    format: 'uri',
    maxLength: 2000,
    example: 'https://hooks.telco.example/wgas',
    description:
      'Required for the `webhook` channel: http(s), no credentials in the URL; its host must resolve to public addresses only (else 422).',
  })
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
