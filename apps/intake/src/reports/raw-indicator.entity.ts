import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Report } from './report.entity';

/** One value as reported, before normalisation; its outcome arrives later as an event. */
@Entity({ name: 'raw_indicators' })
@Index(['reportId', 'position'], { unique: true })
@Index(['indicatorId'])
export class RawIndicator {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'report_id' })
  reportId!: string;

  @ManyToOne(() => Report, (r) => r.indicators, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: Report;

  @Column('int')
  position!: number;

  @Column('text')
  value!: string;

  @Column('text', { name: 'type_hint', nullable: true })
  typeHint!: string | null;

  /** `pending` until the normaliser's `report.normalised` event says accepted or rejected. */
  @Column('text', { default: 'pending' })
  outcome!: RawIndicatorOutcome;

  @Column('text', { name: 'canonical_type', nullable: true })
  canonicalType!: string | null;

  @Column('text', { nullable: true })
  canonical!: string | null;

  @Column('text', { name: 'indicator_id', nullable: true })
  indicatorId!: string | null;

  @Column('text', { name: 'rejection_code', nullable: true })
  rejectionCode!: string | null;

  @Column('text', { name: 'rejection_message', nullable: true })
  rejectionMessage!: string | null;

  @Column('timestamptz', { name: 'normalised_at', nullable: true })
  normalisedAt!: Date | null;
}

export type RawIndicatorOutcome = 'pending' | 'accepted' | 'rejected';
