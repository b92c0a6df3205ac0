import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_FEED_LIMIT } from '../feed.service';

export const FEED_FORMATS = ['json', 'csv', 'stix'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];
export const MAX_FEED_LIMIT = 1000;

export class FeedQuery {
  /** From `nextCursor` of the previous page; absent: from the first alert. */
  @ApiPropertyOptional({
    maxLength: 64,
    pattern: '^[A-Za-z0-9_-]*$',
    description:
      'Opaque: `nextCursor` (or the `x-next-cursor` header) of the previous page; absent or empty: from the first alert. On a feed-channel subscription, the owner presenting a cursor marks every alert before it `delivered`.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9_-]*$/, { message: 'cursor must be a cursor this API returned' })
  cursor?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_FEED_LIMIT,
    default: DEFAULT_FEED_LIMIT,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_FEED_LIMIT)
  limit?: number;

  /** Overrides the Accept header. */
  @ApiPropertyOptional({
    enum: FEED_FORMATS,
    description:
      'Response format; wins over `Accept`. `json`: application/json, `csv`: text/csv, `stix`: a STIX 2.1 bundle as application/stix+json;version=2.1',
  })
  @IsOptional()
  @IsIn(FEED_FORMATS)
  format?: FeedFormat;
}
