import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@wgas/platform';

/** A member organisation: an agency, telco, bank, or the node's operators. */
@Entity({ name: 'organisations' })
export class Organisation {
  /** Slug, e.g. `th-aoc`. */
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  role!: Role;

  @Column('char', { length: 2 })
  country!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
