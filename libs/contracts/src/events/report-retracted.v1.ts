import { IsIn, IsISO8601, IsString, IsUUID, MaxLength } from 'class-validator';
import { MEMBER_COUNTRIES, type MemberCountry } from '../vocabulary';

export const RETRACTION_REASONS = ['mistake', 'court_order', 'other'] as const;
export type RetractionReason = (typeof RETRACTION_REASONS)[number];

/**
 * `org.aseanwgas.report.retracted.v1` on `<ns>.reports.v1`, keyed by report id (so it
 * follows the report's `submitted` event in order): the reporting agency withdrew the
 * report, and alerts that rest on it alone should be withdrawn. The agency's free-text
 * note stays at intake, like the narrative.
 */
export class ReportRetractedV1 {
  @IsUUID()
  reportId!: string;

  @IsString()
  @MaxLength(64)
  organisationId!: string;

  @IsIn(MEMBER_COUNTRIES)
  country!: MemberCountry;

  @IsIn(RETRACTION_REASONS)
  reason!: RetractionReason;

  @IsISO8601()
  retractedAt!: string;
}
