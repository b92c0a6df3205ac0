import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last sequence number this node put on an exported envelope (one row). */
@Entity({ name: 'export_sequence' })
export class ExportSequence {
  @PrimaryColumn('smallint')
  id!: number;

  @Column('bigint', { default: 0 })
  value!: string;
}
