import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_ACTIONS = [
  'organisation.created',
  'key.issued',
  'key.revoked',
  'report.submitted',
  'report.retracted',
  'reports.bulk_imported',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who did what, written in the same transaction as the change it records; never updated. */
@Entity({ name: 'audit_log' })
@Index(['actorOrganisationId', 'id'])
@Index(['action', 'id'])
export class AuditEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  /** The caller's organisation, or null for the bootstrap CLI acting on the database. */
  @Column('text', { name: 'actor_organisation_id', nullable: true })
  actorOrganisationId!: string | null;

  @Column('text', { name: 'actor_key_id', nullable: true })
  actorKeyId!: string | null;

  @Column('text')
  action!: AuditAction;

  @Column('text', { name: 'target_type' })
  targetType!: string;

  @Column('text', { name: 'target_id' })
  targetId!: string;

  @Column('jsonb', { default: () => "'{}'" })
  details!: Record<string, unknown>;
}
