import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The highest sequence accepted per peer indicator: an envelope carrying an older state of
 * an indicator than one already imported is superseded (a compacted exchange topic keeps
 * only the latest per key; this keeps an old copy from rolling a newer one back).
 */
@Entity({ name: 'peer_indicator_state' })
export class PeerIndicatorState {
  @PrimaryColumn('text')
  origin!: string;

  @PrimaryColumn('text', { name: 'indicator_id' })
  indicatorId!: string;

  @Column('bigint')
  sequence!: string;
}
