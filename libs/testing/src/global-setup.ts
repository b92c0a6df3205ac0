import { execFileSync } from 'node:child_process';
import { LocalKafka } from './local-kafka';

/**
 * Finds the servers the integration tests talk to, in this order:
 *   1. KAFKA_BROKERS / DATABASE_URL when set (CI and scripts/test-all.sh set them);
 *   2. testcontainers when a Docker engine answers;
 *   3. a local Kafka from deploy/kafka-local, and Postgres at 127.0.0.1:5432.
 * The answers go into process.env, which the test workers inherit.
 */
export default async function globalSetup(): Promise<void> {
  const started: { stop(): Promise<unknown> }[] = [];
  const docker =
    !process.env.KAFKA_BROKERS || !process.env.DATABASE_URL ? dockerAvailable() : false;
  if (!process.env.KAFKA_BROKERS) {
    if (docker) {
      const { KafkaContainer } = await import('@testcontainers/kafka');
      const kafka = await new KafkaContainer('apache/kafka:4.1.1').withKraft().start();
      process.env.KAFKA_BROKERS = `${kafka.getHost()}:${kafka.getMappedPort(9093)}`;
      started.push(kafka);
    } else {
      const kafka = new LocalKafka('jest', Number(process.env.TEST_KAFKA_PORT ?? 19092));
      await kafka.start();
      process.env.KAFKA_BROKERS = kafka.brokers;
      started.push(kafka);
    }
  }
  if (!process.env.DATABASE_URL) {
    if (docker) {
      const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
      const pg = await new PostgreSqlContainer('postgres:16')
        .withUsername('postgres')
        .withPassword('postgres')
        .start();
      process.env.DATABASE_URL = `postgres://postgres:postgres@${pg.getHost()}:${pg.getPort()}`;
      started.push(pg);
    } else {
      process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432';
    }
  }
  (globalThis as { __WGAS_STARTED__?: typeof started }).__WGAS_STARTED__ = started;
}

function dockerAvailable(): boolean {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}
