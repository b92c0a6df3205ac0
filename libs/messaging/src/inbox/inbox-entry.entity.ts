import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per event a consumer has applied: the idempotency record. */
@Entity({ name: 'inbox' })
export class InboxEntry {
  @PrimaryColumn('text')
  consumer!: string;

  @PrimaryColumn('text', { name: 'event_id' })
  eventId!: string;

  @Column('timestamptz', { name: 'processed_at', default: () => 'now()' })
  processedAt!: Date;
}
