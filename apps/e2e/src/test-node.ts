import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@wgas/config';
import { dropDatabase } from '@wgas/persistence';
import { waitFor } from '@wgas/testing';
import { DataSource } from 'typeorm';
import { ExchangeConfig, createExchangeApp } from '@wgas/exchange';
import { FanoutConfig, createFanoutApp } from '@wgas/fanout';
import { ApiKeyService, IntakeConfig, createIntakeApp } from '@wgas/intake';
import { NormaliserConfig, createNormaliserApp } from '@wgas/normaliser';

export const TEST_CONSORTIUM_KEY = 'test-consortium-key-0123456789abcdef';
export const TEST_WEBHOOK_SECRET = `whsec_${Buffer.from('test-webhook-secret-32-bytes-long!!').toString('base64')}`;

/** A unique, valid topic namespace for one test. */
export function testNamespace(prefix = 't'): string {
  return `${prefix}${randomBytes(5).toString('hex')}`;
}

export interface TestNodeOptions {
  nodeId?: string;
  webhookUrl?: string;
  kafkaBrokers?: string;
  /** Which services to run (default intake, normaliser, fan-out; exchange needs `exchange`). */
  services?: ServiceName[];
  env?: Record<string, string>;
  /** Use this topic namespace instead of a fresh one (federation tests pre-arrange peers). */
  namespace?: string;
  /** Runs the exchange service with this identity. */
  exchange?: { keyFile: string; keyId: string; registryFile: string };
}

export type ServiceName = 'intake' | 'normaliser' | 'fanout' | 'exchange';

export interface TestNode {
  nodeId: string;
  namespace: string;
  database: string;
  intakeUrl: string;
  apps: Partial<Record<ServiceName, INestApplication>>;
  /** Creates an organisation of the given role in this node and returns an API key for it. */
  createKey(role: 'agency' | 'telco' | 'bank' | 'operator', country?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Runs a whole node in this process, on its own topic namespace and database, against
 * the real Kafka and Postgres the global setup found.
 */
export async function startTestNode(o: TestNodeOptions = {}): Promise<TestNode> {
  const nodeId = o.nodeId ?? 'th';
  const namespace = o.namespace ?? testNamespace();
  const database = `wgas_${namespace}`;
  const env: NodeJS.ProcessEnv = {
    NODE_ID: nodeId,
    TOPIC_NAMESPACE: namespace,
    DATABASE_NAME: database,
    DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432',
    KAFKA_BROKERS: o.kafkaBrokers ?? process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    HTTP_PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    CONSORTIUM_KEY: TEST_CONSORTIUM_KEY,
    WEBHOOK_URL: o.webhookUrl ?? '',
    WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    WEBHOOK_POLL_MS: '50',
    ...(o.exchange
      ? {
          NODE_KEY_FILE: o.exchange.keyFile,
          NODE_KEY_ID: o.exchange.keyId,
          PEER_REGISTRY_FILE: o.exchange.registryFile,
        }
      : {}),
    ...o.env,
  };
  const services =
    o.services ??
    (o.exchange
      ? ['intake', 'normaliser', 'fanout', 'exchange']
      : ['intake', 'normaliser', 'fanout']);
  const apps: TestNode['apps'] = {};
  let intakeUrl = '';
  try {
    if (services.includes('intake')) {
      const app = await createIntakeApp(loadConfig(IntakeConfig, env));
      await app.startAllMicroservices();
      await app.listen(0, '127.0.0.1');
      intakeUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
      apps.intake = app;
    }
    if (services.includes('normaliser')) {
      const app = await createNormaliserApp(loadConfig(NormaliserConfig, env));
      await app.startAllMicroservices();
      await app.init();
      apps.normaliser = app;
    }
    if (services.includes('fanout')) {
      const app = await createFanoutApp(loadConfig(FanoutConfig, env));
      await app.startAllMicroservices();
      await app.init();
      apps.fanout = app;
    }
    if (services.includes('exchange')) {
      const app = await createExchangeApp(loadConfig(ExchangeConfig, env));
      await app.startAllMicroservices();
      await app.init();
      apps.exchange = app;
    }
  } catch (e) {
    for (const app of Object.values(apps)) await app.close();
    throw e;
  }
  let orgs = 0;
  return {
    nodeId,
    namespace,
    database,
    intakeUrl,
    apps,
    async createKey(role, country = nodeId.toUpperCase()) {
      if (!apps.intake) throw new Error('intake is not running in this test node');
      const keys = apps.intake.get(ApiKeyService);
      const id = `${nodeId}-${role}-${++orgs}`;
      await keys.createOrganisation({ id, name: `Test ${role} ${orgs}`, role, country });
      const issued = await keys.issueKey(id);
      // Normaliser and fan-out learn keys from <ns>.identity.v1; wait until they have it.
      for (const name of ['normaliser', 'fanout'] as const) {
        const app = apps[name];
        if (!app) continue;
        const ds = app.get(DataSource);
        await waitFor(
          async () =>
            (
              (await ds.query(`SELECT 1 FROM "${name}".api_key_replicas WHERE key_id = $1`, [
                issued.id,
              ])) as unknown[]
            ).length > 0,
          { what: `key ${issued.id} to replicate to ${name}` },
        );
      }
      return issued.key;
    },
    async close() {
      for (const name of ['exchange', 'fanout', 'normaliser', 'intake'] as const)
        await apps[name]?.close();
      await dropDatabase(env.DATABASE_URL as string, database).catch(() => undefined);
    },
  };
}
