import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indicator ids compare byte-wise (`COLLATE "C"`), so the primary key serves k-anonymity
 * prefix lookups as a range scan, and the separate `text_pattern_ops` index on the same
 * column goes: one random-order B-tree fewer to write for every new indicator, which
 * counts at a million indicators (docs/performance.md, backfill). Comparisons with other
 * text (parameters, other tables' default-collation columns) take the column's "C".
 * Hand-written: TypeORM would change a primary key column's collation by dropping and
 * re-adding the column.
 */
export class IndicatorIdCollationC1795730000000 implements MigrationInterface {
  name = 'IndicatorIdCollationC1795730000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "normaliser"."IDX_indicators_id_prefix"');
    await queryRunner.query(
      'ALTER TABLE "normaliser"."indicators" ALTER COLUMN "id" TYPE text COLLATE "C"',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "normaliser"."indicators" ALTER COLUMN "id" TYPE text COLLATE "default"',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_indicators_id_prefix" ON "normaliser"."indicators" ("id" text_pattern_ops)',
    );
  }
}
