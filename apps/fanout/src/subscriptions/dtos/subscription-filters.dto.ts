import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { MEMBER_COUNTRIES, TYPOLOGIES } from '@wgas/contracts';
import { INDICATOR_TYPES } from '@wgas/indicators';

/** Indicator types a subscription may filter on: every type the normaliser produces. */
export const SUBSCRIBABLE_TYPES = INDICATOR_TYPES;

/** Filters narrowing what the sharing policy lets through; absent means "all". */
export class SubscriptionFiltersDto {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SUBSCRIBABLE_TYPES.length)
  @ArrayUnique()
  @IsIn(SUBSCRIBABLE_TYPES, { each: true })
  types?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MEMBER_COUNTRIES.length)
  @ArrayUnique()
  @IsIn(MEMBER_COUNTRIES, { each: true })
  originCountries?: string[];

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  minConfidence?: number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TYPOLOGIES.length)
  @ArrayUnique()
  @IsIn(TYPOLOGIES, { each: true })
  typologies?: string[];
}
