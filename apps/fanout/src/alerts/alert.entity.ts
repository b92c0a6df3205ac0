import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** An alert decided for a subscriber: what to do about an indicator, and why. */
@Entity({ name: 'alerts' })
@Index(['subscriber', 'indicatorId', 'action'], { unique: true })
export class Alert {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  subscriber!: string;

  @Column('text', { name: 'indicator_id' })
  indicatorId!: string;

  @Column('text')
  action!: 'block' | 'monitor' | 'unblock';

  /** The rule that let the alert through. */
  @Column('text')
  reason!: string;

  @Column('text', { name: 'source_event_id' })
  sourceEventId!: string;

  @Column('jsonb')
  payload!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
