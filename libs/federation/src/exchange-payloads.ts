import {
  ArrayMaxSize,
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
} from '@wgas/contracts';

export const EXCHANGE_EVENT_TYPE = 'org.aseanwgas.exchange.envelope.v1';
export const SHARED_INDICATOR_V1 = 'indicator.v1';

/**
 * What a node tells its peers about one of its indicators: the canonical value and what
 * its agencies reported about it. Never the narrative, the reporter or victim data.
 */
export class SharedIndicatorV1 {
  @IsString()
  @MaxLength(80)
  indicatorId!: string;

  @Matches(/^[a-z_]{2,32}$/)
  type!: string;

  @IsString()
  @MaxLength(4096)
  canonical!: string;

  @IsIn(TYPOLOGIES)
  typology!: Typology;

  @IsIn(TLP_LEVELS.filter((t) => t !== 'RED'))
  tlp!: Exclude<Tlp, 'RED'>;

  @IsNumber()
  @Min(0)
  @Max(1)
  confidence!: number;

  @IsInt()
  @Min(1)
  reportCount!: number;

  @IsIn(MEMBER_COUNTRIES, { each: true })
  @ArrayMaxSize(11)
  countries!: MemberCountry[];

  @IsIn(MEMBER_COUNTRIES)
  reportCountry!: MemberCountry;

  /** The origin's report, so actions can be shown on it when they travel back. */
  @IsUUID()
  originReportId!: string;

  @IsISO8601()
  firstSeen!: string;

  @IsISO8601()
  lastSeen!: string;
}

export const SHARED_ACTION_V1 = 'action.v1';

/**
 * What a node tells the origin of a foreign indicator about an action taken on it
 * ("blocked in Malaysia"). Addressed to one origin; other peers ignore it. Carries the
 * acting organisation's role and country, not its identity or free-text note.
 */
export class SharedActionV1 {
  @Matches(/^[a-z]{2}$/)
  to!: string;

  @IsUUID()
  actionId!: string;

  @IsString()
  @MaxLength(80)
  indicatorId!: string;

  @Matches(/^[a-z_]{2,32}$/)
  indicatorType!: string;

  @IsString()
  @MaxLength(4096)
  canonical!: string;

  @IsUUID()
  originReportId!: string;

  @IsIn(['blocked', 'rejected', 'account_frozen', 'funds_held', 'false_positive'])
  action!: 'blocked' | 'rejected' | 'account_frozen' | 'funds_held' | 'false_positive';

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @IsIn(['agency', 'telco', 'bank', 'operator'])
  role!: 'agency' | 'telco' | 'bank' | 'operator';

  @Matches(/^[A-Z]{2}$/)
  country!: string;

  @IsISO8601()
  actedAt!: string;
}
