import { Controller, Get, Headers, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblem, CurrentPrincipal, Roles, type Principal, type Role } from '@wgas/platform';
import { INVALID_UUID } from '../openapi';
import { toCsv } from './csv-feed.mapper';
import { FeedQuery, type FeedFormat } from './dtos/feed.query';
import { CSV_FEED_EXAMPLE, FeedPageResponse, StixBundleResponse } from './dtos/feed.response';
import { FeedService } from './feed.service';
import { toStixBundle } from './stix-bundle.mapper';

/** `format` wins over `Accept`; JSON by default. */
export function feedFormat(query: FeedFormat | undefined, accept: string | undefined): FeedFormat {
  if (query) return query;
  const a = (accept ?? '').toLowerCase();
  if (a.includes('text/csv')) return 'csv';
  if (a.includes('application/stix+json') || a.includes('application/taxii+json')) return 'stix';
  return 'json';
}

const READERS: Role[] = ['telco', 'bank', 'agency', 'operator'];

/** Pull feed: `GET /v1/feeds/{subscription}` in JSON, CSV or a STIX 2.1 bundle. */
@ApiTags('feeds')
@ApiBearerAuth()
@ApiExtraModels(FeedPageResponse, StixBundleResponse)
@Controller('v1/feeds')
export class FeedController {
  constructor(private readonly feeds: FeedService) {}

  @Get(':subscriptionId')
  @Roles(...READERS)
  @ApiOperation({
    summary: "Read a subscription's alerts as a pull feed (JSON, CSV or STIX 2.1)",
    description: `${READERS.join(', ')} keys, on their own organisation's subscriptions (an operator on any); every subscription can be read this way, whatever its channel. Alerts come oldest first, each exactly once to a client that keeps presenting the cursor it got: \`nextCursor\` in JSON, the \`x-next-cursor\` header in every format. Format: the \`format\` query wins; otherwise \`Accept\` chooses (\`text/csv\` gives CSV; \`application/stix+json\` or \`application/taxii+json\` a STIX 2.1 bundle); anything else gives JSON. CSV cells that start like a formula (\`=\`, \`+\`, \`-\`, \`@\`, e.g. a \`+66…\` phone) get a leading \`'\`; JSON and STIX carry values unchanged.`,
  })
  @ApiParam({ name: 'subscriptionId', format: 'uuid', description: 'Subscription id' })
  @ApiResponse({
    status: 200,
    description: 'One page of alerts, in the format asked for',
    headers: {
      'x-next-cursor': {
        description: 'The cursor for the next page (as `nextCursor`)',
        schema: { type: 'string' },
      },
      'x-has-more': {
        description: 'More alerts are waiting after this page',
        schema: { type: 'string', enum: ['true', 'false'] },
      },
      'cache-control': { schema: { type: 'string', example: 'no-store' } },
    },
    content: {
      'application/json': { schema: { $ref: getSchemaPath(FeedPageResponse) } },
      'text/csv': { schema: { type: 'string', example: CSV_FEED_EXAMPLE } },
      'application/stix+json;version=2.1': { schema: { $ref: getSchemaPath(StixBundleResponse) } },
    },
  })
  @ApiProblem(
    400,
    `\`validation.failed\` (query), \`feed.invalid_cursor\` (not a cursor this feed issued); or ${INVALID_UUID}`,
  )
  @ApiProblem(
    404,
    "`subscription.not_found`: no such live subscription of the caller's organisation",
  )
  async feed(
    @CurrentPrincipal() p: Principal,
    @Param('subscriptionId', new ParseUUIDPipe({ version: '4' })) id: string,
    @Query() q: FeedQuery,
    @Headers('accept') accept: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const page = await this.feeds.page(p, id, q.cursor, q.limit);
    const format = feedFormat(q.format, accept);
    // The cursor travels in headers too, so CSV and STIX clients can page.
    res.setHeader('x-next-cursor', page.nextCursor);
    res.setHeader('x-has-more', String(page.hasMore));
    res.setHeader('cache-control', 'no-store');
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8').send(toCsv(page.alerts));
    } else if (format === 'stix') {
      res
        .type('application/stix+json;version=2.1')
        .send(JSON.stringify(toStixBundle(this.feeds.nodeId, page.alerts)));
    } else {
      res.json(page);
    }
  }
}
