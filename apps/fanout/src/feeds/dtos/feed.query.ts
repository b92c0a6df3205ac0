import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export const FEED_FORMATS = ['json', 'csv', 'stix'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];
export const MAX_FEED_LIMIT = 1000;

export class FeedQuery {
  /** From `nextCursor` of the previous page; absent: from the first alert. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9_-]*$/, { message: 'cursor must be a cursor this API returned' })
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_FEED_LIMIT)
  limit?: number;

  /** Overrides the Accept header. */
  @IsOptional()
  @IsIn(FEED_FORMATS)
  format?: FeedFormat;
}
