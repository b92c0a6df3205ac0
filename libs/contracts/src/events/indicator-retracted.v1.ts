import { IsIn, IsInt, IsNumber, IsUUID, Max, Min } from 'class-validator';
import { IndicatorEventSubject } from './indicator-subject';

export const INDICATOR_RETRACTED_V1 = 'org.aseanwgas.indicator.retracted.v1';

/**
 * `org.aseanwgas.indicator.retracted.v1` on `<ns>.indicators.v1`, keyed by indicator id:
 * a report that named the indicator was retracted. `status` is `retracted` when no other
 * report still supports it, and subscribers that were told to block it must unblock.
 */
export class IndicatorRetractedV1 extends IndicatorEventSubject {
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
