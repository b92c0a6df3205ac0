import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportActions1795689365604 implements MigrationInterface {
  name = 'ReportActions1795689365604';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "intake"."report_actions" ("action_id" uuid NOT NULL, "report_id" uuid NOT NULL, "indicator_id" text NOT NULL, "indicator_type" text NOT NULL, "canonical" text NOT NULL, "action" text NOT NULL, "reason" text, "role" text NOT NULL, "country" text NOT NULL, "node" text NOT NULL, "acted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_333bfafb5ca2ebd8f611bdb89e0" PRIMARY KEY ("action_id", "report_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_254e5d74dcdd4c5c0b026ab874" ON "intake"."report_actions" ("report_id", "acted_at") ',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "intake"."IDX_254e5d74dcdd4c5c0b026ab874"');
    await queryRunner.query('DROP TABLE "intake"."report_actions"');
  }
}
