import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCRIPT = join(__dirname, '../../../deploy/kafka-local/mirror-maker.sh');

/** A MirrorMaker 2 flow between two clusters (deploy/kafka-local/mirror-maker.sh). */
export class MirrorMaker {
  constructor(
    readonly name: string,
    readonly source: { alias: string; brokers: string },
    readonly target: { alias: string; brokers: string },
    readonly topics = '.*\\.exchange\\.v1',
  ) {}

  private env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      MM2_NAME: this.name,
      MM2_SOURCE: `${this.source.alias}=${this.source.brokers}`,
      MM2_TARGET: `${this.target.alias}=${this.target.brokers}`,
      MM2_TOPICS: this.topics,
    };
  }

  async start(): Promise<void> {
    await run('bash', [SCRIPT, 'start'], { env: this.env(), timeout: 600_000 });
  }

  async stop(): Promise<void> {
    await run('bash', [SCRIPT, 'stop'], { env: this.env(), timeout: 60_000 });
  }
}
