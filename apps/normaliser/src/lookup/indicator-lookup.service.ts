import { randomBytes } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tlp } from '@wgas/contracts';
import { indicatorHash, normalise } from '@wgas/indicators';
import { NODE_CONFIG, ProblemException, type Principal } from '@wgas/platform';
import type { IndicatorStatus } from '../indicators/indicator.entity';
import type { NormaliserConfig } from '../normaliser.config';
import { WarninglistService } from '../warninglists/warninglist.service';
import type { LookupByValueQuery } from './dtos/lookup-by-value.query';
import type { SearchIndicatorsQuery } from './dtos/search-indicators.query';
import {
  INDICATOR_COLUMNS,
  IndicatorLookupRepository,
  type IndicatorRow,
  type PrefixRow,
} from './indicator-lookup.repository';
import { mayReveal, seesDetails } from './lookup-visibility';

export type Verdict = 'listed' | 'warninglisted' | 'inactive' | 'not_listed';

export interface IndicatorView {
  indicatorId: string;
  verdict: Verdict;
  type?: string;
  status?: IndicatorStatus;
  confidence?: number;
  reportCount?: number;
  firstSeen?: string;
  lastSeen?: string;
  /** Agencies only from here on. */
  canonical?: string;
  display?: string;
  countries?: string[];
  typologies?: string[];
  tlp?: Tlp;
  warninglistEntry?: string;
}

export interface PrefixEntry {
  indicatorId: string;
  verdict: Verdict;
  confidence: number;
}

export interface PrefixAnswer {
  prefix: string;
  matches: PrefixEntry[];
}

export interface IndicatorPage {
  items: IndicatorView[];
  nextCursor: string | null;
}

/** Prefix answers are padded to a multiple of this, so their size says nothing. */
export const PREFIX_PAD = 32;
/** More matches than this and the caller must send a longer prefix. */
export const PREFIX_MAX_MATCHES = 1024;
export const PREFIX = /^v([1-9][0-9]{0,3}):((?:[0-9a-f]{2}){2,8})$/;
export const HASH = /^v[1-9][0-9]{0,3}:[0-9a-f]{64}$/;

/**
 * Lookups for banks, telcos and agencies: by value (normalised first, so `081-234-5678`
 * finds `+66812345678`), by keyed hash, and by hash prefix for k-anonymity. What an answer
 * reveals depends on the caller's role (lookup-visibility.ts); an indicator a caller may not
 * see answers exactly like one that is not listed.
 */
@Injectable()
export class IndicatorLookupService {
  private readonly key: { version: number; secret: string };
  private readonly rows: IndicatorLookupRepository;

  constructor(
    @Inject(NODE_CONFIG) private readonly config: NormaliserConfig,
    private readonly ds: DataSource,
    private readonly warninglists: WarninglistService,
  ) {
    // built here rather than injected: NormaliserModule (outside lookup/) lists the providers
    this.rows = new IndicatorLookupRepository(ds);
    this.key = { version: config.CONSORTIUM_KEY_VERSION, secret: config.CONSORTIUM_KEY };
  }

  async byValue(q: LookupByValueQuery, caller: Principal): Promise<IndicatorView> {
    const result = normalise(q.value, {
      country: q.country ?? caller.country,
      ...(q.type ? { typeHint: q.type } : {}),
    });
    if (!result.ok) {
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'lookup.value_not_normalisable',
        `The value cannot be an indicator: ${result.rejection.message}`,
        [{ field: 'value', rule: result.rejection.code, message: result.rejection.message }],
      );
    }
    const { indicator } = result;
    const id = indicatorHash(this.key, indicator.key);
    const row = await this.rows.find(id);
    if (row && mayReveal(row.tlp, caller.role)) return this.view(row, caller);
    const warninglist = this.warninglists.match(indicator);
    return {
      indicatorId: id,
      verdict: warninglist ? 'warninglisted' : 'not_listed',
      type: indicator.type,
      canonical: indicator.canonical, // the caller sent the value: nothing new is revealed
      ...(warninglist && seesDetails(caller.role) ? { warninglistEntry: warninglist } : {}),
    };
  }

  async byHash(hash: string, caller: Principal): Promise<IndicatorView> {
    if (!HASH.test(hash))
      throw new ProblemException(
        HttpStatus.BAD_REQUEST,
        'lookup.invalid_hash',
        "An indicator hash looks like 'v1:' followed by 64 lower-case hex digits.",
        [{ field: 'hash', rule: 'format', message: 'expected v<version>:<64 hex>' }],
      );
    const row = await this.rows.find(hash);
    if (row && mayReveal(row.tlp, caller.role)) return this.view(row, caller);
    return { indicatorId: hash, verdict: 'not_listed' };
  }

  /**
   * k-anonymity: every full hash under the prefix with its verdict, padded with random
   * not-listed hashes to a multiple of PREFIX_PAD and sorted, so neither the node nor an
   * observer of the response size learns which value the caller holds.
   */
  async byPrefix(prefix: string, caller: Principal): Promise<PrefixAnswer> {
    const m = PREFIX.exec(prefix);
    if (!m || !m[1] || !m[2])
      throw new ProblemException(
        HttpStatus.BAD_REQUEST,
        'lookup.invalid_prefix',
        "A hash prefix looks like 'v1:' followed by 2 to 8 bytes (4 to 16 lower-case hex digits).",
        [{ field: 'prefix', rule: 'format', message: 'expected v<version>:<4-16 hex>' }],
      );
    if (Number(m[1]) !== this.key.version)
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'lookup.unknown_key_version',
        `This node hashes with consortium key version ${this.key.version}.`,
      );
    const rows = await this.rows.findByPrefix(prefix, PREFIX_MAX_MATCHES + 1);
    if (rows.length > PREFIX_MAX_MATCHES)
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'lookup.prefix_too_short',
        `More than ${PREFIX_MAX_MATCHES} indicators share this prefix; send a longer one.`,
      );
    const matches: PrefixEntry[] = rows
      .filter((r) => mayReveal(r.tlp, caller.role))
      .map((r) => ({
        indicatorId: r.id,
        verdict: this.verdictOf(r),
        confidence: r.confidence,
      }));
    const padded = Math.max(PREFIX_PAD, Math.ceil(matches.length / PREFIX_PAD) * PREFIX_PAD);
    const hexLeft = 64 - m[2].length;
    const pads = padded - matches.length;
    const random = randomBytes(Math.ceil((hexLeft * pads) / 2)).toString('hex');
    for (let i = 0; i < pads; i++) {
      matches.push({
        indicatorId: `${prefix}${random.slice(i * hexLeft, (i + 1) * hexLeft)}`,
        verdict: 'not_listed',
        confidence: 0,
      });
    }
    matches.sort((a, b) => (a.indicatorId < b.indicatorId ? -1 : 1));
    return { prefix, matches };
  }

  /** Agencies' search, newest first, keyset-paginated on (last_seen, id). */
  async search(q: SearchIndicatorsQuery, caller: Principal): Promise<IndicatorPage> {
    const limit = q.limit ?? 100;
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.type) add('type = ?', q.type);
    if (q.country) add('? = ANY(countries)', q.country);
    if (q.typology) add('? = ANY(typologies)', q.typology);
    if (q.status) add('status = ?', q.status);
    if (q.since) add('last_seen >= ?', new Date(q.since));
    if (q.cursor) {
      const [at, id] = decodeCursor(q.cursor);
      params.push(at, id);
      where.push(`(last_seen, id) < ($${params.length - 1}, $${params.length})`);
    }
    const rows = (await this.ds.query(
      `SELECT ${INDICATOR_COLUMNS} FROM normaliser.indicators
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY last_seen DESC, id DESC LIMIT ${limit + 1}`,
      params,
    )) as IndicatorRow[];
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.filter((r) => mayReveal(r.tlp, caller.role)).map((r) => this.view(r, caller)),
      nextCursor: rows.length > limit && last ? encodeCursor(last.last_seen, last.id) : null,
    };
  }

  private verdictOf(r: Omit<PrefixRow, 'id' | 'confidence' | 'tlp'>): Verdict {
    // the live list wins over the stored flag, so an entry added today protects at once
    const key = `${r.type}:${r.canonical}`;
    if (r.warninglisted || this.warninglists.match({ type: r.type, key, canonical: r.canonical }))
      return 'warninglisted';
    return r.status === 'active' ? 'listed' : 'inactive';
  }

  private view(r: IndicatorRow, caller: Principal): IndicatorView {
    const base: IndicatorView = {
      indicatorId: r.id,
      verdict: this.verdictOf(r),
      type: r.type,
      status: r.status,
      confidence: r.confidence,
      reportCount: r.report_count,
      firstSeen: r.first_seen.toISOString(),
      lastSeen: r.last_seen.toISOString(),
    };
    if (!seesDetails(caller.role)) return base;
    return {
      ...base,
      canonical: r.canonical,
      display: r.display,
      countries: r.countries,
      typologies: r.typologies,
      tlp: r.tlp,
      ...(r.warninglist_entry ? { warninglistEntry: r.warninglist_entry } : {}),
    };
  }
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): [Date, string] {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const when = new Date(String(at));
    if (typeof id === 'string' && !Number.isNaN(when.getTime())) return [when, id];
  } catch {
    // fall through to the problem below
  }
  throw new ProblemException(
    HttpStatus.BAD_REQUEST,
    'lookup.invalid_cursor',
    'The cursor is not one this API returned.',
    [{ field: 'cursor', rule: 'cursor', message: 'use nextCursor from the previous page' }],
  );
}
