import { Column, CreateDateColumn, Entity, Generated, Index, PrimaryColumn } from 'typeorm';
import type { AlertAction } from '@wgas/contracts';

/**
 * An alert decided for one subscription: what to do about an indicator, and why. `seq`
 * is the pull-feed cursor: alerts are inserted under a lock (alert-writer.ts), so seq
 * order is commit order and a reader never sees a gap fill in later.
 */
@Entity({ name: 'alerts' })
@Index(['subscriptionId', 'indicatorId', 'seq'])
@Index(['subscriptionId', 'seq'])
@Index(['organisationId', 'seq'])
export class Alert {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('bigint', { unique: true })
  @Generated('increment')
  seq!: string;

  @Column('uuid', { name: 'subscription_id' })
  subscriptionId!: string;

  @Column('text', { name: 'organisation_id' })
  organisationId!: string;

  @Column('text', { name: 'indicator_id' })
  indicatorId!: string;

  @Column('text')
  action!: AlertAction;

  /** The rule that let the alert through. */
  @Column('text')
  reason!: string;

  @Column('text', { name: 'source_event_id' })
  sourceEventId!: string;

  /** The report whose event produced the alert (for actions back to the reporter). */
  @Column('uuid', { name: 'report_id', nullable: true })
  reportId!: string | null;

  /** The AlertV1 body, exactly as delivered. */
  @Column('jsonb')
  payload!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
