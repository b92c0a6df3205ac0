import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IssueFourIntakeApi1795687160679 implements MigrationInterface {
  name = 'IssueFourIntakeApi1795687160679';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "intake"."audit_log" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_organisation_id" text, "actor_key_id" text, "action" text NOT NULL, "target_type" text NOT NULL, "target_id" text NOT NULL, "details" jsonb NOT NULL DEFAULT \'{}\', CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_3f97d0f67627908f232650a97c" ON "intake"."audit_log" ("action", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_e02ff6c184d2bf06ca6c193c73" ON "intake"."audit_log" ("actor_organisation_id", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "intake"."idempotency_keys" ("organisation_id" text NOT NULL, "key" text NOT NULL, "request_sha256" text NOT NULL, "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_94ad185cd620ee841022da26a8b" PRIMARY KEY ("organisation_id", "key"))',
    );
    await queryRunner.query(
      'CREATE TABLE "intake"."import_jobs" ("id" uuid NOT NULL, "organisation_id" text NOT NULL, "format" text NOT NULL, "status" text NOT NULL, "lines_read" integer NOT NULL DEFAULT \'0\', "reports_accepted" integer NOT NULL DEFAULT \'0\', "indicators_accepted" integer NOT NULL DEFAULT \'0\', "lines_rejected" integer NOT NULL DEFAULT \'0\', "errors" jsonb NOT NULL DEFAULT \'[]\', "failure" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4d206c602f173f98e4bb85819a3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_db41cb639c4f79a2f004fd2bfd" ON "intake"."import_jobs" ("organisation_id", "created_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "intake"."reports" ADD "retracted_at" TIMESTAMP WITH TIME ZONE',
    );
    await queryRunner.query('ALTER TABLE "intake"."reports" ADD "retraction_reason" text');
    await queryRunner.query('ALTER TABLE "intake"."reports" ADD "retraction_note" text');
    await queryRunner.query('ALTER TABLE "intake"."reports" ADD "import_job_id" uuid');
    await queryRunner.query(
      'ALTER TABLE "intake"."raw_indicators" ADD "outcome" text NOT NULL DEFAULT \'pending\'',
    );
    await queryRunner.query('ALTER TABLE "intake"."raw_indicators" ADD "canonical_type" text');
    await queryRunner.query('ALTER TABLE "intake"."raw_indicators" ADD "canonical" text');
    await queryRunner.query('ALTER TABLE "intake"."raw_indicators" ADD "indicator_id" text');
    await queryRunner.query('ALTER TABLE "intake"."raw_indicators" ADD "rejection_code" text');
    await queryRunner.query('ALTER TABLE "intake"."raw_indicators" ADD "rejection_message" text');
    await queryRunner.query(
      'ALTER TABLE "intake"."raw_indicators" ADD "normalised_at" TIMESTAMP WITH TIME ZONE',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "intake"."raw_indicators" DROP COLUMN "normalised_at"');
    await queryRunner.query(
      'ALTER TABLE "intake"."raw_indicators" DROP COLUMN "rejection_message"',
    );
    await queryRunner.query('ALTER TABLE "intake"."raw_indicators" DROP COLUMN "rejection_code"');
    await queryRunner.query('ALTER TABLE "intake"."raw_indicators" DROP COLUMN "indicator_id"');
    await queryRunner.query('ALTER TABLE "intake"."raw_indicators" DROP COLUMN "canonical"');
    await queryRunner.query('ALTER TABLE "intake"."raw_indicators" DROP COLUMN "canonical_type"');
    await queryRunner.query('ALTER TABLE "intake"."raw_indicators" DROP COLUMN "outcome"');
    await queryRunner.query('ALTER TABLE "intake"."reports" DROP COLUMN "import_job_id"');
    await queryRunner.query('ALTER TABLE "intake"."reports" DROP COLUMN "retraction_note"');
    await queryRunner.query('ALTER TABLE "intake"."reports" DROP COLUMN "retraction_reason"');
    await queryRunner.query('ALTER TABLE "intake"."reports" DROP COLUMN "retracted_at"');
    await queryRunner.query('DROP INDEX "intake"."IDX_db41cb639c4f79a2f004fd2bfd"');
    await queryRunner.query('DROP TABLE "intake"."import_jobs"');
    await queryRunner.query('DROP TABLE "intake"."idempotency_keys"');
    await queryRunner.query('DROP INDEX "intake"."IDX_e02ff6c184d2bf06ca6c193c73"');
    await queryRunner.query('DROP INDEX "intake"."IDX_3f97d0f67627908f232650a97c"');
    await queryRunner.query('DROP TABLE "intake"."audit_log"');
  }
}
