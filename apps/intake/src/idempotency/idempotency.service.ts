import { createHash } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProblemException } from '@wgas/platform';
import { IdempotencyKey } from './idempotency-key.entity';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** JSON with sorted keys, so the same body hashes the same whatever its key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export type Claim<T> = { kind: 'new' } | { kind: 'replay'; status: number; body: T };

/**
 * `Idempotency-Key` handling inside the operation's own transaction: the key row is
 * inserted first, so a concurrent retry waits on it and then sees the committed answer;
 * if the operation fails, the key goes with the rolled-back transaction.
 */
@Injectable()
export class IdempotencyService {
  /** Validates the header; undefined when the client sent none. */
  parseKey(header: string | string[] | undefined): string | undefined {
    if (header === undefined) return undefined;
    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
      throw new ProblemException(
        HttpStatus.BAD_REQUEST,
        'idempotency.bad_key',
        'Idempotency-Key must be 1 to 255 printable ASCII characters.',
      );
    }
    return header;
  }

  requestHash(operation: string, body: unknown): string {
    return createHash('sha256')
      .update(operation)
      .update('\n')
      .update(canonicalJson(body))
      .digest('hex');
  }

  async claim<T>(
    m: EntityManager,
    organisationId: string,
    key: string,
    requestSha256: string,
  ): Promise<Claim<T>> {
    const inserted = (await m.query(
      `INSERT INTO intake.idempotency_keys (organisation_id, key, request_sha256)
       VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
      [organisationId, key, requestSha256],
    )) as unknown[];
    if (inserted.length > 0) return { kind: 'new' };
    const row = await m.getRepository(IdempotencyKey).findOneByOrFail({ organisationId, key });
    if (row.requestSha256 !== requestSha256) {
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'idempotency.key_reused',
        'This Idempotency-Key was already used with a different request.',
      );
    }
    return { kind: 'replay', status: row.responseStatus ?? 200, body: row.responseBody as T };
  }

  async complete(
    m: EntityManager,
    organisationId: string,
    key: string,
    status: number,
    body: unknown,
  ): Promise<void> {
    await m.update(
      IdempotencyKey,
      { organisationId, key },
      { responseStatus: status, responseBody: body as object },
    );
  }
}
