import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { MEMBER_COUNTRIES, TLP_LEVELS, TYPOLOGIES, type Tlp } from '@wgas/contracts';
import { INDICATOR_TYPES } from '@wgas/indicators';
import { INDICATOR_STATUSES, type IndicatorStatus } from '../../indicators/indicator.entity';
import {
  HASH,
  type IndicatorPage,
  type IndicatorView,
  type Verdict,
} from '../indicator-lookup.service';

/** A Record so that a new verdict cannot be left out of the document. */
const VERDICT_MEANINGS: Record<Verdict, string> = {
  listed: 'reported and active, treat as a scam indicator',
  warninglisted: 'on a known-good list such as a bank hotline, do not block',
  inactive: 'reported once, now expired, retracted or a false positive',
  not_listed: 'unknown, or not visible to the caller, which answers alike',
};
export const VERDICTS = Object.keys(VERDICT_MEANINGS) as Verdict[];
export const VERDICT_DESCRIPTION = Object.entries(VERDICT_MEANINGS)
  .map(([verdict, meaning]) => `${verdict}: ${meaning}`)
  .join('; ');

export const INDICATOR_ID_PROPERTY = {
  description: 'Keyed consortium hash of the canonical indicator: v<key version>:<64 hex>',
  pattern: HASH.source,
  example: `v1:${'3f'.repeat(32)}`,
};

@ApiSchema({
  name: 'IndicatorView',
  description:
    'What a lookup answers. type to lastSeen come with stored indicators, canonical to warninglistEntry to agencies only. An indicator the caller may not see (RED or AMBER+STRICT, to anyone but an agency) answers exactly like one that is not stored: by hash, indicatorId and verdict not_listed; by value, also type and canonical, and verdict warninglisted when the value is on a warninglist.',
})
export class IndicatorViewResponse implements IndicatorView {
  @ApiProperty(INDICATOR_ID_PROPERTY)
  indicatorId!: string;

  @ApiProperty({ enum: VERDICTS, description: VERDICT_DESCRIPTION })
  verdict!: Verdict;

  @ApiPropertyOptional({ enum: INDICATOR_TYPES })
  type?: string;

  @ApiPropertyOptional({ enum: INDICATOR_STATUSES })
  status?: IndicatorStatus;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 1,
    description:
      'That the indicator is malicious: 0.5 for one report, rising with each independent reporter, halved by each false positive',
  })
  confidence?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'Reports that named it' })
  reportCount?: number;

  @ApiPropertyOptional({ format: 'date-time', description: 'When its first report was seen' })
  firstSeen?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When its latest report was seen' })
  lastSeen?: string;

  @ApiPropertyOptional({
    description: 'Canonical form (agencies; also in a by-value answer, which reveals nothing new)',
    example: '+66812345678',
  })
  canonical?: string;

  @ApiPropertyOptional({
    description: 'Human-readable form (agencies)',
    example: '+66 81 234 5678',
  })
  display?: string;

  @ApiPropertyOptional({
    enum: MEMBER_COUNTRIES,
    isArray: true,
    description: 'Countries it was reported from (agencies)',
  })
  countries?: string[];

  @ApiPropertyOptional({
    enum: TYPOLOGIES,
    isArray: true,
    description: 'Typologies it was reported under (agencies)',
  })
  typologies?: string[];

  @ApiPropertyOptional({
    enum: TLP_LEVELS,
    description: 'Effective TLP, its most permissive source (agencies)',
  })
  tlp?: Tlp;

  @ApiPropertyOptional({ description: 'The warninglist entry it matched (agencies)' })
  warninglistEntry?: string;
}

@ApiSchema({
  name: 'IndicatorPage',
  description: 'One page of an agency search, newest last-seen first',
})
export class IndicatorPageResponse implements IndicatorPage {
  @ApiProperty({
    type: [IndicatorViewResponse],
    description: 'May hold fewer than `limit` items while more pages follow',
  })
  items!: IndicatorViewResponse[];

  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
