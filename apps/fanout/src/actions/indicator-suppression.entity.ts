import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * An indicator fan-out no longer alerts on, because a subscriber confirmed it a false
 * positive. Kept locally so alerting stops at once, before the normaliser's status change
 * comes back on `<ns>.indicators.v1`.
 */
@Entity({ name: 'indicator_suppressions' })
export class IndicatorSuppression {
  @PrimaryColumn('text', { name: 'indicator_id' })
  indicatorId!: string;

  @Column('text')
  reason!: string;

  @Column('uuid', { name: 'action_id' })
  actionId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
