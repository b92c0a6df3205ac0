import { IsOptional, IsUrl, MaxLength } from 'class-validator';
import { SubscriptionFiltersDto } from './subscription-filters.dto';

/** Replaces the filters given (others stay); the channel cannot change. */
export class UpdateSubscriptionDto extends SubscriptionFiltersDto {
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
