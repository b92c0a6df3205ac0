import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IndicatorChange, MemberCountry, Tlp, Typology } from '@wgas/contracts';
import { queryRows } from '@wgas/persistence';
import { confidenceFor } from './confidence';
import type { IndicatorStatus } from './indicator.entity';
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

interface Previous {
  id: string;
  countries: string[];
  confidence: number;
  status: IndicatorStatus;
}

interface Upserted {
  id: string;
  inserted: boolean;
  report_count: number;
  countries: MemberCountry[];
  organisations: string[];
  first_seen: Date;
  last_seen: Date;
  false_positive_count: number;
}

const T = 'normaliser.indicators';

/**
 * Set-based writes of the indicator store: a whole consumer batch costs four statements
 * (sightings, lock, upsert, and a confidence update for indicators that already existed),
 * whatever its size. Rows are touched in id order so
 * concurrent partitions' transactions cannot deadlock on each other.
 */
@Injectable()
export class IndicatorStoreRepository {
  async recordSightings(m: EntityManager, input: SightingInput[]): Promise<RecordedSightings> {
    return this.mergeIndicators(m, await this.insertSightings(m, input));
  }

  /**
   * Upserts the indicators of sightings that `insertSightings` found new, and returns their
   * state after the merge. Takes the indicators' row locks (held until commit).
   */
  async mergeIndicators(m: EntityManager, fresh: SightingInput[]): Promise<RecordedSightings> {
    if (fresh.length === 0) return { fresh, indicators: new Map() };
    const groups = groupByIndicator(fresh);
    const ids = [...groups.keys()];
    const previous = new Map(
      (
        await queryRows<Previous>(
          m,
          `SELECT id, countries, confidence, status FROM ${T} WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
          [ids],
        )
      ).map((p) => [p.id, p]),
    );
    const upserted = await this.upsert(m, groups);
    const indicators = new Map<string, StoredIndicator>();
    const confidences: { id: string; confidence: number }[] = [];
    for (const row of upserted) {
      const first = groups.get(row.id)![0]!;
      const before = previous.get(row.id);
      const confidence = confidenceFor(row.organisations.length, row.false_positive_count);
      // a new row was inserted with its confidence already; an existing one may have moved
      if (!row.inserted && confidence !== before?.confidence)
        confidences.push({ id: row.id, confidence });
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
        confidence,
        warninglisted: first.warninglist !== undefined,
        changes: before ? changesOf(before, row.countries, confidence) : [],
      });
    }
    if (confidences.length > 0) {
      await m.query(
        `UPDATE ${T} AS i SET confidence = v.confidence
           FROM jsonb_to_recordset($1::jsonb) AS v(id text, confidence real) WHERE i.id = v.id`,
        [JSON.stringify(confidences)],
      );
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
        confidence: confidenceFor(organisations.length),
        typologies: distinct(ss.map((s) => s.typology)),
        tlp: ss.map((s) => s.tlp).reduce(mostPermissive),
        warninglisted: first.warninglist !== undefined,
        warninglist_entry: first.warninglist ?? null,
      };
    });
    // A report on an expired or retracted indicator makes it active again; a false
    // positive stays one until an operator clears it.
    return queryRows<Upserted>(
      m,
      `INSERT INTO ${T} AS i
         (id, type, canonical, display, first_seen, last_seen, report_count, countries, organisations,
          typologies, tlp, warninglisted, warninglist_entry, confidence, status, status_changed_at)
       SELECT id, type, canonical, display, first_seen, last_seen, n, countries, organisations,
              typologies, tlp, warninglisted, warninglist_entry, confidence, 'active', now()
         FROM jsonb_to_recordset($1::jsonb) AS v(id text, type text, canonical text, display text,
              first_seen timestamptz, last_seen timestamptz, n int, countries text[], organisations text[],
              typologies text[], tlp text, warninglisted boolean, warninglist_entry text, confidence real)
       ON CONFLICT (id) DO UPDATE SET
         first_seen = least(i.first_seen, excluded.first_seen),
         last_seen = greatest(i.last_seen, excluded.last_seen),
         report_count = i.report_count + excluded.report_count,
         countries = ARRAY(SELECT DISTINCT c FROM unnest(i.countries || excluded.countries) c ORDER BY c),
         organisations = ARRAY(SELECT DISTINCT o FROM unnest(i.organisations || excluded.organisations) o ORDER BY o),
         typologies = ARRAY(SELECT DISTINCT t FROM unnest(i.typologies || excluded.typologies) t ORDER BY t),
         tlp = CASE WHEN array_position(${TLP_ORDER_SQL}, excluded.tlp) < array_position(${TLP_ORDER_SQL}, i.tlp)
                    THEN excluded.tlp ELSE i.tlp END,
         warninglisted = excluded.warninglisted,
         warninglist_entry = excluded.warninglist_entry,
         status = CASE WHEN i.status IN ('expired', 'retracted') THEN 'active' ELSE i.status END,
         status_changed_at = CASE WHEN i.status IN ('expired', 'retracted') THEN now() ELSE i.status_changed_at END
       RETURNING id, (xmax = 0) AS inserted, report_count, countries, organisations, first_seen, last_seen,
                 false_positive_count`,
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

function changesOf(before: Previous, countries: string[], confidence: number): IndicatorChange[] {
  const changes: IndicatorChange[] = ['report'];
  if (countries.some((c) => !before.countries.includes(c))) changes.push('country');
  if (confidence !== before.confidence) changes.push('confidence');
  if (before.status === 'expired' || before.status === 'retracted') changes.push('reactivated');
  return changes;
}
