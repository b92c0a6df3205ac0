import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AlertActionKind } from '@wgas/contracts';

/** What a subscriber did about an alert (also published on `<ns>.actions.v1`). */
@Entity({ name: 'alert_actions' })
@Index(['alertId'])
export class AlertActionRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'alert_id' })
  alertId!: string;

  @Column('text', { name: 'indicator_id' })
  indicatorId!: string;

  @Column('text', { name: 'organisation_id' })
  organisationId!: string;

  @Column('text')
  action!: AlertActionKind;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('text', { nullable: true })
  note!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
