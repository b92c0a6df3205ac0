import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IndicatorLastChanges1795799038832 implements MigrationInterface {
  name = 'IndicatorLastChanges1795799038832';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "normaliser"."indicators" ADD "last_changes" text array NOT NULL DEFAULT \'{}\'',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "normaliser"."indicators" DROP COLUMN "last_changes"');
  }
}
