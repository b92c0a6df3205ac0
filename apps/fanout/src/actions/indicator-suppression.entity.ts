import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * An indicator fan-out no longer alerts on because it is a false positive (ADR 0009): for
 * one organisation as soon as that organisation says so (`organisation_id`), for everyone
 * (`organisation_id` = '') once the normaliser confirms it.
 */
@Entity({ name: 'indicator_suppressions' })
export class IndicatorSuppression {
  @PrimaryColumn('text', { name: 'indicator_id' })
  indicatorId!: string;

  /** The organisation that no longer hears of it; '' for every subscriber. */
  @PrimaryColumn('text', { name: 'organisation_id', default: '' })
  organisationId!: string;

  @Column('text')
  reason!: string;

  @Column('uuid', { name: 'action_id' })
  actionId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
