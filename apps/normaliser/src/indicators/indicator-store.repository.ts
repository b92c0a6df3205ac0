import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IndicatorChange, MemberCountry, Tlp, Typology } from '@wgas/contracts';
import { queryRows } from '@wgas/persistence';
import { confidenceSql } from './confidence';
import { mostPermissive, TLP_ORDER_SQL } from './tlp-order';

/** One indicator named by one report, ready to be stored. */
export interface SightingInput {
  indicatorId: string;
  type: string;
  canonical: string;
  display: string;
  /** The warninglist entry the indicator matches, if it is known-good. */
  warninglist: string | undefined;
  reportId: string;
  rawIndicatorId: string;
  organisationId: string;
  country: MemberCountry;
  typology: Typology;
  tlp: Tlp;
  seenAt: Date;
  /** The peer node a foreign sighting came from (carried to the event, not stored). */
  originNode?: string;
}

export interface StoredIndicator {
  id: string;
  inserted: boolean;
  type: string;
  canonical: string;
  display: string;
  reportCount: number;
  countries: MemberCountry[];
  firstSeen: Date;
  lastSeen: Date;
  confidence: number;
  warninglisted: boolean;
  changes: IndicatorChange[];
}

export interface RecordedSightings {
  /** Sightings not stored before (a redelivered or repeated one is absent). */
  fresh: SightingInput[];
  indicators: Map<string, StoredIndicator>;
}

interface Upserted {
  id: string;
  inserted: boolean;
  report_count: number;
  countries: MemberCountry[];
  first_seen: Date;
  last_seen: Date;
  confidence: number;
  last_changes: IndicatorChange[];
}

const T = 'normaliser.indicators';

/**
 * Set-based writes of the indicator store: a whole consumer batch costs two statements
 * (sightings, then the indicator upsert), whatever its size. Rows are sent, and so locked,
 * in id order, so concurrent transactions (other partitions, other replicas) cannot
 * deadlock on each other.
 */
@Injectable()
export class IndicatorStoreRepository {
  async recordSightings(m: EntityManager, input: SightingInput[]): Promise<RecordedSightings> {
    return this.mergeIndicators(m, await this.insertSightings(m, input));
  }

  /**
   * Upserts the indicators of sightings that `insertSightings` found new, and returns their
   * state after the merge. One statement: the upsert computes the confidence and what the
   * merge changed from the row it locked, so nothing reads the rows first (ADR 0022). Takes
   * the indicators' row locks (held until commit).
   */
  async mergeIndicators(m: EntityManager, fresh: SightingInput[]): Promise<RecordedSightings> {
    if (fresh.length === 0) return { fresh, indicators: new Map() };
    const groups = groupByIndicator(fresh);
    const indicators = new Map<string, StoredIndicator>();
    for (const row of await this.upsert(m, groups)) {
      const first = groups.get(row.id)![0]!;
      indicators.set(row.id, {
        id: row.id,
        inserted: row.inserted,
        type: first.type,
        canonical: first.canonical,
        display: first.display,
        reportCount: row.report_count,
        countries: row.countries,
        firstSeen: row.first_seen,
        lastSeen: row.last_seen,
        confidence: row.confidence,
        warninglisted: first.warninglist !== undefined,
        changes: row.last_changes,
      });
    }
    return { fresh, indicators };
  }

  /** Records which report named which indicator; returns the sightings not stored before. */
  async insertSightings(m: EntityManager, input: SightingInput[]): Promise<SightingInput[]> {
    const unique = new Map<string, SightingInput>();
    for (const s of input) {
      const k = `${s.indicatorId} ${s.reportId}`;
      if (!unique.has(k)) unique.set(k, s); // the same report naming a value twice counts once
    }
    const rows = [...unique.values()].sort((a, b) =>
      a.indicatorId === b.indicatorId
        ? a.reportId.localeCompare(b.reportId)
        : a.indicatorId < b.indicatorId
          ? -1
          : 1,
    );
    if (rows.length === 0) return [];
    const inserted = await queryRows<{ indicator_id: string; report_id: string }>(
      m,
      `INSERT INTO normaliser.indicator_sightings
         (indicator_id, report_id, raw_indicator_id, organisation_id, country, typology, tlp, seen_at)
       SELECT indicator_id, report_id, raw_indicator_id, organisation_id, country, typology, tlp, seen_at
         FROM jsonb_to_recordset($1::jsonb) AS v(indicator_id text, report_id uuid, raw_indicator_id uuid,
              organisation_id text, country text, typology text, tlp text, seen_at timestamptz)
       ON CONFLICT DO NOTHING RETURNING indicator_id, report_id`,
      [
        JSON.stringify(
          rows.map((s) => ({
            indicator_id: s.indicatorId,
            report_id: s.reportId,
            raw_indicator_id: s.rawIndicatorId,
            organisation_id: s.organisationId,
            country: s.country,
            typology: s.typology,
            tlp: s.tlp,
            seen_at: s.seenAt.toISOString(),
          })),
        ),
      ],
    );
    const keep = new Set(inserted.map((r) => `${r.indicator_id} ${r.report_id}`));
    return rows.filter((s) => keep.has(`${s.indicatorId} ${s.reportId}`));
  }

  private async upsert(
    m: EntityManager,
    groups: Map<string, SightingInput[]>,
  ): Promise<Upserted[]> {
    const values = [...groups].map(([id, ss]) => {
      const first = ss[0]!;
      const organisations = distinct(ss.map((s) => s.organisationId));
      return {
        id,
        type: first.type,
        canonical: first.canonical,
        display: first.display,
        first_seen: new Date(Math.min(...ss.map((s) => s.seenAt.getTime()))).toISOString(),
        last_seen: new Date(Math.max(...ss.map((s) => s.seenAt.getTime()))).toISOString(),
        n: ss.length,
        countries: distinct(ss.map((s) => s.country)),
        organisations,
        typologies: distinct(ss.map((s) => s.typology)),
        tlp: ss.map((s) => s.tlp).reduce(mostPermissive),
        warninglisted: first.warninglist !== undefined,
        warninglist_entry: first.warninglist ?? null,
      };
    });
    // A report on an expired or retracted indicator makes it active again; a false
    // positive stays one until an operator clears it. The conflict branch derives every
    // column from the locked row (`i`, the latest committed version) in one sub-select, and
    // records in `last_changes` what this merge changed, which RETURNING cannot otherwise
    // tell (it sees only the new row; `OLD` in RETURNING is PostgreSQL 18).
    return queryRows<Upserted>(
      m,
      `INSERT INTO ${T} AS i
         (id, type, canonical, display, first_seen, last_seen, report_count, countries, organisations,
          typologies, tlp, warninglisted, warninglist_entry, confidence, status, status_changed_at)
       SELECT id, type, canonical, display, first_seen, last_seen, n, countries, organisations,
              typologies, tlp, warninglisted, warninglist_entry,
              ${confidenceSql('cardinality(organisations)', '0')}, 'active', now()
         FROM jsonb_to_recordset($1::jsonb) AS v(id text, type text, canonical text, display text,
              first_seen timestamptz, last_seen timestamptz, n int, countries text[], organisations text[],
              typologies text[], tlp text, warninglisted boolean, warninglist_entry text)
       ON CONFLICT (id) DO UPDATE SET
         (first_seen, last_seen, report_count, countries, organisations, typologies, tlp, warninglisted,
          warninglist_entry, status, status_changed_at, confidence, last_changes) =
         (SELECT least(i.first_seen, excluded.first_seen), greatest(i.last_seen, excluded.last_seen),
                 i.report_count + excluded.report_count, u.countries, u.organisations, u.typologies,
                 CASE WHEN array_position(${TLP_ORDER_SQL}, excluded.tlp) < array_position(${TLP_ORDER_SQL}, i.tlp)
                      THEN excluded.tlp ELSE i.tlp END,
                 excluded.warninglisted, excluded.warninglist_entry,
                 CASE WHEN u.reactivated THEN 'active' ELSE i.status END,
                 CASE WHEN u.reactivated THEN now() ELSE i.status_changed_at END,
                 c.confidence,
                 array_remove(ARRAY['report',
                   CASE WHEN cardinality(u.countries) > cardinality(i.countries) THEN 'country' END,
                   CASE WHEN c.confidence <> i.confidence THEN 'confidence' END,
                   CASE WHEN u.reactivated THEN 'reactivated' END], NULL)
            FROM (SELECT ARRAY(SELECT DISTINCT x FROM unnest(i.countries || excluded.countries) x ORDER BY x) AS countries,
                         ARRAY(SELECT DISTINCT x FROM unnest(i.organisations || excluded.organisations) x ORDER BY x) AS organisations,
                         ARRAY(SELECT DISTINCT x FROM unnest(i.typologies || excluded.typologies) x ORDER BY x) AS typologies,
                         i.status IN ('expired', 'retracted') AS reactivated) AS u
            CROSS JOIN LATERAL (SELECT ${confidenceSql('cardinality(u.organisations)', 'i.false_positive_count')} AS confidence) AS c)
       RETURNING id, (xmax = 0) AS inserted, report_count, countries, first_seen, last_seen, confidence,
                 last_changes`,
      [JSON.stringify(values)],
    );
  }
}

function groupByIndicator(sightings: SightingInput[]): Map<string, SightingInput[]> {
  const groups = new Map<string, SightingInput[]>();
  for (const s of sightings) {
    const g = groups.get(s.indicatorId);
    if (g) g.push(s);
    else groups.set(s.indicatorId, [s]);
  }
  return groups;
}

/** Distinct and sorted, as the ON CONFLICT branch stores them: one order whatever the batch. */
function distinct<T extends string>(values: T[]): T[] {
  return [...new Set(values)].sort();
}
