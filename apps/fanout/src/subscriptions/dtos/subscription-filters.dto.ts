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

/** Indicator types a subscription may filter on (libs/indicators INDICATOR_TYPES). */
export const SUBSCRIBABLE_TYPES = [
  'phone',
  'short_code',
  'sms_sender',
  'url',
  'domain',
  'email',
  'bank_account',
  'payment_proxy',
  'ewallet',
  'crypto',
  'messaging',
  'apk',
  'file_hash',
  'emvco_qr',
] as const;

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
