import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A client's `Idempotency-Key` and the answer it got: a retry with the same key and body
 * gets the stored answer; the same key with another body is refused.
 */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyKey {
  @PrimaryColumn('text', { name: 'organisation_id' })
  organisationId!: string;

  @PrimaryColumn('text')
  key!: string;

  /** SHA-256 of the operation and its canonical request body. */
  @Column('text', { name: 'request_sha256' })
  requestSha256!: string;

  @Column('int', { name: 'response_status', nullable: true })
  responseStatus!: number | null;

  @Column('jsonb', { name: 'response_body', nullable: true })
  responseBody!: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
