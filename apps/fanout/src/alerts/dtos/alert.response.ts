import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ALERT_ACTIONS,
  TLP_LEVELS,
  type AlertAction,
  type AlertIndicatorV1,
  type AlertV1,
  type Tlp,
} from '@wgas/contracts';
import { INDICATOR_TYPES } from '@wgas/indicators';
import { CHANNELS } from '../../subscriptions/subscription.entity';
import type { AlertStateView } from '../alert-query.service';
import { DELIVERY_STATES, type DeliveryState } from './list-alerts.query';

const UNBLOCK_REASONS = ['expired', 'report_retracted', 'false_positive'] as const;

export class AlertIndicatorResponse implements AlertIndicatorV1 {
  @ApiProperty({ maxLength: 80 })
  id!: string;

  @ApiProperty({
    maxLength: 32,
    example: 'phone',
    description: `An indicator type: ${INDICATOR_TYPES.join(', ')} (more may be added)`,
  })
  type!: string;

  @ApiProperty({ maxLength: 4096, example: '+66812345678', description: 'Canonical value' })
  value!: string;

  @ApiPropertyOptional({ maxLength: 4096, description: 'How a person would write it' })
  display?: string;

  @ApiProperty({ minimum: 0, maximum: 1 })
  confidence!: number;

  @ApiProperty({
    type: [String],
    example: ['TH'],
    description: 'Countries whose agencies reported it (ISO 3166-1 alpha-2)',
  })
  countries!: string[];

  @ApiPropertyOptional({ example: 'impersonation' })
  typology?: string;

  @ApiPropertyOptional({ enum: TLP_LEVELS, description: 'TLP 2.0 marking' })
  tlp?: Tlp;

  @ApiPropertyOptional({ format: 'date-time' })
  firstSeen?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  lastSeen?: string;
}

/**
 * `org.aseanwgas.alert.v1` (AlertV1 of @wgas/contracts): the webhook body, the Kafka value
 * and a JSON feed entry.
 */
export class AlertResponse implements AlertV1 {
  @ApiProperty({ format: 'uuid' })
  alertId!: string;

  @ApiProperty({ format: 'uuid' })
  subscriptionId!: string;

  @ApiProperty({
    enum: ALERT_ACTIONS,
    description: '`block` at confidence 0.5 and above, `monitor` below; `unblock` withdraws one',
  })
  action!: AlertAction;

  @ApiProperty({
    maxLength: 200,
    example: 'tlp:green:member-community+routing:phone-to-telco',
    description: 'The sharing-policy rule that let it through (or why an unblock was sent)',
  })
  rule!: string;

  @ApiPropertyOptional({ enum: UNBLOCK_REASONS, description: 'Unblock only' })
  reason?: (typeof UNBLOCK_REASONS)[number];

  @ApiProperty({ type: AlertIndicatorResponse })
  indicator!: AlertIndicatorResponse;

  @ApiProperty({ example: 'th', description: 'Node the alert comes from' })
  origin!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When a block or monitor lapses unless renewed (absent on unblock)',
  })
  expiresAt?: string;
}

export class DeliveryStateResponse {
  @ApiProperty({
    enum: DELIVERY_STATES,
    description:
      'Webhook: the delivery (`failed` = the last attempt failed and a retry with backoff is scheduled; `parked` = given up after 24 h of failures, or the subscription was deleted). Kafka: `pending` while in the outbox, then `delivered`. Feed: `delivered` once the owner presented a cursor past it.',
  })
  status!: DeliveryState;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Webhook POSTs made; null for other channels',
  })
  attempts!: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why the last webhook POST failed' })
  lastError!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deliveredAt!: string | null;
}

export class AlertStateResponse implements AlertStateView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  subscriptionId!: string;

  @ApiProperty()
  organisationId!: string;

  @ApiProperty({ enum: CHANNELS })
  channel!: string;

  @ApiProperty({ enum: ALERT_ACTIONS })
  action!: string;

  @ApiProperty({ description: 'The sharing-policy rule stored with the alert' })
  rule!: string;

  @ApiProperty({ type: DeliveryStateResponse })
  delivery!: DeliveryStateResponse;

  @ApiProperty({ type: AlertResponse, description: 'The alert as sent' })
  alert!: AlertResponse;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class AlertListResponse {
  @ApiProperty({ type: [AlertStateResponse], description: 'Newest first' })
  alerts!: AlertStateResponse[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next (older) page; null on the last page',
  })
  nextCursor!: string | null;
}
