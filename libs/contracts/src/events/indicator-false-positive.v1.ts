import { IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IndicatorEventSubject } from './indicator-subject';

export const INDICATOR_FALSE_POSITIVE_V1 = 'org.aseanwgas.indicator.false-positive.v1';

/**
 * `org.aseanwgas.indicator.false-positive.v1` on `<ns>.indicators.v1`, keyed by indicator id:
 * one more organisation said the indicator is a false positive. Its confidence has fallen;
 * `status` is `false_positive` once the report is confirmed (by an agency or operator, or by
 * two independent organisations; ADR 0009), and then every subscriber told to block it
 * must unblock. Until then only the organisation that said so stops getting alerts for it.
 */
export class IndicatorFalsePositiveV1 extends IndicatorEventSubject {
  /** Independent organisations that have reported it as a false positive. */
  @IsInt()
  @Min(1)
  falsePositiveReports!: number;

  @IsNumber()
  @Min(0)
  @Max(1)
  confidence!: number;

  @IsIn(['active', 'false_positive'])
  status!: 'active' | 'false_positive';

  /** The rule that confirmed it, when `status` is `false_positive`. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  confirmedBy?: string;
}
