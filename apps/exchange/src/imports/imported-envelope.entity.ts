import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Every action envelope accepted from a peer, keyed by (origin, event id): a second copy
 * is a replay and is dropped. Indicator envelopes are told apart by their sequence in
 * `peer_indicator_state` instead (ADR 0018); rows for them from before are history.
 */
@Entity({ name: 'imported_envelopes' })
export class ImportedEnvelope {
  @PrimaryColumn('text')
  origin!: string;

  @PrimaryColumn('text', { name: 'event_id' })
  eventId!: string;

  @Column('text')
  kind!: string;

  @Column('bigint')
  sequence!: string;

  @Column('text', { name: 'indicator_id', nullable: true })
  indicatorId!: string | null;

  @Column('uuid', { name: 'origin_report_id', nullable: true })
  originReportId!: string | null;

  @Column('timestamptz', { name: 'received_at', default: () => 'now()' })
  receivedAt!: Date;
}
