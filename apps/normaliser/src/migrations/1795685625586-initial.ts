import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795685625586 implements MigrationInterface {
  name = 'Initial1795685625586';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "normaliser"."outbox" ("seq" BIGSERIAL NOT NULL, "event_id" text NOT NULL, "topic" text NOT NULL, "message_key" text NOT NULL, "headers" jsonb NOT NULL, "value" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_acf0725c6a7245b71c651964ee4" PRIMARY KEY ("seq"))',
    );
    await queryRunner.query(
      'CREATE TABLE "normaliser"."inbox" ("consumer" text NOT NULL, "event_id" text NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_625a303addbbe1f30d3f65ed7fe" PRIMARY KEY ("consumer", "event_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "normaliser"."indicator_sightings" ("indicator_id" text NOT NULL, "report_id" uuid NOT NULL, "raw_indicator_id" uuid NOT NULL, "organisation_id" text NOT NULL, "country" character(2) NOT NULL, "typology" text NOT NULL, "tlp" text NOT NULL, "seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_9a4f61039b257f65fc5001849b5" PRIMARY KEY ("indicator_id", "report_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_2a61016f6c25f98d30fb0cdef2" ON "normaliser"."indicator_sightings" ("report_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "normaliser"."indicators" ("id" text NOT NULL, "type" text NOT NULL, "canonical" text NOT NULL, "display" text NOT NULL, "status" text NOT NULL DEFAULT \'active\', "first_seen" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen" TIMESTAMP WITH TIME ZONE NOT NULL, "report_count" integer NOT NULL DEFAULT \'0\', "countries" text array NOT NULL DEFAULT \'{}\', "organisations" text array NOT NULL DEFAULT \'{}\', "typologies" text array NOT NULL DEFAULT \'{}\', "confidence" real NOT NULL DEFAULT \'0\', CONSTRAINT "PK_6e24383c110600564187e92042e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_bc0aeabf47804e2412d5f19cdd" ON "normaliser"."indicators" ("type", "last_seen") ',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "normaliser"."IDX_bc0aeabf47804e2412d5f19cdd"');
    await queryRunner.query('DROP TABLE "normaliser"."indicators"');
    await queryRunner.query('DROP INDEX "normaliser"."IDX_2a61016f6c25f98d30fb0cdef2"');
    await queryRunner.query('DROP TABLE "normaliser"."indicator_sightings"');
    await queryRunner.query('DROP TABLE "normaliser"."inbox"');
    await queryRunner.query('DROP TABLE "normaliser"."outbox"');
  }
}
