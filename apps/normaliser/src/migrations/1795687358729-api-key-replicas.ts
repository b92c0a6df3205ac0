import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiKeyReplicas1795687358729 implements MigrationInterface {
  name = 'ApiKeyReplicas1795687358729';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "normaliser"."api_key_replicas" ("key_id" text NOT NULL, "organisation_id" text NOT NULL, "role" text NOT NULL, "country" character(2) NOT NULL, "secret_sha256" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_b857e27206d9111a636255fbbd2" PRIMARY KEY ("key_id"))',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "normaliser"."api_key_replicas"');
  }
}
