import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WebhookSecretRotation1795698794776 implements MigrationInterface {
  name = 'WebhookSecretRotation1795698794776';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "fanout"."subscriptions" ADD "previous_webhook_secret" text',
    );
    await queryRunner.query(
      'ALTER TABLE "fanout"."subscriptions" ADD "previous_secret_expires_at" TIMESTAMP WITH TIME ZONE',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "fanout"."subscriptions" DROP COLUMN "previous_secret_expires_at"',
    );
    await queryRunner.query(
      'ALTER TABLE "fanout"."subscriptions" DROP COLUMN "previous_webhook_secret"',
    );
  }
}
