import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MEMBER_COUNTRIES, TYPOLOGIES, type MemberCountry, type Typology } from '@wgas/contracts';
import { INDICATOR_TYPES, type IndicatorType } from '@wgas/indicators';
import { INDICATOR_STATUSES, type IndicatorStatus } from '../../indicators/indicator.entity';

export class SearchIndicatorsQuery {
  @ApiPropertyOptional({ enum: INDICATOR_TYPES })
  @IsOptional()
  @IsIn(INDICATOR_TYPES)
  type?: IndicatorType;

  @ApiPropertyOptional({
    enum: MEMBER_COUNTRIES,
    description: 'Indicators reported by this country (among others)',
  })
  @IsOptional()
  @IsIn(MEMBER_COUNTRIES)
  country?: MemberCountry;

  @ApiPropertyOptional({ enum: TYPOLOGIES, description: 'Indicators reported under this typology' })
  @IsOptional()
  @IsIn(TYPOLOGIES)
  typology?: Typology;

  @ApiPropertyOptional({ enum: INDICATOR_STATUSES })
  @IsOptional()
  @IsIn(INDICATOR_STATUSES)
  status?: IndicatorStatus;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Only indicators last seen at or after this instant (ISO 8601)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
