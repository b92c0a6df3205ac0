import {
  IsArray,
  IsIn,
  IsISO8601,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { TLP_LEVELS, type Tlp } from '../vocabulary';

export const ALERT_V1 = 'org.aseanwgas.alert.v1';
export const ALERT_ACTIONS = ['block', 'monitor', 'unblock'] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

export class AlertIndicatorV1 {
  @IsString()
  @MaxLength(80)
  id!: string;

  @IsString()
  @MaxLength(32)
  type!: string;

  /** Canonical value (`+66812345678`, `http://evil.example/login`, ...). */
  @IsString()
  @MaxLength(4096)
  value!: string;

  @IsOptional()
  @IsString()
  @MaxLength(4096)
  display?: string;

  @IsNumber()
  @Min(0)
  @Max(1)
  confidence!: number;

  /** Countries whose agencies reported it (ISO alpha-2). */
  @IsArray()
  @IsString({ each: true })
  countries!: string[];

  @IsOptional()
  @IsString()
  typology?: string;

  @IsOptional()
  @IsIn(TLP_LEVELS)
  tlp?: Tlp;

  @IsOptional()
  @IsISO8601()
  firstSeen?: string;

  @IsOptional()
  @IsISO8601()
  lastSeen?: string;
}

/**
 * `org.aseanwgas.alert.v1`: one alert for one subscription. The same body is the webhook
 * payload, the value on `<ns>.alerts.<subscriber>.v1` (keyed by indicator id) and a JSON
 * feed entry. `unblock` carries the indicator as it was blocked, with the `reason`.
 */
export class AlertV1 {
  @IsUUID()
  alertId!: string;

  @IsUUID()
  subscriptionId!: string;

  @IsIn(ALERT_ACTIONS)
  action!: AlertAction;

  /** The sharing-policy rule that let the alert through (or why an unblock was sent). */
  @IsString()
  @MaxLength(200)
  rule!: string;

  /** Why an unblock was sent: `expired`, `report_retracted` or `false_positive`. */
  @IsOptional()
  @IsIn(['expired', 'report_retracted', 'false_positive'])
  reason?: 'expired' | 'report_retracted' | 'false_positive';

  @IsObject()
  @ValidateNested()
  @Type(() => AlertIndicatorV1)
  indicator!: AlertIndicatorV1;

  /** Node the alert comes from. */
  @IsString()
  origin!: string;

  @IsISO8601()
  createdAt!: string;

  /** When a block or monitor lapses unless renewed (unblock: absent). */
  @IsOptional()
  @IsISO8601()
  expiresAt?: string;
}
