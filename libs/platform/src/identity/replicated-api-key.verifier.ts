import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { runAfterCommit, schemaOf } from '@wgas/persistence';
import { ApiKeyVerifier, type Principal, type Role } from '../auth';
import { keyUsable, parseApiKey, secretMatches } from './api-key-format';

/** How long a key's replicated state is reused without asking the database (ms). */
export const API_KEY_CACHE_TTL_MS = Symbol('API_KEY_CACHE_TTL_MS');
/**
 * The bound on staleness for a change this process did not apply itself (another replica
 * consumed it, or the row was written by hand); changes it applies are seen at once.
 */
export const DEFAULT_API_KEY_CACHE_TTL_MS = 5000;
/** Most keys remembered; the oldest entry makes room. A node has a few hundred keys. */
export const MAX_CACHED_API_KEYS = 10_000;

interface KeyState {
  organisationId: string;
  role: Role;
  country: string;
  secretSha256: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/**
 * Verifies API keys against this service's replica of intake's keys. A key's state is kept
 * in memory for the cache TTL so a request costs no query; the identity consumer forgets a
 * key when it changes it (again once its transaction commits), so a revocation applied by
 * this process takes effect for the next request. Secret, expiry and revocation are still
 * checked on every request against the remembered state.
 */
@Injectable()
export class ReplicatedApiKeyVerifier extends ApiKeyVerifier {
  private readonly table: string;
  private readonly ttlMs: number;
  private readonly cache = new Map<string, { state: KeyState; until: number }>();
  /** Bumped by every change, so a read that raced a change is not remembered. */
  private generation = 0;

  constructor(
    private readonly ds: DataSource,
    @Optional() @Inject(API_KEY_CACHE_TTL_MS) ttlMs?: number,
  ) {
    super();
    this.table = `"${schemaOf(ds)}"."api_key_replicas"`;
    this.ttlMs = ttlMs ?? DEFAULT_API_KEY_CACHE_TTL_MS;
  }

  async verify(presented: string): Promise<Principal | undefined> {
    const parsed = parseApiKey(presented);
    if (!parsed) return undefined;
    const state = await this.state(parsed.keyId);
    if (!state || !secretMatches(state.secretSha256, parsed.secret)) return undefined;
    if (!keyUsable(state)) return undefined;
    return {
      organisationId: state.organisationId,
      role: state.role,
      country: state.country,
      keyId: parsed.keyId,
    };
  }

  /**
   * Called by the identity consumer inside the transaction that changes the key: forgets it
   * now and once more after the commit (a request in between may have re-read the old row).
   */
  forgetOnCommit(manager: EntityManager, keyId: string): void {
    this.forget(keyId);
    runAfterCommit(manager, () => this.forget(keyId));
  }

  forget(keyId: string): void {
    this.generation++;
    this.cache.delete(keyId);
  }

  private async state(keyId: string): Promise<KeyState | undefined> {
    const now = Date.now();
    const hit = this.cache.get(keyId);
    if (hit && hit.until > now) return hit.state;
    if (hit) this.cache.delete(keyId);
    const generation = this.generation;
    const state = await this.load(keyId);
    // unknown keys are not remembered: a key issued a moment ago must work at once
    if (state && generation === this.generation) {
      if (this.cache.size >= MAX_CACHED_API_KEYS) {
        const oldest = this.cache.keys().next();
        if (!oldest.done) this.cache.delete(oldest.value);
      }
      this.cache.set(keyId, { state, until: now + this.ttlMs });
    }
    return state;
  }

  private async load(keyId: string): Promise<KeyState | undefined> {
    const [row] = (await this.ds.query(
      `SELECT organisation_id, role, country, secret_sha256, expires_at, revoked_at FROM ${this.table} WHERE key_id = $1`,
      [keyId],
    )) as {
      organisation_id: string;
      role: Role;
      country: string;
      secret_sha256: string;
      expires_at: Date | null;
      revoked_at: Date | null;
    }[];
    return row
      ? {
          organisationId: row.organisation_id,
          role: row.role,
          country: row.country,
          secretSha256: row.secret_sha256,
          expiresAt: row.expires_at,
          revokedAt: row.revoked_at,
        }
      : undefined;
  }
}
