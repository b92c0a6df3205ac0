import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUrl, MaxLength } from 'class-validator';
import { SubscriptionFiltersDto } from './subscription-filters.dto';

/** Replaces the filters given (others stay); the channel cannot change. */
export class UpdateSubscriptionDto extends SubscriptionFiltersDto {
  @ApiPropertyOptional({
    format: 'uri',
    maxLength: 2000,
    example: 'https://hooks.telco.example/wgas',
    description:
      'Webhook subscriptions only (else 409): http(s), no credentials in the URL, public addresses only (else 422).',
  })
  @IsOptional()
  @IsUrl({
    protocols: ['http', 'https'],
    require_protocol: true,
    require_tld: false,
    disallow_auth: true,
  })
  @MaxLength(2000)
  webhookUrl?: string;
}
