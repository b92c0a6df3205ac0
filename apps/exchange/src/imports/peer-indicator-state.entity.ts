import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The highest sequence accepted per peer indicator: an envelope carrying an older state of
 * an indicator than one already imported is superseded (a compacted exchange topic keeps
 * only the latest per key; this keeps an old copy from rolling a newer one back). Also the
 * origin's report that state came from, where actions taken here are shown when they
 * travel back.
 */
@Entity({ name: 'peer_indicator_state' })
export class PeerIndicatorState {
  @PrimaryColumn('text')
  origin!: string;

  @PrimaryColumn('text', { name: 'indicator_id' })
  indicatorId!: string;

  @Column('bigint')
  sequence!: string;

  @Column('uuid', { name: 'origin_report_id', nullable: true })
  originReportId!: string | null;
}
