import {
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { ROLES, type Role } from '../vocabulary';

export const ALERT_ACTION_V1 = 'org.aseanwgas.alert.action.v1';
export const ALERT_ACTION_KINDS = [
  'blocked',
  'rejected',
  'account_frozen',
  'funds_held',
  'false_positive',
] as const;
export type AlertActionKind = (typeof ALERT_ACTION_KINDS)[number];

/**
 * `org.aseanwgas.alert.action.v1` on `<ns>.actions.v1`, keyed by indicator id: a telco,
 * bank or agency reports what it did about an alert. The normaliser adjusts the
 * indicator's confidence and status (false_positive); intake shows it on the report.
 */
export class AlertActionV1 {
  @IsUUID()
  actionId!: string;

  @IsUUID()
  alertId!: string;

  @IsString()
  @MaxLength(80)
  indicatorId!: string;

  @IsString()
  @MaxLength(32)
  indicatorType!: string;

  @IsString()
  @MaxLength(4096)
  canonical!: string;

  /** The reports behind the alerted indicator, as fan-out last saw them (may be empty). */
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  reportIds?: string[];

  @IsIn(ALERT_ACTION_KINDS)
  action!: AlertActionKind;

  /** Required for `rejected`. */
  @ValidateIf((a: AlertActionV1) => a.action === 'rejected' || a.reason !== undefined)
  @IsString()
  @MaxLength(500)
  reason?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @IsString()
  @MaxLength(100)
  organisationId!: string;

  @IsIn(ROLES)
  role!: Role;

  /** ISO alpha-2 of the acting organisation. */
  @IsString()
  @MaxLength(2)
  country!: string;

  /** Node where the action was taken. */
  @IsString()
  node!: string;

  @IsISO8601()
  actedAt!: string;
}
