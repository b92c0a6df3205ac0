import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FalsePositiveReports1795698120730 implements MigrationInterface {
  name = 'FalsePositiveReports1795698120730';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "normaliser"."false_positive_reports" ("indicator_id" text NOT NULL, "organisation_id" text NOT NULL, "role" text NOT NULL, "country" text NOT NULL, "node" text NOT NULL, "action_id" uuid NOT NULL, "acted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_6e3adebfd5cb43b27f703a0f429" PRIMARY KEY ("indicator_id", "organisation_id"))',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "normaliser"."false_positive_reports"');
  }
}
