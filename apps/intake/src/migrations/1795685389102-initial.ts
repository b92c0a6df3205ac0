import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795685389102 implements MigrationInterface {
  name = 'Initial1795685389102';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "intake"."outbox" ("seq" BIGSERIAL NOT NULL, "event_id" text NOT NULL, "topic" text NOT NULL, "message_key" text NOT NULL, "headers" jsonb NOT NULL, "value" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_acf0725c6a7245b71c651964ee4" PRIMARY KEY ("seq"))',
    );
    await queryRunner.query(
      'CREATE TABLE "intake"."inbox" ("consumer" text NOT NULL, "event_id" text NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_625a303addbbe1f30d3f65ed7fe" PRIMARY KEY ("consumer", "event_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "intake"."api_keys" ("id" text NOT NULL, "organisation_id" text NOT NULL, "secret_sha256" text NOT NULL, "label" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_f68f7c5caa6f5f87a855b8cf3c" ON "intake"."api_keys" ("organisation_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "intake"."organisations" ("id" text NOT NULL, "name" text NOT NULL, "role" text NOT NULL, "country" character(2) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "intake"."reports" ("id" uuid NOT NULL, "organisation_id" text NOT NULL, "country" character(2) NOT NULL, "typology" text NOT NULL, "tlp" text NOT NULL, "channel" text, "occurred_at" TIMESTAMP WITH TIME ZONE, "loss_amount" numeric(18,2), "loss_currency" character(3), "narrative" text, "status" text NOT NULL DEFAULT \'submitted\', "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d9013193989303580053c0b5ef6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_649c9aca0746b2cbe91e0d5906" ON "intake"."reports" ("organisation_id", "submitted_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "intake"."raw_indicators" ("id" uuid NOT NULL, "report_id" uuid NOT NULL, "position" integer NOT NULL, "value" text NOT NULL, "type_hint" text, CONSTRAINT "PK_4ef4d439b7adf88ba00a5a42416" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_38eb44fd35f96e2fc514a9f709" ON "intake"."raw_indicators" ("report_id", "position") ',
    );
    await queryRunner.query(
      'ALTER TABLE "intake"."raw_indicators" ADD CONSTRAINT "FK_8b300a85708edbbf69919adc64b" FOREIGN KEY ("report_id") REFERENCES "intake"."reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "intake"."raw_indicators" DROP CONSTRAINT "FK_8b300a85708edbbf69919adc64b"',
    );
    await queryRunner.query('DROP INDEX "intake"."IDX_38eb44fd35f96e2fc514a9f709"');
    await queryRunner.query('DROP TABLE "intake"."raw_indicators"');
    await queryRunner.query('DROP INDEX "intake"."IDX_649c9aca0746b2cbe91e0d5906"');
    await queryRunner.query('DROP TABLE "intake"."reports"');
    await queryRunner.query('DROP TABLE "intake"."organisations"');
    await queryRunner.query('DROP INDEX "intake"."IDX_f68f7c5caa6f5f87a855b8cf3c"');
    await queryRunner.query('DROP TABLE "intake"."api_keys"');
    await queryRunner.query('DROP TABLE "intake"."inbox"');
    await queryRunner.query('DROP TABLE "intake"."outbox"');
  }
}
