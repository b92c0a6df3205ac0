import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MEMBER_COUNTRIES, TYPOLOGIES } from '@wgas/contracts';
import { CHANNELS } from '../subscription.entity';
import type { SubscriptionWithSecret } from '../subscription.service';
import type { SubscriptionView } from '../subscription.view';
import { SUBSCRIBABLE_TYPES } from './subscription-filters.dto';

const SUBSCRIBER_ROLES = ['agency', 'telco', 'bank'];

/** A subscription as the API shows it (subscription.view.ts): never its secret. */
export class SubscriptionResponse implements SubscriptionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: "The owning organisation: the caller's own" })
  organisationId!: string;

  @ApiProperty({
    enum: SUBSCRIBER_ROLES,
    description: "The owner's role when it subscribed; decides which indicator types reach it",
  })
  role!: string;

  @ApiProperty({ type: String, nullable: true, description: "A label of the owner's choosing" })
  name!: string | null;

  @ApiProperty({ enum: CHANNELS })
  channel!: string;

  @ApiProperty({ type: String, format: 'uri', nullable: true, description: 'Webhook channel' })
  webhookUrl!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Kafka channel: the topic its alerts go to, `<ns>.alerts.<subscriber>.v1`',
  })
  kafkaTopic!: string | null;

  @ApiProperty({
    example: '/v1/feeds/9b2f0c1e-8a4d-4b7e-9c1a-3f5d2e6a7b8c',
    description: 'Every subscription can also be read as a pull feed',
  })
  feedUrl!: string;

  @ApiProperty({
    enum: SUBSCRIBABLE_TYPES,
    isArray: true,
    nullable: true,
    description: 'null: all',
  })
  types!: string[] | null;

  @ApiProperty({ enum: MEMBER_COUNTRIES, isArray: true, nullable: true, description: 'null: all' })
  originCountries!: string[] | null;

  @ApiProperty({ type: Number, minimum: 0, maximum: 1, nullable: true, description: 'null: 0.5' })
  minConfidence!: number | null;

  @ApiProperty({ enum: TYPOLOGIES, isArray: true, nullable: true, description: 'null: all' })
  typologies!: string[] | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

const SECRET_DESCRIPTION =
  'Standard Webhooks signing secret (`whsec_<base64>`). Shown only in this response: store it now. Deliveries carry `webhook-id` (stable across retries), `webhook-timestamp` and `webhook-signature` (`v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`).';

export class CreatedSubscriptionResponse
  extends SubscriptionResponse
  implements SubscriptionWithSecret
{
  @ApiPropertyOptional({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: `Webhook channel only. ${SECRET_DESCRIPTION}`,
  })
  secret?: string;
}

export class RotatedSubscriptionResponse
  extends SubscriptionResponse
  implements SubscriptionWithSecret
{
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: SECRET_DESCRIPTION,
  })
  secret!: string;
}

export class SubscriptionListResponse {
  @ApiProperty({ type: [SubscriptionResponse], description: 'Oldest first, at most 1000' })
  subscriptions!: SubscriptionResponse[];
}
