import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per canonical indicator: the node's single truth about it. */
@Entity({ name: 'indicators' })
@Index(['type', 'lastSeen'])
export class Indicator {
  /** Keyed hash of `type:canonical` under the consortium key. */
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  type!: string;

  @Column('text')
  canonical!: string;

  @Column('text')
  display!: string;

  @Column('text', { default: 'active' })
  status!: 'active' | 'expired' | 'retracted' | 'false_positive';

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
}
