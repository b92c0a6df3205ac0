import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { ApiKeyVerifier, type Principal, type Role } from '@wgas/platform';
import { ApiKey } from './api-key.entity';
import { Organisation } from './organisation.entity';

const KEY_PATTERN = /^wgas_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
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
  constructor(private readonly ds: DataSource) {
    super();
  }

  async createOrganisation(o: {
    id: string;
    name: string;
    role: Role;
    country: string;
  }): Promise<Organisation> {
    const repo = this.ds.getRepository(Organisation);
    await repo.insert({ ...o, country: o.country.toUpperCase() });
    return repo.findOneByOrFail({ id: o.id });
  }

  async issueKey(
    organisationId: string,
    opts: { label?: string; expiresAt?: Date } = {},
  ): Promise<IssuedKey> {
    const id = randomBytes(8).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    await this.ds.getRepository(ApiKey).insert({
      id,
      organisationId,
      secretSha256: sha256(secret),
      label: opts.label ?? null,
      expiresAt: opts.expiresAt ?? null,
      revokedAt: null,
    });
    return { id, key: `wgas_${id}_${secret}`, organisationId, expiresAt: opts.expiresAt ?? null };
  }

  async revokeKey(id: string): Promise<boolean> {
    const r = await this.ds
      .getRepository(ApiKey)
      .update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (r.affected ?? 0) > 0;
  }

  async verify(presented: string): Promise<Principal | undefined> {
    const m = KEY_PATTERN.exec(presented);
    if (!m) return undefined;
    const [, id, secret] = m as unknown as [string, string, string];
    const rows = (await this.ds.query(
      `SELECT k.secret_sha256, k.expires_at, k.revoked_at, o.id AS org, o.role, o.country
         FROM intake.api_keys k JOIN intake.organisations o ON o.id = k.organisation_id WHERE k.id = $1`,
      [id],
    )) as {
      secret_sha256: string;
      expires_at: Date | null;
      revoked_at: Date | null;
      org: string;
      role: Role;
      country: string;
    }[];
    const row = rows[0];
    if (!row) return undefined;
    const expected = Buffer.from(row.secret_sha256, 'hex');
    const actual = Buffer.from(sha256(secret), 'hex');
    if (!timingSafeEqual(expected, actual)) return undefined;
    if (row.revoked_at || (row.expires_at && row.expires_at.getTime() <= Date.now()))
      return undefined;
    return { organisationId: row.org, role: row.role, country: row.country, keyId: id };
  }
}
