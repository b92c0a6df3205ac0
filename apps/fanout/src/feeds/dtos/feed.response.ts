import { ApiProperty } from '@nestjs/swagger';
import { AlertResponse } from '../../alerts/dtos/alert.response';
import type { FeedPage } from '../feed.service';
import type { StixBundle } from '../stix-bundle.mapper';
import { CSV_COLUMNS } from '../csv-feed.mapper';

/** `format=json`: one page of a subscription's alerts, oldest first. */
export class FeedPageResponse implements FeedPage {
  @ApiProperty({ format: 'uuid' })
  subscriptionId!: string;

  @ApiProperty({ type: [AlertResponse], description: 'In the order they were committed' })
  alerts!: AlertResponse[];

  @ApiProperty({
    description:
      'Present it as `cursor` for the next page; on the last page it points past the newest alert, so polling with it returns only what arrives later',
  })
  nextCursor!: string;

  @ApiProperty({ description: 'More alerts are waiting after this page' })
  hasMore!: boolean;
}

/** `format=stix`: a STIX 2.1 bundle. */
export class StixBundleResponse implements StixBundle {
  @ApiProperty({ enum: ['bundle'] })
  type!: 'bundle';

  @ApiProperty({ example: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d' })
  id!: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description:
      "The node's `identity`, the OASIS TLP 2.0 `marking-definition`s used, and one `indicator` per alert (pattern `[url:value = '…']`, `domain-name:value`, `email-addr:value`, or `x-wgas-<type>:value` for types STIX has no observable for; an unblock is the indicator `revoked`; `x_wgas_action`, `x_wgas_rule`, `x_wgas_countries`)",
  })
  objects!: Record<string, unknown>[];
}

/** `format=csv`: RFC 4180, a header row, every field quoted. */
export const CSV_FEED_EXAMPLE = `${CSV_COLUMNS.join(',')}\r\n`;
