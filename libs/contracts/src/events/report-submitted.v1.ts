import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  MEMBER_COUNTRIES,
  TLP_LEVELS,
  TYPOLOGIES,
  type MemberCountry,
  type Tlp,
  type Typology,
} from '../vocabulary';

export const MAX_INDICATORS_PER_REPORT = 500;
export const MAX_INDICATOR_VALUE_LENGTH = 2048;

export class RawIndicatorV1 {
  @IsUUID()
  rawIndicatorId!: string;

  @IsString()
  @MaxLength(MAX_INDICATOR_VALUE_LENGTH)
  value!: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  typeHint?: string;
}

/**
 * `org.aseanwgas.report.submitted.v1`, keyed by report id. Carries what the normaliser
 * needs and nothing more: the narrative and victim data never leave intake.
 */
export class ReportSubmittedV1 {
  @IsUUID()
  reportId!: string;

  @IsString()
  @MaxLength(64)
  organisationId!: string;

  @IsIn(MEMBER_COUNTRIES)
  country!: MemberCountry;

  @IsIn(TYPOLOGIES)
  typology!: Typology;

  @IsIn(TLP_LEVELS)
  tlp!: Tlp;

  @IsISO8601()
  submittedAt!: string;

  /** Set when the report is a peer's indicator imported by the exchange: the origin node. */
  @IsOptional()
  @Matches(/^[a-z]{2}$/)
  originNode?: string;

  /** The origin node's report, when imported. */
  @IsOptional()
  @IsUUID()
  originReportId?: string;

  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => RawIndicatorV1)
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_INDICATORS_PER_REPORT)
  indicators!: RawIndicatorV1[];
}
