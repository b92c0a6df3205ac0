import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MEMBER_COUNTRIES, TYPOLOGIES, type MemberCountry, type Typology } from '@wgas/contracts';
import { INDICATOR_TYPES, type IndicatorType } from '@wgas/indicators';
import { INDICATOR_STATUSES, type IndicatorStatus } from '../../indicators/indicator.entity';

export class SearchIndicatorsQuery {
  @IsOptional()
  @IsIn(INDICATOR_TYPES)
  type?: IndicatorType;

  /** Indicators reported by this country (among others). */
  @IsOptional()
  @IsIn(MEMBER_COUNTRIES)
  country?: MemberCountry;

  @IsOptional()
  @IsIn(TYPOLOGIES)
  typology?: Typology;

  @IsOptional()
  @IsIn(INDICATOR_STATUSES)
  status?: IndicatorStatus;

  /** Only indicators last seen at or after this instant. */
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string;

  /** `nextCursor` of the previous page. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
