import { IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ALERT_ACTION_KINDS, type AlertActionKind } from '@wgas/contracts';

export class RecordActionDto {
  @IsIn(ALERT_ACTION_KINDS)
  action!: AlertActionKind;

  /** Required when rejecting: why the alert was not acted on. */
  @ValidateIf((d: RecordActionDto) => d.action === 'rejected' || d.reason !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
