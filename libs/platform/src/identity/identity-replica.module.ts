import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyGuard, ApiKeyVerifier } from '../auth';
import { IdentityConsumer } from './identity.consumer';
import { ReplicatedApiKeyVerifier } from './replicated-api-key.verifier';

/**
 * Authentication for services other than intake: consumes `<ns>.identity.v1` into the
 * service's `api_key_replicas` table (add ApiKeyReplica to its entities and migrations)
 * and guards every HTTP route with it. Requires `attachEventConsumer` on the app.
 */
@Module({
  controllers: [IdentityConsumer],
  providers: [
    ReplicatedApiKeyVerifier,
    { provide: ApiKeyVerifier, useExisting: ReplicatedApiKeyVerifier },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
  ],
  exports: [ApiKeyVerifier],
})
export class IdentityReplicaModule {}
