import { IsIn, IsInt, IsNumber, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export const INDICATOR_RETRACTED_V1 = 'org.aseanwgas.indicator.retracted.v1';

/**
 * `org.aseanwgas.indicator.retracted.v1` on `<ns>.indicators.v1`, keyed by indicator id:
 * a report that named the indicator was retracted. `status` is `retracted` when no other
 * report still supports it, and subscribers that were told to block it must unblock.
 */
export class IndicatorRetractedV1 {
  @IsString()
  @MaxLength(80)
  indicatorId!: string;

  @IsString()
  @MaxLength(32)
  type!: string;

  @IsString()
  @MaxLength(4096)
  canonical!: string;

  @IsUUID()
  reportId!: string;

  @IsInt()
  @Min(0)
  remainingReports!: number;

  @IsNumber()
  @Min(0)
  @Max(1)
  confidence!: number;

  @IsIn(['active', 'retracted'])
  status!: 'active' | 'retracted';
}
