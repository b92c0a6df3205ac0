import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One organisation's word that an indicator is a false positive (the first one counts). */
@Entity({ name: 'false_positive_reports' })
export class FalsePositiveReport {
  @PrimaryColumn('text', { name: 'indicator_id' })
  indicatorId!: string;

  /** `node:<id>` prefixed for organisations of a peer node. */
  @PrimaryColumn('text', { name: 'organisation_id' })
  organisationId!: string;

  @Column('text')
  role!: string;

  @Column('text')
  country!: string;

  @Column('text')
  node!: string;

  @Column('uuid', { name: 'action_id' })
  actionId!: string;

  @Column('timestamptz', { name: 'acted_at' })
  actedAt!: Date;
}
