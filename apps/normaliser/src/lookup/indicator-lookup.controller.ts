import { Controller, Get, HttpStatus, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiProblem, CurrentPrincipal, Roles, type Principal, type Role } from '@wgas/platform';
import { IndicatorPageResponse, IndicatorViewResponse } from './dtos/indicator-view.response';
import { LookupByValueQuery } from './dtos/lookup-by-value.query';
import { PrefixAnswerResponse } from './dtos/prefix-answer.response';
import { SearchIndicatorsQuery } from './dtos/search-indicators.query';
import {
  HASH,
  IndicatorLookupService,
  PREFIX,
  PREFIX_MAX_MATCHES,
  PREFIX_PAD,
} from './indicator-lookup.service';

const SUBSCRIBERS: Role[] = ['agency', 'bank', 'telco', 'operator'];
const TLP_NOTE =
  'RED and AMBER+STRICT indicators reach agencies only: to banks, telcos and operators they answer exactly like unknown ones. Sources (canonical form, countries, typologies, TLP) are shown to agencies only.';

/** Lookups for subscribers and agencies; search for agencies. Routes before `:hash` win. */
@ApiTags('indicators')
@ApiBearerAuth()
@Controller('v1/indicators')
export class IndicatorLookupController {
  constructor(private readonly lookup: IndicatorLookupService) {}

  @Get('lookup')
  @Roles(...SUBSCRIBERS)
  @ApiOperation({
    summary: 'Look up a raw value (normalised first)',
    description: `The value is normalised as a report's would be (081-234-5678 in TH finds +66812345678), then hashed and looked up; a value on a warninglist answers warninglisted even when nobody reported it. Roles: ${SUBSCRIBERS.join(', ')}. ${TLP_NOTE}`,
  })
  @ApiOkResponse({
    type: IndicatorViewResponse,
    description: "The value's indicatorId and verdict, whether or not it is listed",
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'Missing or invalid query', ['validation.failed'])
  @ApiProblem(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'The value cannot be an indicator of the given or detected type',
    ['lookup.value_not_normalisable'],
  )
  byValue(@Query() q: LookupByValueQuery, @CurrentPrincipal() caller: Principal) {
    return this.lookup.byValue(q, caller);
  }

  @Get('prefix/:prefix')
  @Roles(...SUBSCRIBERS)
  @ApiOperation({
    summary: 'Every indicator under a hash prefix (k-anonymity)',
    description: `For a caller that must not disclose the value it checks: send the first 2 to 8 bytes of its indicator hash, receive every full hash under them with its verdict, padded with random not_listed hashes to a multiple of ${PREFIX_PAD}, and compare locally. More than ${PREFIX_MAX_MATCHES} matches answer 422 lookup.prefix_too_short. Roles: ${SUBSCRIBERS.join(', ')}. ${TLP_NOTE}`,
  })
  @ApiParam({
    name: 'prefix',
    description:
      "v<key version>: followed by 4 to 16 lower-case hex digits (2 to 8 bytes), e.g. 'v1:3f3f'",
    schema: { type: 'string', pattern: PREFIX.source, example: 'v1:3f3f' },
  })
  @ApiOkResponse({
    type: PrefixAnswerResponse,
    description: 'Every visible full hash under the prefix, padded and sorted',
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'Malformed prefix', ['lookup.invalid_prefix'])
  @ApiProblem(
    HttpStatus.UNPROCESSABLE_ENTITY,
    "Not this node's consortium key version, or too many matches: send a longer prefix",
    ['lookup.unknown_key_version', 'lookup.prefix_too_short'],
  )
  byPrefix(@Param('prefix') prefix: string, @CurrentPrincipal() caller: Principal) {
    return this.lookup.byPrefix(prefix, caller);
  }

  @Get(':hash')
  @Roles(...SUBSCRIBERS)
  @ApiOperation({
    summary: 'Look up an indicator by its consortium hash',
    description: `For a caller that hashes values itself with the consortium key. An unknown hash answers 200 with verdict not_listed. Roles: ${SUBSCRIBERS.join(', ')}. ${TLP_NOTE}`,
  })
  @ApiParam({
    name: 'hash',
    description:
      'v<key version>: followed by 64 lower-case hex digits: HMAC-SHA-256 of <type>:<canonical> under the consortium key',
    schema: { type: 'string', pattern: HASH.source, example: `v1:${'3f'.repeat(32)}` },
  })
  @ApiOkResponse({
    type: IndicatorViewResponse,
    description: 'The verdict; not_listed for a hash that is unknown or not visible',
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'Malformed hash', ['lookup.invalid_hash'])
  byHash(@Param('hash') hash: string, @CurrentPrincipal() caller: Principal) {
    return this.lookup.byHash(hash, caller);
  }

  @Get()
  @Roles('agency')
  @ApiOperation({
    summary: 'Search indicators (agencies), newest first, cursor-paginated',
    description:
      'Filters combine with AND; pages are ordered by last seen, newest first. Roles: agency only (not operator). Agencies see every indicator, whatever its TLP, with its sources.',
  })
  @ApiOkResponse({ type: IndicatorPageResponse, description: 'One page of matching indicators' })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'Invalid filter, or a cursor this API did not return', [
    'validation.failed',
    'lookup.invalid_cursor',
  ])
  search(@Query() q: SearchIndicatorsQuery, @CurrentPrincipal() caller: Principal) {
    return this.lookup.search(q, caller);
  }
}
