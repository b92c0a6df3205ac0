import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795685626799 implements MigrationInterface {
  name = 'Initial1795685626799';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "fanout"."outbox" ("seq" BIGSERIAL NOT NULL, "event_id" text NOT NULL, "topic" text NOT NULL, "message_key" text NOT NULL, "headers" jsonb NOT NULL, "value" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_acf0725c6a7245b71c651964ee4" PRIMARY KEY ("seq"))',
    );
    await queryRunner.query(
      'CREATE TABLE "fanout"."inbox" ("consumer" text NOT NULL, "event_id" text NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_625a303addbbe1f30d3f65ed7fe" PRIMARY KEY ("consumer", "event_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "fanout"."alerts" ("id" uuid NOT NULL, "subscriber" text NOT NULL, "indicator_id" text NOT NULL, "action" text NOT NULL, "reason" text NOT NULL, "source_event_id" text NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_60f895662df096bfcdfab7f4b96" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_6c45ca3036334d81a2c6c8281c" ON "fanout"."alerts" ("subscriber", "indicator_id", "action") ',
    );
    await queryRunner.query(
      'CREATE TABLE "fanout"."webhook_deliveries" ("id" text NOT NULL, "alert_id" uuid NOT NULL, "url" text NOT NULL, "status" text NOT NULL DEFAULT \'pending\', "attempts" integer NOT NULL DEFAULT \'0\', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "delivered_at" TIMESTAMP WITH TIME ZONE, "last_error" text, CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_284017efc3cbfe592288749a9c" ON "fanout"."webhook_deliveries" ("status", "next_attempt_at") ',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "fanout"."IDX_284017efc3cbfe592288749a9c"');
    await queryRunner.query('DROP TABLE "fanout"."webhook_deliveries"');
    await queryRunner.query('DROP INDEX "fanout"."IDX_6c45ca3036334d81a2c6c8281c"');
    await queryRunner.query('DROP TABLE "fanout"."alerts"');
    await queryRunner.query('DROP TABLE "fanout"."inbox"');
    await queryRunner.query('DROP TABLE "fanout"."outbox"');
  }
}
