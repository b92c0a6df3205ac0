import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO4217CurrencyCode,
  IsISO8601,
  IsObject,
  IsOptional,
  Matches,
  ValidateNested,
} from 'class-validator';
import {
  CHANNELS,
  MAX_INDICATOR_VALUE_LENGTH,
  MAX_INDICATORS_PER_REPORT,
  TLP_LEVELS,
  TYPOLOGIES,
  type Channel,
  type Tlp,
  type Typology,
} from '@wgas/contracts';
import { SafeText } from './safe-text';

export const MAX_NARRATIVE_LENGTH = 10_000;

export class RawIndicatorDto {
  @ApiProperty({ description: 'The value as reported', maxLength: MAX_INDICATOR_VALUE_LENGTH })
  @SafeText(MAX_INDICATOR_VALUE_LENGTH, 1)
  value!: string;

  @ApiPropertyOptional({
    description: 'Type hint, e.g. phone, url, bank_account, promptpay',
    maxLength: 32,
  })
  @IsOptional()
  @SafeText(32)
  @Matches(/^[a-z][a-z0-9_]*$/, { message: 'type must be lower-case letters, digits and _' })
  type?: string;
}

export class SubmitReportDto {
  @ApiProperty({ enum: TYPOLOGIES })
  @IsIn(TYPOLOGIES)
  typology!: Typology;

  @ApiProperty({ enum: TLP_LEVELS, description: 'TLP 2.0 marking' })
  @IsIn(TLP_LEVELS)
  tlp!: Tlp;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the scam happened' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @SafeText(40)
  occurredAt?: string;

  @ApiPropertyOptional({ example: '1500.00', description: 'Decimal string, up to 2 decimals' })
  @IsOptional()
  @SafeText(20)
  @Matches(/^\d{1,16}(\.\d{1,2})?$/, {
    message: 'lossAmount must be a non-negative decimal with at most 16 digits and 2 decimals',
  })
  lossAmount?: string;

  @ApiPropertyOptional({ example: 'THB' })
  @IsOptional()
  @IsISO4217CurrencyCode()
  lossCurrency?: string;

  @ApiPropertyOptional({
    maxLength: MAX_NARRATIVE_LENGTH,
    description: 'Kept at this node, never shared',
  })
  @IsOptional()
  @SafeText(MAX_NARRATIVE_LENGTH)
  narrative?: string;

  @ApiProperty({
    type: [RawIndicatorDto],
    minItems: 1,
    maxItems: MAX_INDICATORS_PER_REPORT,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_INDICATORS_PER_REPORT)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => RawIndicatorDto)
  indicators!: RawIndicatorDto[];
}
