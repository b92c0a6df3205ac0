import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { TLP_LEVELS, TYPOLOGIES, type Tlp, type Typology } from '@wgas/contracts';
import { SafeText } from './safe-text';

export const REPORT_STATUSES = ['submitted', 'retracted'] as const;

export class ListReportsQuery {
  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page' })
  @IsOptional()
  @SafeText(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ enum: REPORT_STATUSES })
  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: (typeof REPORT_STATUSES)[number];

  @ApiPropertyOptional({ enum: TYPOLOGIES })
  @IsOptional()
  @IsIn(TYPOLOGIES)
  typology?: Typology;

  @ApiPropertyOptional({ enum: TLP_LEVELS })
  @IsOptional()
  @IsIn(TLP_LEVELS)
  tlp?: Tlp;

  @ApiPropertyOptional({ format: 'date-time', description: 'Submitted at or after' })
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Submitted before' })
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string;
}
