import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryColumn } from 'typeorm';
import type { Channel, RetractionReason, Tlp, Typology } from '@wgas/contracts';
import { RawIndicator } from './raw-indicator.entity';

/** A scam report as an agency submitted it. The narrative stays on this node. */
@Entity({ name: 'reports' })
@Index(['organisationId', 'submittedAt'])
export class Report {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'organisation_id' })
  organisationId!: string;

  @Column('char', { length: 2 })
  country!: string;

  @Column('text')
  typology!: Typology;

  @Column('text')
  tlp!: Tlp;

  @Column('text', { nullable: true })
  channel!: Channel | null;

  @Column('timestamptz', { name: 'occurred_at', nullable: true })
  occurredAt!: Date | null;

  @Column('numeric', { name: 'loss_amount', precision: 18, scale: 2, nullable: true })
  lossAmount!: string | null;

  @Column('char', { name: 'loss_currency', length: 3, nullable: true })
  lossCurrency!: string | null;

  @Column('text', { nullable: true })
  narrative!: string | null;

  @Column('text', { default: 'submitted' })
  status!: 'submitted' | 'retracted';

  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column('timestamptz', { name: 'retracted_at', nullable: true })
  retractedAt!: Date | null;

  @Column('text', { name: 'retraction_reason', nullable: true })
  retractionReason!: RetractionReason | null;

  /** Why, in the agency's words; stays at this node like the narrative. */
  @Column('text', { name: 'retraction_note', nullable: true })
  retractionNote!: string | null;

  /** The bulk import that brought the report in, if any. */
  @Column('uuid', { name: 'import_job_id', nullable: true })
  importJobId!: string | null;

  @OneToMany(() => RawIndicator, (r) => r.report)
  indicators?: RawIndicator[];
}
