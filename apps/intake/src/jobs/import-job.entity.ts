import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const JOB_STATUSES = ['running', 'completed', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** One error in a bulk file, by line number (1-based) and field. */
export interface LineError {
  line: number;
  field: string | null;
  reason: string;
}

/** A bulk import: its progress while the file streams in, and the first errors found. */
@Entity({ name: 'import_jobs' })
@Index(['organisationId', 'createdAt'])
export class ImportJob {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'organisation_id' })
  organisationId!: string;

  @Column('text')
  format!: 'ndjson' | 'csv';

  @Column('text')
  status!: JobStatus;

  @Column('int', { name: 'lines_read', default: 0 })
  linesRead!: number;

  @Column('int', { name: 'reports_accepted', default: 0 })
  reportsAccepted!: number;

  @Column('int', { name: 'indicators_accepted', default: 0 })
  indicatorsAccepted!: number;

  @Column('int', { name: 'lines_rejected', default: 0 })
  linesRejected!: number;

  /** The first errors only (bounded); `linesRejected` counts them all. */
  @Column('jsonb', { default: () => "'[]'" })
  errors!: LineError[];

  @Column('text', { name: 'failure', nullable: true })
  failure!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}
