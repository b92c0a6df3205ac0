import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import {
  ApiKeyVerifier,
  keyUsable,
  NODE_CONFIG,
  parseApiKey,
  secretMatches,
  sha256Hex,
  type Principal,
  type Role,
} from '@wgas/platform';
import { ApiKey } from './api-key.entity';
import { publishKeyState } from './identity-publisher';
import { Organisation } from './organisation.entity';

/** Where the node publishes identity events (NodeConfig satisfies it). */
export interface IdentityTopicOwner {
  namespace: string;
  eventSource: string;
}

export interface IssuedKey {
  id: string;
  /** The full key; shown once, never stored. */
  key: string;
  organisationId: string;
  expiresAt: Date | null;
}

/**
 * Issues and verifies API keys. Keys carry 256 bits of randomness, so a plain SHA-256
 * of the secret is enough at rest (no password-style stretching needed).
 */
@Injectable()
export class ApiKeyService extends ApiKeyVerifier {
  constructor(
    private readonly ds: DataSource,
    @Inject(NODE_CONFIG) private readonly node: IdentityTopicOwner,
  ) {
    super();
  }

  /** Runs `fn` in the caller's transaction, or in a new one. */
  private inTransaction<T>(m: EntityManager, fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return m.queryRunner?.isTransactionActive ? fn(m) : m.transaction(fn);
  }

  async createOrganisation(
    o: { id: string; name: string; role: Role; country: string },
    m: EntityManager = this.ds.manager,
  ): Promise<Organisation> {
    const repo = m.getRepository(Organisation);
    await repo.insert({ ...o, country: o.country.toUpperCase() });
    return repo.findOneByOrFail({ id: o.id });
  }

  async issueKey(
    organisationId: string,
    opts: { label?: string; expiresAt?: Date } = {},
    m: EntityManager = this.ds.manager,
  ): Promise<IssuedKey> {
    const id = randomBytes(8).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    await this.inTransaction(m, async (tx) => {
      await tx.getRepository(ApiKey).insert({
        id,
        organisationId,
        secretSha256: sha256Hex(secret),
        label: opts.label ?? null,
        expiresAt: opts.expiresAt ?? null,
        revokedAt: null,
      });
      // The node's other services authenticate from their replica of this event.
      await publishKeyState(tx, this.node, id);
    });
    return { id, key: `wgas_${id}_${secret}`, organisationId, expiresAt: opts.expiresAt ?? null };
  }

  async revokeKey(id: string, m: EntityManager = this.ds.manager): Promise<boolean> {
    return this.inTransaction(m, async (tx) => {
      const r = await tx
        .getRepository(ApiKey)
        .update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
      if ((r.affected ?? 0) === 0) return false;
      await publishKeyState(tx, this.node, id);
      return true;
    });
  }

  async verify(presented: string): Promise<Principal | undefined> {
    const parsed = parseApiKey(presented);
    if (!parsed) return undefined;
    const [row] = (await this.ds.query(
      `SELECT k.secret_sha256, k.expires_at, k.revoked_at, o.id AS org, o.role, o.country
         FROM intake.api_keys k JOIN intake.organisations o ON o.id = k.organisation_id WHERE k.id = $1`,
      [parsed.keyId],
    )) as {
      secret_sha256: string;
      expires_at: Date | null;
      revoked_at: Date | null;
      org: string;
      role: Role;
      country: string;
    }[];
    if (!row || !secretMatches(row.secret_sha256, parsed.secret)) return undefined;
    if (!keyUsable({ revokedAt: row.revoked_at, expiresAt: row.expires_at })) return undefined;
    return { organisationId: row.org, role: row.role, country: row.country, keyId: parsed.keyId };
  }
}
