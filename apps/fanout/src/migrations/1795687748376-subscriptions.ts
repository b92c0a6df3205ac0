import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Subscriptions1795687748376 implements MigrationInterface {
  name = 'Subscriptions1795687748376';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "fanout"."IDX_6c45ca3036334d81a2c6c8281c"');
    await queryRunner.query(
      'CREATE TABLE "fanout"."alert_actions" ("id" uuid NOT NULL, "alert_id" uuid NOT NULL, "indicator_id" text NOT NULL, "organisation_id" text NOT NULL, "action" text NOT NULL, "reason" text, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_956f79980b33c6238253fb73268" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_ffe80b415b8c6b94853e5ddba4" ON "fanout"."alert_actions" ("alert_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "fanout"."indicator_suppressions" ("indicator_id" text NOT NULL, "reason" text NOT NULL, "action_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6872f0f794a230edc640d54e750" PRIMARY KEY ("indicator_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "fanout"."subscriptions" ("id" uuid NOT NULL, "organisation_id" text NOT NULL, "role" text NOT NULL, "country" character(2) NOT NULL, "name" text, "types" text array, "origin_countries" text array, "min_confidence" real, "typologies" text array, "channel" text NOT NULL, "webhook_url" text, "webhook_secret" text, "kafka_topic" text, "is_static" boolean NOT NULL DEFAULT false, "feed_acked_seq" bigint NOT NULL DEFAULT \'0\', "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a87248d73155605cf782be9ee5e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_16a32180702fc891729a39159d" ON "fanout"."subscriptions" ("organisation_id") ',
    );
    await queryRunner.query('ALTER TABLE "fanout"."alerts" DROP COLUMN "subscriber"');
    await queryRunner.query('ALTER TABLE "fanout"."webhook_deliveries" DROP COLUMN "url"');
    await queryRunner.query('ALTER TABLE "fanout"."alerts" ADD "seq" BIGSERIAL NOT NULL');
    await queryRunner.query(
      'ALTER TABLE "fanout"."alerts" ADD CONSTRAINT "UQ_efac868c013bc4e33257578878e" UNIQUE ("seq")',
    );
    // Alerts and deliveries from before subscriptions went to the node's WEBHOOK_URL: they
    // become the static subscription's (static-subscription.ts).
    await queryRunner.query(
      'ALTER TABLE "fanout"."alerts" ADD "subscription_id" uuid NOT NULL DEFAULT \'5e7a71c0-0000-4000-8000-000000000000\'',
    );
    await queryRunner.query(
      'ALTER TABLE "fanout"."alerts" ALTER COLUMN "subscription_id" DROP DEFAULT',
    );
    await queryRunner.query(
      'ALTER TABLE "fanout"."alerts" ADD "organisation_id" text NOT NULL DEFAULT \'node:\' || regexp_replace(current_database(), \'^wgas_\', \'\')',
    );
    await queryRunner.query(
      'ALTER TABLE "fanout"."alerts" ALTER COLUMN "organisation_id" DROP DEFAULT',
    );
    await queryRunner.query('ALTER TABLE "fanout"."alerts" ADD "report_id" uuid');
    await queryRunner.query(
      'ALTER TABLE "fanout"."webhook_deliveries" ADD "subscription_id" uuid NOT NULL DEFAULT \'5e7a71c0-0000-4000-8000-000000000000\'',
    );
    await queryRunner.query(
      'ALTER TABLE "fanout"."webhook_deliveries" ALTER COLUMN "subscription_id" DROP DEFAULT',
    );
    await queryRunner.query(
      'ALTER TABLE "fanout"."webhook_deliveries" ADD CONSTRAINT "UQ_9623661c357591841e55a4863fd" UNIQUE ("alert_id")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_8b86cfc1215adfc5875519b4fc" ON "fanout"."alerts" ("organisation_id", "seq") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_95902f8aea2c8a66608d46f6a0" ON "fanout"."alerts" ("subscription_id", "seq") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_3697686075c42a43a9de9f9266" ON "fanout"."alerts" ("subscription_id", "indicator_id", "seq") ',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "fanout"."IDX_3697686075c42a43a9de9f9266"');
    await queryRunner.query('DROP INDEX "fanout"."IDX_95902f8aea2c8a66608d46f6a0"');
    await queryRunner.query('DROP INDEX "fanout"."IDX_8b86cfc1215adfc5875519b4fc"');
    await queryRunner.query(
      'ALTER TABLE "fanout"."webhook_deliveries" DROP CONSTRAINT "UQ_9623661c357591841e55a4863fd"',
    );
    await queryRunner.query(
      'ALTER TABLE "fanout"."webhook_deliveries" DROP COLUMN "subscription_id"',
    );
    await queryRunner.query('ALTER TABLE "fanout"."alerts" DROP COLUMN "report_id"');
    await queryRunner.query('ALTER TABLE "fanout"."alerts" DROP COLUMN "organisation_id"');
    await queryRunner.query('ALTER TABLE "fanout"."alerts" DROP COLUMN "subscription_id"');
    await queryRunner.query(
      'ALTER TABLE "fanout"."alerts" DROP CONSTRAINT "UQ_efac868c013bc4e33257578878e"',
    );
    await queryRunner.query('ALTER TABLE "fanout"."alerts" DROP COLUMN "seq"');
    await queryRunner.query(
      'ALTER TABLE "fanout"."webhook_deliveries" ADD "url" text NOT NULL DEFAULT \'\'',
    );
    await queryRunner.query(
      'ALTER TABLE "fanout"."alerts" ADD "subscriber" text NOT NULL DEFAULT \'webhook\'',
    );
    await queryRunner.query('DROP INDEX "fanout"."IDX_16a32180702fc891729a39159d"');
    await queryRunner.query('DROP TABLE "fanout"."subscriptions"');
    await queryRunner.query('DROP TABLE "fanout"."indicator_suppressions"');
    await queryRunner.query('DROP INDEX "fanout"."IDX_ffe80b415b8c6b94853e5ddba4"');
    await queryRunner.query('DROP TABLE "fanout"."alert_actions"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_6c45ca3036334d81a2c6c8281c" ON "fanout"."alerts" ("subscriber", "indicator_id", "action") ',
    );
  }
}
