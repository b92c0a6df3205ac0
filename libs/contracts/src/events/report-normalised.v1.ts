import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { MAX_INDICATORS_PER_REPORT } from './report-submitted.v1';

/** What the normaliser made of one raw indicator: a canonical value, or a coded rejection. */
export class RawIndicatorOutcomeV1 {
  @IsUUID()
  rawIndicatorId!: string;

  @IsBoolean()
  ok!: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  type?: string;

  @IsOptional()
  @IsString()
  @MaxLength(4096)
  canonical?: string;

  @IsOptional()
  @IsString()
  @MaxLength(80)
  indicatorId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  rejectionCode?: string;

  @IsOptional()
  @IsString()
  @MaxLength(512)
  rejectionMessage?: string;
}

/**
 * `org.aseanwgas.report.normalised.v1` on `<ns>.report-outcomes.v1`, keyed by report id:
 * the normaliser's outcome for every raw indicator of a report, so intake can show a
 * report's status without reading the normaliser's tables.
 */
export class ReportNormalisedV1 {
  @IsUUID()
  reportId!: string;

  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => RawIndicatorOutcomeV1)
  @ArrayMaxSize(MAX_INDICATORS_PER_REPORT)
  outcomes!: RawIndicatorOutcomeV1[];
}
