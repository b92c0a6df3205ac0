import { IsArray, IsIn, IsInt, IsISO8601, IsNumber, Max, Min } from 'class-validator';
import { MEMBER_COUNTRIES, TLP_LEVELS, type MemberCountry, type Tlp } from '../vocabulary';
import { IndicatorEventSubject } from './indicator-subject';

export const INDICATOR_EXPIRED_V1 = 'org.aseanwgas.indicator.expired.v1';

/**
 * `org.aseanwgas.indicator.expired.v1` on `<ns>.indicators.v1`, keyed by indicator id: no
 * report has named the indicator for its type's lifetime (phone numbers get recycled,
 * URLs die), so subscribers that were told to block it must unblock. A later report
 * makes it active again and produces a fresh `indicator.upserted`.
 */
export class IndicatorExpiredV1 extends IndicatorEventSubject {
  /** Most permissive TLP of the indicator's sources: who may hear about the unblock. */
  @IsIn(TLP_LEVELS)
  tlp!: Tlp;

  @IsArray()
  @IsIn(MEMBER_COUNTRIES, { each: true })
  countries!: MemberCountry[];

  @IsInt()
  @Min(0)
  reportCount!: number;

  @IsNumber()
  @Min(0)
  @Max(1)
  confidence!: number;

  @IsISO8601()
  lastSeen!: string;

  @IsISO8601()
  expiredAt!: string;

  /** The lifetime that ran out, in seconds (per type, configured on the normaliser). */
  @IsInt()
  @Min(1)
  lifetimeSeconds!: number;
}
