import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Report } from './report.entity';

/** One value as reported, before normalisation; its outcome arrives later as an event. */
@Entity({ name: 'raw_indicators' })
@Index(['reportId', 'position'], { unique: true })
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
}
