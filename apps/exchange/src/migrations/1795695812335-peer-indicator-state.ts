import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PeerIndicatorState1795695812335 implements MigrationInterface {
  name = 'PeerIndicatorState1795695812335';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "exchange"."peer_indicator_state" ("origin" text NOT NULL, "indicator_id" text NOT NULL, "sequence" bigint NOT NULL, CONSTRAINT "PK_7140d9efa9c2d14094fb4b2ce27" PRIMARY KEY ("origin", "indicator_id"))',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "exchange"."peer_indicator_state"');
  }
}
