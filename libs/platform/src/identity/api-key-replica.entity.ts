import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A service's copy of one API key's current state, fed from `<ns>.identity.v1`. */
@Entity({ name: 'api_key_replicas' })
export class ApiKeyReplica {
  @PrimaryColumn('text', { name: 'key_id' })
  keyId!: string;

  @Column('text', { name: 'organisation_id' })
  organisationId!: string;

  @Column('text')
  role!: string;

  @Column('char', { length: 2 })
  country!: string;

  @Column('text', { name: 'secret_sha256' })
  secretSha256!: string;

  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @Column('timestamptz', { name: 'changed_at' })
  changedAt!: Date;
}
