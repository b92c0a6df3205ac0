import { indicatorHash, normalise, type ConsortiumKey, type IndicatorType } from '@wgas/indicators';

/** One raw value of a report, with what normalising it needs. */
export interface NormaliseJob {
  value: string;
  country: string;
  typeHint?: string;
}

/** What the store needs of a canonical indicator: its identity, display form and keyed id. */
export interface HashedIndicator {
  id: string;
  type: IndicatorType;
  canonical: string;
  /** `${type}:${canonical}`, what the warninglists match. */
  key: string;
  display: string;
}

export type StoreOutcome =
  | { ok: true; indicator: HashedIndicator; related: HashedIndicator[] }
  | { ok: false; code: string; message: string };

/**
 * Normalises and hashes raw values for the indicator store, keeping only what the store
 * and the outcome events use (not the attributes, warnings and raw echo): the same on the
 * normaliser thread and inline, and small to copy back from the thread.
 */
export function normaliseForStore(jobs: NormaliseJob[], key: ConsortiumKey): StoreOutcome[] {
  const hashed = (i: Omit<HashedIndicator, 'id'>): HashedIndicator => ({
    id: indicatorHash(key, i.key),
    type: i.type,
    canonical: i.canonical,
    key: i.key,
    display: i.display,
  });
  return jobs.map((job) => {
    const result = normalise(job.value, {
      country: job.country,
      ...(job.typeHint ? { typeHint: job.typeHint } : {}),
    });
    if (!result.ok)
      return { ok: false, code: result.rejection.code, message: result.rejection.message };
    return {
      ok: true,
      indicator: hashed(result.indicator),
      related: (result.indicator.related ?? []).map(hashed),
    };
  });
}
