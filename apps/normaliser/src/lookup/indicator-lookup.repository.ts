import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { Tlp } from '@wgas/contracts';
import type { IndicatorStatus } from '../indicators/indicator.entity';
import { MicroBatcher } from './micro-batcher';

/** An indicator row as lookups read it. */
export interface IndicatorRow {
  id: string;
  type: string;
  canonical: string;
  display: string;
  status: IndicatorStatus;
  confidence: number;
  report_count: number;
  first_seen: Date;
  last_seen: Date;
  countries: string[];
  typologies: string[];
  tlp: Tlp;
  warninglisted: boolean;
  warninglist_entry: string | null;
}

export type PrefixRow = Pick<
  IndicatorRow,
  'id' | 'status' | 'confidence' | 'tlp' | 'warninglisted' | 'type' | 'canonical'
>;

export const INDICATOR_COLUMNS = `id, type, canonical, display, status, confidence, report_count, first_seen, last_seen,
  countries, typologies, tlp, warninglisted, warninglist_entry`;

/** Ids looked up together at most (one `= ANY($1)` query). */
const MAX_IDS_PER_QUERY = 256;

/**
 * The lookup API's hot reads. They go to pg's pool as named prepared statements (planned
 * once per connection), not through TypeORM's query runner, and lookups by id that arrive
 * in the same event-loop turn share one query: at thousands of requests per second that
 * saves most of the round trips and most of Postgres's per-statement work.
 */
@Injectable()
export class IndicatorLookupRepository {
  private readonly pool: Pool;
  private readonly byId: MicroBatcher<string, IndicatorRow>;

  constructor(ds: DataSource) {
    this.pool = (ds.driver as unknown as { master: Pool }).master;
    this.byId = new MicroBatcher((ids) => this.findMany(ids), MAX_IDS_PER_QUERY);
  }

  find(id: string): Promise<IndicatorRow | undefined> {
    return this.byId.load(id);
  }

  /**
   * Indicators whose id starts with `prefix` (`v1:` and lower-case hex), at most `limit`, in
   * no particular order: a range scan of the primary key, whose collation is "C" (byte
   * order), and every id continues the prefix with hex digits, all below 'g'.
   */
  async findByPrefix(prefix: string, limit: number): Promise<PrefixRow[]> {
    const { rows } = await this.pool.query<PrefixRow>({
      name: 'lookup_by_prefix',
      text: `SELECT id, status, confidence, tlp, warninglisted, type, canonical FROM normaliser.indicators
              WHERE id >= $1 AND id < $2 LIMIT $3`,
      values: [prefix, `${prefix}g`, limit],
    });
    return rows;
  }

  private async findMany(ids: string[]): Promise<Map<string, IndicatorRow>> {
    const { rows } = await this.pool.query<IndicatorRow>({
      name: 'lookup_by_ids',
      text: `SELECT ${INDICATOR_COLUMNS} FROM normaliser.indicators WHERE id = ANY($1::text[])`,
      values: [ids],
    });
    return new Map(rows.map((r) => [r.id, r]));
  }
}
