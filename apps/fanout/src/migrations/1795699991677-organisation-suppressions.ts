import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganisationSuppressions1795699991677 implements MigrationInterface {
  name = 'OrganisationSuppressions1795699991677';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "fanout"."indicator_suppressions" ADD "organisation_id" text NOT NULL DEFAULT \'\'',
    );
    await queryRunner.query(
      'ALTER TABLE "fanout"."indicator_suppressions" DROP CONSTRAINT "PK_6872f0f794a230edc640d54e750"',
    );
    await queryRunner.query(
      'ALTER TABLE "fanout"."indicator_suppressions" ADD CONSTRAINT "PK_47c4bb5a617151c649754022e2c" PRIMARY KEY ("indicator_id", "organisation_id")',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "fanout"."indicator_suppressions" DROP CONSTRAINT "PK_47c4bb5a617151c649754022e2c"',
    );
    await queryRunner.query(
      'ALTER TABLE "fanout"."indicator_suppressions" ADD CONSTRAINT "PK_6872f0f794a230edc640d54e750" PRIMARY KEY ("indicator_id")',
    );
    await queryRunner.query(
      'ALTER TABLE "fanout"."indicator_suppressions" DROP COLUMN "organisation_id"',
    );
  }
}
