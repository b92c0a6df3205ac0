import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type DeliveryStatus = 'pending' | 'delivered' | 'parked';

/** One alert to one webhook; its id is the `webhook-id`, stable across retries. */
@Entity({ name: 'webhook_deliveries' })
@Index(['status', 'nextAttemptAt'])
export class WebhookDelivery {
  @PrimaryColumn('text')
  id!: string;

  @Column('uuid', { name: 'alert_id' })
  alertId!: string;

  @Column('text')
  url!: string;

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
