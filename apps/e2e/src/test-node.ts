import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@wgas/config';
import { dropDatabase } from '@wgas/persistence';
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
  /** Which services to run (default all three). */
  services?: ('intake' | 'normaliser' | 'fanout')[];
  env?: Record<string, string>;
}

export interface TestNode {
  nodeId: string;
  namespace: string;
  database: string;
  intakeUrl: string;
  apps: Partial<Record<'intake' | 'normaliser' | 'fanout', INestApplication>>;
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
  const namespace = testNamespace();
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
    ...o.env,
  };
  const services = o.services ?? ['intake', 'normaliser', 'fanout'];
  const apps: TestNode['apps'] = {};
  let intakeUrl = '';
  try {
    if (services.includes('intake')) {
      const app = await createIntakeApp(loadConfig(IntakeConfig, env));
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
      return (await keys.issueKey(id)).key;
    },
    async close() {
      for (const name of ['fanout', 'normaliser', 'intake'] as const) await apps[name]?.close();
      await dropDatabase(env.DATABASE_URL as string, database).catch(() => undefined);
    },
  };
}
