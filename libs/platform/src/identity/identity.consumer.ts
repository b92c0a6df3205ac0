import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  API_KEY_CHANGED_V1,
  ApiKeyChangedV1,
  TOPIC_SUFFIX,
  validateEventData,
  type CloudEvent,
} from '@wgas/contracts';
import { UnknownEventTypeError, type EventContext } from '@wgas/messaging';
import { schemaOf } from '@wgas/persistence';
import { ReplicatedApiKeyVerifier } from './replicated-api-key.verifier';

/**
 * Keeps the API-key replica current; an older state never overwrites a newer one. The
 * verifier's cache forgets the key, so a revocation holds from the next request.
 */
@Controller()
export class IdentityConsumer {
  constructor(private readonly verifier: ReplicatedApiKeyVerifier) {}

  @EventPattern(TOPIC_SUFFIX.identity)
  async onKeyChanged(@Payload() event: CloudEvent, @Ctx() ctx: EventContext): Promise<void> {
    if (event.type !== API_KEY_CHANGED_V1) throw new UnknownEventTypeError(event.type);
    const k = validateEventData(ApiKeyChangedV1, event.type, event.data);
    const table = `"${schemaOf(ctx.manager.connection)}"."api_key_replicas"`;
    await ctx.manager.query(
      `INSERT INTO ${table} AS r (key_id, organisation_id, role, country, secret_sha256, expires_at, revoked_at, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (key_id) DO UPDATE SET organisation_id = excluded.organisation_id, role = excluded.role,
         country = excluded.country, secret_sha256 = excluded.secret_sha256, expires_at = excluded.expires_at,
         revoked_at = excluded.revoked_at, changed_at = excluded.changed_at
       WHERE r.changed_at <= excluded.changed_at`,
      [
        k.keyId,
        k.organisationId,
        k.role,
        k.country,
        k.secretSha256,
        k.expiresAt ?? null,
        k.revokedAt ?? null,
        k.changedAt,
      ],
    );
    this.verifier.forgetOnCommit(ctx.manager, k.keyId);
  }
}
