import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { schemaOf } from '@wgas/persistence';
import { ApiKeyVerifier, type Principal, type Role } from '../auth';
import { keyUsable, parseApiKey, secretMatches } from './api-key-format';

/** Verifies API keys against this service's replica of intake's keys. */
@Injectable()
export class ReplicatedApiKeyVerifier extends ApiKeyVerifier {
  private readonly table: string;

  constructor(private readonly ds: DataSource) {
    super();
    this.table = `"${schemaOf(ds)}"."api_key_replicas"`;
  }

  async verify(presented: string): Promise<Principal | undefined> {
    const parsed = parseApiKey(presented);
    if (!parsed) return undefined;
    const [row] = (await this.ds.query(
      `SELECT organisation_id, role, country, secret_sha256, expires_at, revoked_at FROM ${this.table} WHERE key_id = $1`,
      [parsed.keyId],
    )) as {
      organisation_id: string;
      role: Role;
      country: string;
      secret_sha256: string;
      expires_at: Date | null;
      revoked_at: Date | null;
    }[];
    if (!row || !secretMatches(row.secret_sha256, parsed.secret)) return undefined;
    if (!keyUsable({ revokedAt: row.revoked_at, expiresAt: row.expires_at })) return undefined;
    return {
      organisationId: row.organisation_id,
      role: row.role,
      country: row.country,
      keyId: parsed.keyId,
    };
  }
}
