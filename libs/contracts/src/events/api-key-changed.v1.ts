import { IsIn, IsISO8601, IsOptional, Matches, MaxLength, IsString } from 'class-validator';
import { ROLES, type Role } from '../vocabulary';

export const API_KEY_CHANGED_V1 = 'org.aseanwgas.identity.api-key.v1';

/**
 * `org.aseanwgas.identity.api-key.v1` on the compacted `<ns>.identity.v1`, keyed by key
 * id: the current state of one API key, published by intake whenever a key is issued or
 * revoked. Other services of the node keep a replica to authenticate callers without
 * reading intake's tables. Carries only the SHA-256 of the 256-bit secret; it never
 * leaves the node (the exchange topic never carries it).
 */
export class ApiKeyChangedV1 {
  @Matches(/^[a-f0-9]{16}$/)
  keyId!: string;

  @IsString()
  @MaxLength(64)
  organisationId!: string;

  @IsIn(ROLES)
  role!: Role;

  @Matches(/^[A-Z]{2}$/)
  country!: string;

  @Matches(/^[a-f0-9]{64}$/)
  secretSha256!: string;

  @IsOptional()
  @IsISO8601()
  expiresAt!: string | null;

  @IsOptional()
  @IsISO8601()
  revokedAt!: string | null;

  @IsISO8601()
  changedAt!: string;
}
