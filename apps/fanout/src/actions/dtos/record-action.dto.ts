import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ALERT_ACTION_KINDS, type AlertActionKind } from '@wgas/contracts';

export class RecordActionDto {
  @ApiProperty({
    enum: ALERT_ACTION_KINDS,
    description:
      'What the organisation did. `false_positive` stops alerts on the indicator to this organisation at once, and to everyone once the normaliser confirms it (ADR 0009).',
  })
  @IsIn(ALERT_ACTION_KINDS)
  action!: AlertActionKind;

  /** Required when rejecting: why the alert was not acted on. */
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 500,
    description: 'Required with `rejected`: why the alert was not acted on',
  })
  @ValidateIf((d: RecordActionDto) => d.action === 'rejected' || d.reason !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
