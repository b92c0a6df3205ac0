import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const INDICATOR_STATUSES = ['active', 'expired', 'retracted', 'false_positive'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

/** One row per canonical indicator: the node's single truth about it. */
@Entity({ name: 'indicators' })
@Index(['type', 'lastSeen'])
@Index(['lastSeen', 'id'])
export class Indicator {
  /**
   * Keyed hash of `type:canonical` under the consortium key. Byte-wise collation ("C"), so
   * the primary key also serves k-anonymity prefix lookups as a range scan.
   */
  @PrimaryColumn('text', { collation: 'C' })
  id!: string;

  @Column('text')
  type!: string;

  @Column('text')
  canonical!: string;

  @Column('text')
  display!: string;

  @Column('text', { default: 'active' })
  status!: IndicatorStatus;

  @Column('timestamptz', { name: 'status_changed_at', nullable: true })
  statusChangedAt!: Date | null;

  @Column('timestamptz', { name: 'first_seen' })
  firstSeen!: Date;

  @Column('timestamptz', { name: 'last_seen' })
  lastSeen!: Date;

  @Column('int', { name: 'report_count', default: 0 })
  reportCount!: number;

  @Column('text', { array: true, default: () => "'{}'" })
  countries!: string[];

  @Column('text', { array: true, default: () => "'{}'" })
  organisations!: string[];

  @Column('text', { array: true, default: () => "'{}'" })
  typologies!: string[];

  @Column('real', { default: 0 })
  confidence!: number;

  /** False-positive actions from subscribers (issue 6 feeds this); each one lowers confidence. */
  @Column('int', { name: 'false_positive_count', default: 0 })
  falsePositiveCount!: number;

  /**
   * Effective TLP: the most permissive marking among the sightings that still support the
   * indicator (each sighting keeps its own report's TLP). See docs/adr/0003.
   */
  @Column('text', { default: 'RED' })
  tlp!: string;

  /** Known-good value (a bank's hotline, a government domain): stored, never alerted on. */
  @Column('boolean', { default: false })
  warninglisted!: boolean;

  /**
   * What the latest report merged into the row changed (`report`, `country`, `confidence`,
   * `reactivated`), written by the upsert itself so the normaliser never reads a row before
   * merging into it (ADR 0022). Empty while only the report that created it is known.
   */
  @Column('text', { name: 'last_changes', array: true, default: () => "'{}'" })
  lastChanges!: string[];

  /** Which warninglist entry matched, e.g. `th-banks:phone:+6628888888`. */
  @Column('text', { name: 'warninglist_entry', nullable: true })
  warninglistEntry!: string | null;
}
