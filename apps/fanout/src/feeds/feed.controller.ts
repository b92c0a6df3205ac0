import { Controller, Get, Headers, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '@wgas/platform';
import { toCsv } from './csv-feed.mapper';
import { FeedQuery, type FeedFormat } from './dtos/feed.query';
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

/** Pull feed: `GET /v1/feeds/{subscription}` in JSON, CSV or a STIX 2.1 bundle. */
@Controller('v1/feeds')
export class FeedController {
  constructor(private readonly feeds: FeedService) {}

  @Get(':subscriptionId')
  @Roles('telco', 'bank', 'agency', 'operator')
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
