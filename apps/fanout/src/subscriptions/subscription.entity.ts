import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const CHANNELS = ['webhook', 'kafka', 'feed'] as const;
export type DeliveryChannel = (typeof CHANNELS)[number];
export type SubscriberRole = 'agency' | 'telco' | 'bank';

/**
 * What one organisation wants to hear about and how: filters for the sharing policy and
 * one delivery channel. Every subscription can also be read as a pull feed.
 */
@Entity({ name: 'subscriptions' })
@Index(['organisationId'])
export class Subscription {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'organisation_id' })
  organisationId!: string;

  /** The owner's role when it subscribed: decides type routing. */
  @Column('text')
  role!: SubscriberRole;

  @Column('char', { length: 2 })
  country!: string;

  @Column('text', { nullable: true })
  name!: string | null;

  @Column('text', { array: true, nullable: true })
  types!: string[] | null;

  @Column('text', { name: 'origin_countries', array: true, nullable: true })
  originCountries!: string[] | null;

  @Column('real', { name: 'min_confidence', nullable: true })
  minConfidence!: number | null;

  @Column('text', { array: true, nullable: true })
  typologies!: string[] | null;

  @Column('text')
  channel!: DeliveryChannel;

  @Column('text', { name: 'webhook_url', nullable: true })
  webhookUrl!: string | null;

  /** Encrypted `whsec_…` (see webhook-secret.cipher.ts); null for the static subscription. */
  @Column('text', { name: 'webhook_secret', nullable: true })
  webhookSecret!: string | null;

  /**
   * The secret before the last rotation (sealed), still signing alongside the new one until
   * `previousSecretExpiresAt`, so a receiver can switch secrets without missing alerts.
   */
  @Column('text', { name: 'previous_webhook_secret', nullable: true })
  previousWebhookSecret!: string | null;

  @Column('timestamptz', { name: 'previous_secret_expires_at', nullable: true })
  previousSecretExpiresAt!: Date | null;

  @Column('text', { name: 'kafka_topic', nullable: true })
  kafkaTopic!: string | null;

  /** The operator-configured WEBHOOK_URL subscription (trusted, secret from config). */
  @Column('boolean', { name: 'is_static', default: false })
  isStatic!: boolean;

  /** Highest alert sequence a pull-feed client acknowledged by presenting a later cursor. */
  @Column('bigint', { name: 'feed_acked_seq', default: 0 })
  feedAckedSeq!: string;

  @Column('timestamptz', { name: 'deleted_at', nullable: true })
  deletedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
