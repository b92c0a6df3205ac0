import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** An API key. Only the SHA-256 of its secret part is stored; the key is shown once. */
@Entity({ name: 'api_keys' })
export class ApiKey {
  /** Public key id, the `<id>` in `wgas_<id>_<secret>`. */
  @PrimaryColumn('text')
  id!: string;

  @Index()
  @Column('text', { name: 'organisation_id' })
  organisationId!: string;

  @Column('text', { name: 'secret_sha256' })
  secretSha256!: string;

  @Column('text', { nullable: true })
  label!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
