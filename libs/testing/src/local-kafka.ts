import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const KAFKA_LOCAL_SCRIPT = join(__dirname, '../../../deploy/kafka-local/kafka-local.sh');

/** A broker started from the Maven-fetched jars (deploy/kafka-local), one per instance name. */
export class LocalKafka {
  constructor(
    readonly instance: string,
    readonly port: number,
  ) {}

  get brokers(): string {
    return `127.0.0.1:${this.port}`;
  }

  private env(): NodeJS.ProcessEnv {
    return { ...process.env, KAFKA_INSTANCE: this.instance, KAFKA_PORT: String(this.port) };
  }

  async start(): Promise<void> {
    await run('bash', [KAFKA_LOCAL_SCRIPT, 'start'], { env: this.env(), timeout: 600_000 });
  }

  async stop(): Promise<void> {
    await run('bash', [KAFKA_LOCAL_SCRIPT, 'stop'], { env: this.env(), timeout: 120_000 });
  }

  /** Stops the broker and deletes its data. */
  async reset(): Promise<void> {
    await run('bash', [KAFKA_LOCAL_SCRIPT, 'reset'], { env: this.env(), timeout: 120_000 });
  }
}
