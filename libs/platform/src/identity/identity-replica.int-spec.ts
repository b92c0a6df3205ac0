import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Controller, Get, Module, type DynamicModule } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { API_KEY_CHANGED_V1, toKafkaMessage, type ApiKeyChangedV1 } from '@wgas/contracts';
import { loadConfig, NodeConfig } from '@wgas/config';
import { createKafka, createProducer, newEvent } from '@wgas/messaging';
import { dropDatabase } from '@wgas/persistence';
import { waitFor } from '@wgas/testing';
import { CurrentPrincipal, Roles, type Principal } from '../auth';
import { attachEventConsumer } from '../event-consumer';
import { createHttpApp } from '../http-app';
import { NodeInfrastructureModule } from '../node-infrastructure.module';
import { ObservabilityModule } from '../observability';
import { ApiKeyReplica } from './api-key-replica.entity';
import { sha256Hex } from './api-key-format';
import { IdentityReplicaModule } from './identity-replica.module';

class IdTestSchema1795680000000 implements MigrationInterface {
  name = 'IdTestSchema1795680000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE idtest.outbox (seq BIGSERIAL PRIMARY KEY, event_id text NOT NULL, topic text NOT NULL,
      message_key text NOT NULL, headers jsonb NOT NULL, value bytea NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE idtest.inbox (consumer text, event_id text, processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id))`);
    await q.query(`CREATE TABLE idtest.api_key_replicas (key_id text PRIMARY KEY, organisation_id text NOT NULL, role text NOT NULL,
      country char(2) NOT NULL, secret_sha256 text NOT NULL, expires_at timestamptz, revoked_at timestamptz, changed_at timestamptz NOT NULL)`);
  }
  async down(): Promise<void> {}
}

@Controller('whoami')
class WhoAmIController {
  @Get()
  @Roles('bank')
  whoami(@CurrentPrincipal() p: Principal) {
    return p;
  }
}

@Module({})
class IdTestModule {
  static forRoot(config: NodeConfig): DynamicModule {
    return {
      module: IdTestModule,
      imports: [
        ObservabilityModule,
        // a cache that never expires during the test: only the consumer's invalidation can
        // make a role change or a revocation visible
        IdentityReplicaModule.withCacheTtl(3_600_000),
        NodeInfrastructureModule.forRoot({
          config,
          schema: 'idtest',
          entities: [ApiKeyReplica],
          migrations: [IdTestSchema1795680000000],
          relay: false,
        }),
      ],
      controllers: [WhoAmIController],
    };
  }
}

describe('IdentityReplicaModule: API keys replicated from <ns>.identity.v1', () => {
  const namespace = `t${randomBytes(5).toString('hex')}`;
  const config = loadConfig(NodeConfig, {
    NODE_ID: 'th',
    TOPIC_NAMESPACE: namespace,
    DATABASE_NAME: `wgas_${namespace}`,
    DATABASE_URL: process.env.DATABASE_URL,
    KAFKA_BROKERS: process.env.KAFKA_BROKERS,
    LOG_LEVEL: 'error',
  });
  const kafka = createKafka({ brokers: config.brokers, clientId: 'idtest' });
  const producer = createProducer(kafka);
  let app: NestExpressApplication;
  let url: string;

  const secret = randomBytes(32).toString('base64url');
  const keyId = randomBytes(8).toString('hex');
  const key = `wgas_${keyId}_${secret}`;
  const state = (over: Partial<ApiKeyChangedV1>): ApiKeyChangedV1 => ({
    keyId,
    organisationId: 'th-bank-1',
    role: 'bank',
    country: 'TH',
    secretSha256: sha256Hex(secret),
    expiresAt: null,
    revokedAt: null,
    changedAt: new Date().toISOString(),
    ...over,
  });
  const publish = (data: ApiKeyChangedV1) =>
    producer.send({
      topic: `${namespace}.identity.v1`,
      acks: -1,
      messages: [
        toKafkaMessage(newEvent('urn:aseanwgas:node:th', API_KEY_CHANGED_V1, data), keyId),
      ],
    });
  const call = (k = key) => fetch(`${url}/whoami`, { headers: { authorization: `Bearer ${k}` } });

  beforeAll(async () => {
    app = await createHttpApp(IdTestModule.forRoot(config), { logLevel: 'error' });
    attachEventConsumer(app, 'idtest');
    await app.startAllMicroservices();
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    await producer.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
    await app?.close();
    await dropDatabase(config.DATABASE_URL, config.databaseName);
  });

  it('authenticates a replicated key, enforces its role, and honours revocation but not stale states', async () => {
    expect((await call()).status).toBe(401);
    await publish(state({}));
    await waitFor(async () => (await call()).status === 200, { what: 'the key to replicate' });
    expect(await (await call()).json()).toEqual({
      organisationId: 'th-bank-1',
      role: 'bank',
      country: 'TH',
      keyId,
    });

    // A wrong secret for the same key id is refused.
    expect((await call(`wgas_${keyId}_${randomBytes(32).toString('base64url')}`)).status).toBe(401);

    // Same key, role changed to telco: the route only admits banks. The key is cached by now.
    await publish(state({ role: 'telco' }));
    await waitFor(async () => (await call()).status === 403, { what: 'the role change' });

    const revokedAt = new Date().toISOString();
    await publish(state({ revokedAt, changedAt: revokedAt }));
    await waitFor(async () => (await call()).status === 401, { what: 'the revocation' });

    // A delayed, older state must not resurrect the key.
    await publish(state({ changedAt: new Date(Date.now() - 60_000).toISOString() }));
    await new Promise((r) => setTimeout(r, 1000));
    expect((await call()).status).toBe(401);
  });
});
