import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IndicatorStore1795687717502 implements MigrationInterface {
  name = 'IndicatorStore1795687717502';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "normaliser"."indicators" ADD "status_changed_at" TIMESTAMP WITH TIME ZONE',
    );
    await queryRunner.query(
      'ALTER TABLE "normaliser"."indicators" ADD "false_positive_count" integer NOT NULL DEFAULT \'0\'',
    );
    await queryRunner.query(
      'ALTER TABLE "normaliser"."indicators" ADD "tlp" text NOT NULL DEFAULT \'RED\'',
    );
    await queryRunner.query(
      'ALTER TABLE "normaliser"."indicators" ADD "warninglisted" boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query('ALTER TABLE "normaliser"."indicators" ADD "warninglist_entry" text');
    // Hand-written: existing indicators take the most permissive TLP of their sightings, and
    // k-anonymity prefix lookups (id LIKE 'v1:abcd%') need an operator-class index.
    await queryRunner.query(
      'UPDATE "normaliser"."indicators" AS i SET "tlp" = s.tlp FROM (SELECT indicator_id, (array_agg(tlp ORDER BY array_position(ARRAY[\'CLEAR\',\'GREEN\',\'AMBER\',\'AMBER+STRICT\',\'RED\']::text[], tlp)))[1] AS tlp FROM "normaliser"."indicator_sightings" GROUP BY indicator_id) AS s WHERE i.id = s.indicator_id',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_indicators_id_prefix" ON "normaliser"."indicators" ("id" text_pattern_ops)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_3d49f67ea3f66bcfe309c1044c" ON "normaliser"."indicators" ("last_seen", "id") ',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "normaliser"."IDX_indicators_id_prefix"');
    await queryRunner.query('DROP INDEX "normaliser"."IDX_3d49f67ea3f66bcfe309c1044c"');
    await queryRunner.query(
      'ALTER TABLE "normaliser"."indicators" DROP COLUMN "warninglist_entry"',
    );
    await queryRunner.query('ALTER TABLE "normaliser"."indicators" DROP COLUMN "warninglisted"');
    await queryRunner.query('ALTER TABLE "normaliser"."indicators" DROP COLUMN "tlp"');
    await queryRunner.query(
      'ALTER TABLE "normaliser"."indicators" DROP COLUMN "false_positive_count"',
    );
    await queryRunner.query(
      'ALTER TABLE "normaliser"."indicators" DROP COLUMN "status_changed_at"',
    );
  }
}
