import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What a telco, bank or agency, here or in a peer country, did about a report's indicator. */
@Entity({ name: 'report_actions' })
@Index(['reportId', 'actedAt'])
export class ReportAction {
  @PrimaryColumn('uuid', { name: 'action_id' })
  actionId!: string;

  @PrimaryColumn('uuid', { name: 'report_id' })
  reportId!: string;

  @Column('text', { name: 'indicator_id' })
  indicatorId!: string;

  @Column('text', { name: 'indicator_type' })
  indicatorType!: string;

  @Column('text')
  canonical!: string;

  @Column('text')
  action!: string;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('text')
  role!: string;

  @Column('text')
  country!: string;

  /** Node where the action was taken (ours, or the peer it came back from). */
  @Column('text')
  node!: string;

  @Column('timestamptz', { name: 'acted_at' })
  actedAt!: Date;
}
