import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyGuard, ApiKeyVerifier } from '../auth';
import { IdentityConsumer } from './identity.consumer';
import { API_KEY_CACHE_TTL_MS, ReplicatedApiKeyVerifier } from './replicated-api-key.verifier';

/**
 * Authentication for services other than intake: consumes `<ns>.identity.v1` into the
 * service's `api_key_replicas` table (add ApiKeyReplica to its entities and migrations)
 * and guards every HTTP route with it. Requires `attachEventConsumer` on the app. Keys are
 * cached in memory for DEFAULT_API_KEY_CACHE_TTL_MS (`withCacheTtl` to change it).
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
export class IdentityReplicaModule {
  /** The same module with another key-cache TTL in ms (0: ask the database every time). */
  static withCacheTtl(ttlMs: number): DynamicModule {
    return {
      module: IdentityReplicaModule,
      providers: [{ provide: API_KEY_CACHE_TTL_MS, useValue: ttlMs }],
    };
  }
}
