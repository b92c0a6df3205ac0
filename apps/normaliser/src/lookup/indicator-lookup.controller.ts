import { Controller, Get, Param, Query } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@wgas/platform';
import { LookupByValueQuery } from './dtos/lookup-by-value.query';
import { SearchIndicatorsQuery } from './dtos/search-indicators.query';
import { IndicatorLookupService } from './indicator-lookup.service';

/** Lookups for subscribers and agencies; search for agencies. Routes before `:hash` win. */
@Controller('v1/indicators')
export class IndicatorLookupController {
  constructor(private readonly lookup: IndicatorLookupService) {}

  @Get('lookup')
  @Roles('agency', 'bank', 'telco', 'operator')
  byValue(@Query() q: LookupByValueQuery, @CurrentPrincipal() caller: Principal) {
    return this.lookup.byValue(q, caller);
  }

  @Get('prefix/:prefix')
  @Roles('agency', 'bank', 'telco', 'operator')
  byPrefix(@Param('prefix') prefix: string, @CurrentPrincipal() caller: Principal) {
    return this.lookup.byPrefix(prefix, caller);
  }

  @Get(':hash')
  @Roles('agency', 'bank', 'telco', 'operator')
  byHash(@Param('hash') hash: string, @CurrentPrincipal() caller: Principal) {
    return this.lookup.byHash(hash, caller);
  }

  @Get()
  @Roles('agency')
  search(@Query() q: SearchIndicatorsQuery, @CurrentPrincipal() caller: Principal) {
    return this.lookup.search(q, caller);
  }
}
