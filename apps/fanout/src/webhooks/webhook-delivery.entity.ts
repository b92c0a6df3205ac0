import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** `failed`: the last attempt failed and another is scheduled; `parked`: given up. */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'parked';

/**
 * One alert to one webhook subscription; its id is the `webhook-id`, stable across
 * retries. The URL and secret are read from the subscription at each attempt.
 */
@Entity({ name: 'webhook_deliveries' })
@Index(['status', 'nextAttemptAt'])
export class WebhookDelivery {
  @PrimaryColumn('text')
  id!: string;

  @Column('uuid', { name: 'alert_id', unique: true })
  alertId!: string;

  @Column('uuid', { name: 'subscription_id' })
  subscriptionId!: string;

  @Column('text', { default: 'pending' })
  status!: DeliveryStatus;

  @Column('int', { default: 0 })
  attempts!: number;

  @Column('timestamptz', { name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'delivered_at', nullable: true })
  deliveredAt!: Date | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;
}
