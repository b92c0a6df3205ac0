import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Actions on a foreign indicator travel back to the origin's report named by the latest
 * state imported from that origin, kept with that state (one row per peer indicator,
 * written anyway), instead of being looked up among every envelope ever imported through
 * an index on `imported_envelopes (indicator_id)`: a B-tree keyed by a keyed hash, so
 * written in random order for every imported envelope, which cost about 4% of a
 * million-indicator backfill (docs/performance.md). Existing state takes the report of the
 * newest envelope it was imported from.
 */
export class PeerIndicatorReport1795740000000 implements MigrationInterface {
  name = 'PeerIndicatorReport1795740000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "exchange"."peer_indicator_state" ADD "origin_report_id" uuid',
    );
    await queryRunner.query(
      `UPDATE "exchange"."peer_indicator_state" s SET "origin_report_id" = (
         SELECT e."origin_report_id" FROM "exchange"."imported_envelopes" e
          WHERE e."origin" = s."origin" AND e."indicator_id" = s."indicator_id"
            AND e."origin_report_id" IS NOT NULL AND e."kind" = 'indicator.v1'
          ORDER BY e."sequence" DESC LIMIT 1)`,
    );
    await queryRunner.query('DROP INDEX "exchange"."IDX_13eed45a808a49de4e15a6fd63"');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "IDX_13eed45a808a49de4e15a6fd63" ON "exchange"."imported_envelopes" ("indicator_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "exchange"."peer_indicator_state" DROP COLUMN "origin_report_id"',
    );
  }
}
