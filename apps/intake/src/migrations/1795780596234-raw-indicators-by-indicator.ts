import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Raw indicators by the indicator they were normalised to, so an action a peer took on one
 * of our indicators shows on every report of ours that named it (ADR 0017), not only on
 * the one the peer last imported.
 */
export class RawIndicatorsByIndicator1795780596234 implements MigrationInterface {
  name = 'RawIndicatorsByIndicator1795780596234';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "IDX_12a22305eed252e2c148423489" ON "intake"."raw_indicators" ("indicator_id") ',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "intake"."IDX_12a22305eed252e2c148423489"');
  }
}
