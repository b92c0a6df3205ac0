import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO4217CurrencyCode,
  IsISO8601,
  IsNumberString,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
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

export class RawIndicatorDto {
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_INDICATOR_VALUE_LENGTH)
  value!: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  type?: string;
}

export class SubmitReportDto {
  @IsIn(TYPOLOGIES)
  typology!: Typology;

  @IsIn(TLP_LEVELS)
  tlp!: Tlp;

  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;

  @IsOptional()
  @IsNumberString({ no_symbols: false })
  @MaxLength(20)
  lossAmount?: string;

  @IsOptional()
  @IsISO4217CurrencyCode()
  lossCurrency?: string;

  @IsOptional()
  @IsString()
  @MaxLength(10000)
  narrative?: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_INDICATORS_PER_REPORT)
  @ValidateNested({ each: true })
  @Type(() => RawIndicatorDto)
  indicators!: RawIndicatorDto[];
}
