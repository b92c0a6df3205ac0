import { ApiPropertyOptional } from '@nestjs/swagger';
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

const ABSENT_MEANS_ALL = 'Absent or null: no filter (on PATCH: absent keeps it, null removes it).';

/** Filters narrowing what the sharing policy lets through; absent means "all". */
export class SubscriptionFiltersDto {
  @ApiPropertyOptional({
    type: String,
    maxLength: 200,
    nullable: true,
    description: "A label of the owner's choosing",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    enum: SUBSCRIBABLE_TYPES,
    isArray: true,
    uniqueItems: true,
    maxItems: SUBSCRIBABLE_TYPES.length,
    nullable: true,
    description: `Indicator types to hear about, within those the policy routes to the key's role (telco: phone, short_code, sms_sender, url, domain; bank: bank_account, payment_proxy, ewallet, crypto; agency: all). ${ABSENT_MEANS_ALL}`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SUBSCRIBABLE_TYPES.length)
  @ArrayUnique()
  @IsIn(SUBSCRIBABLE_TYPES, { each: true })
  types?: string[];

  @ApiPropertyOptional({
    enum: MEMBER_COUNTRIES,
    isArray: true,
    uniqueItems: true,
    maxItems: MEMBER_COUNTRIES.length,
    nullable: true,
    description: `Only indicators reported from one of these countries (ISO 3166-1 alpha-2). ${ABSENT_MEANS_ALL}`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MEMBER_COUNTRIES.length)
  @ArrayUnique()
  @IsIn(MEMBER_COUNTRIES, { each: true })
  originCountries?: string[];

  @ApiPropertyOptional({
    type: Number,
    minimum: 0,
    maximum: 1,
    nullable: true,
    description:
      'Lowest indicator confidence to hear about. Absent or null: 0.5, where a single agency report blocks; below that, alerts come as `monitor`.',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  minConfidence?: number;

  @ApiPropertyOptional({
    enum: TYPOLOGIES,
    isArray: true,
    uniqueItems: true,
    maxItems: TYPOLOGIES.length,
    nullable: true,
    description: `Scam typologies to hear about. ${ABSENT_MEANS_ALL}`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TYPOLOGIES.length)
  @ArrayUnique()
  @IsIn(TYPOLOGIES, { each: true })
  typologies?: string[];
}
