import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Links an indicator to a report that mentioned it, with that report's marking. */
@Entity({ name: 'indicator_sightings' })
@Index(['reportId'])
export class IndicatorSighting {
  @PrimaryColumn('text', { name: 'indicator_id' })
  indicatorId!: string;

  @PrimaryColumn('uuid', { name: 'report_id' })
  reportId!: string;

  @Column('uuid', { name: 'raw_indicator_id' })
  rawIndicatorId!: string;

  @Column('text', { name: 'organisation_id' })
  organisationId!: string;

  @Column('char', { length: 2 })
  country!: string;

  @Column('text')
  typology!: string;

  @Column('text')
  tlp!: string;

  @Column('timestamptz', { name: 'seen_at' })
  seenAt!: Date;
}
