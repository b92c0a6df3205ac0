import {
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  MEMBER_COUNTRIES,
  TLP_LEVELS,
  TYPOLOGIES,
  type MemberCountry,
  type Tlp,
  type Typology,
} from '../vocabulary';
import { IndicatorEventSubject } from './indicator-subject';

/** Why an existing indicator changed: a new report, a new country, a confidence change, or a report on an expired/retracted one. */
export const INDICATOR_CHANGES = ['report', 'country', 'confidence', 'reactivated'] as const;
export type IndicatorChange = (typeof INDICATOR_CHANGES)[number];

/**
 * `org.aseanwgas.indicator.upserted.v1`, keyed by indicator id: an indicator was created
 * or changed because a report mentioned it. Carries enough for fan-out to decide and
 * deliver without reading the normaliser's store.
 */
export class IndicatorUpsertedV1 extends IndicatorEventSubject {
  @IsIn(['created', 'updated'])
  change!: 'created' | 'updated';

  @IsString()
  @MaxLength(4096)
  display!: string;

  @IsUUID()
  reportId!: string;

  @IsIn(MEMBER_COUNTRIES)
  reportCountry!: MemberCountry;

  @IsIn(TYPOLOGIES)
  typology!: Typology;

  @IsIn(TLP_LEVELS)
  tlp!: Tlp;

  @IsInt()
  @Min(1)
  reportCount!: number;

  @IsArray()
  @IsIn(MEMBER_COUNTRIES, { each: true })
  countries!: MemberCountry[];

  @IsNumber()
  @Min(0)
  @Max(1)
  confidence!: number;

  @IsISO8601()
  firstSeen!: string;

  @IsISO8601()
  lastSeen!: string;

  /** Set when this sighting came from a peer (foreign intelligence): the origin node. */
  @IsOptional()
  @Matches(/^[a-z]{2}$/)
  originNode?: string;

  /** What changed for an `updated` event (optional: older producers do not send it). */
  @IsOptional()
  @IsArray()
  @IsIn(INDICATOR_CHANGES, { each: true })
  changes?: IndicatorChange[];
}
