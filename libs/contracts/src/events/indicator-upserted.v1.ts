import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsString,
  IsUUID,
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

/**
 * `org.aseanwgas.indicator.upserted.v1`, keyed by indicator id: an indicator was created
 * or changed because a report mentioned it. Carries enough for fan-out to decide and
 * deliver without reading the normaliser's store.
 */
export class IndicatorUpsertedV1 {
  @IsString()
  @MaxLength(80)
  indicatorId!: string;

  @IsIn(['created', 'updated'])
  change!: 'created' | 'updated';

  @IsString()
  @MaxLength(32)
  type!: string;

  @IsString()
  @MaxLength(4096)
  canonical!: string;

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
}
