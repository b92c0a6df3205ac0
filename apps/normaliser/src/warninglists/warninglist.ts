import { normalise } from '@wgas/indicators';

/** What matching needs of an indicator (a CanonicalIndicator or a stored row). */
export interface IndicatorIdentity {
  type: string;
  key: string;
  canonical: string;
}

/** One entry of a warninglist file: a raw value to normalise, a canonical key, or a domain. */
export type WarninglistEntry =
  | { type: string; country: string; value: string; note?: string }
  | { key: string; note?: string }
  | { domain: string; note?: string };

export interface WarninglistFile {
  name: string;
  description?: string;
  /** True while the list is seed data that the node operator still has to curate. */
  seed?: boolean;
  entries: WarninglistEntry[];
}

/** Why an indicator is known-good: `<list>:<entry>`, stored on the indicator row. */
export type WarninglistMatch = string;

export interface LoadProblem {
  list: string;
  entry: string;
  problem: string;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9-]{2,63}$/;

/**
 * Known-good values that must never be blocked. Exact entries are canonical indicator keys
 * (raw entries are normalised with the same library as reports, so `02-888-8888` in a file
 * matches `+66 2 888 8888` in a report); domain entries match a domain or a URL whose host
 * equals the entry or ends with `.<entry>` (so `go.th` covers every Thai government host).
 * No wildcard TLDs: `shopee.*` would also cover a scammer's `shopee.xyz`.
 */
export class Warninglist {
  private readonly keys = new Map<string, WarninglistMatch>();
  private readonly domains = new Map<string, WarninglistMatch>();
  readonly problems: LoadProblem[] = [];

  constructor(files: WarninglistFile[]) {
    for (const file of files) for (const entry of file.entries) this.add(file.name, entry);
  }

  get size(): number {
    return this.keys.size + this.domains.size;
  }

  /** The matching entry for an indicator, or undefined when it is not known-good. */
  match(indicator: IndicatorIdentity): WarninglistMatch | undefined {
    const exact = this.keys.get(indicator.key);
    if (exact) return exact;
    const host = hostOf(indicator);
    if (!host) return undefined;
    for (let h = host; ;) {
      const hit = this.domains.get(h);
      if (hit) return hit;
      const dot = h.indexOf('.');
      if (dot < 0) return undefined;
      h = h.slice(dot + 1);
    }
  }

  private add(list: string, entry: WarninglistEntry): void {
    if ('domain' in entry) {
      const domain = entry.domain.trim().toLowerCase().replace(/\.$/, '');
      if (!DOMAIN.test(domain)) return this.problem(list, entry.domain, 'not a domain name');
      this.domains.set(domain, `${list}:domain:${domain}`);
      return;
    }
    if ('key' in entry) {
      this.keys.set(entry.key, `${list}:${entry.key}`);
      return;
    }
    const result = normalise(entry.value, { country: entry.country, typeHint: entry.type });
    if (!result.ok) return this.problem(list, entry.value, result.rejection.code);
    this.keys.set(result.indicator.key, `${list}:${result.indicator.key}`);
  }

  private problem(list: string, entry: string, problem: string): void {
    this.problems.push({ list, entry, problem });
  }
}

function hostOf(indicator: Pick<IndicatorIdentity, 'type' | 'canonical'>): string | undefined {
  if (indicator.type === 'domain') return indicator.canonical;
  if (indicator.type !== 'url') return undefined;
  try {
    return new URL(indicator.canonical).hostname.replace(/\.$/, '') || undefined;
  } catch {
    return undefined;
  }
}
