import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795690352275 implements MigrationInterface {
  name = 'Initial1795690352275';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "exchange"."outbox" ("seq" BIGSERIAL NOT NULL, "event_id" text NOT NULL, "topic" text NOT NULL, "message_key" text NOT NULL, "headers" jsonb NOT NULL, "value" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_acf0725c6a7245b71c651964ee4" PRIMARY KEY ("seq"))',
    );
    await queryRunner.query(
      'CREATE TABLE "exchange"."inbox" ("consumer" text NOT NULL, "event_id" text NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_625a303addbbe1f30d3f65ed7fe" PRIMARY KEY ("consumer", "event_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "exchange"."export_sequence" ("id" smallint NOT NULL, "value" bigint NOT NULL DEFAULT \'0\', CONSTRAINT "PK_71cab270c444f8a333965d29b22" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "exchange"."imported_envelopes" ("origin" text NOT NULL, "event_id" text NOT NULL, "kind" text NOT NULL, "sequence" bigint NOT NULL, "indicator_id" text, "origin_report_id" uuid, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3cfb39b0a5463c90a08186549da" PRIMARY KEY ("origin", "event_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_13eed45a808a49de4e15a6fd63" ON "exchange"."imported_envelopes" ("indicator_id") ',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "exchange"."IDX_13eed45a808a49de4e15a6fd63"');
    await queryRunner.query('DROP TABLE "exchange"."imported_envelopes"');
    await queryRunner.query('DROP TABLE "exchange"."export_sequence"');
    await queryRunner.query('DROP TABLE "exchange"."inbox"');
    await queryRunner.query('DROP TABLE "exchange"."outbox"');
  }
}
