import { IsIn, IsInt, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';
import { NAMESPACE_PATTERN } from '@wgas/contracts';

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

/**
 * Settings every service of a node shares. Each app's config class extends this; all
 * properties need a default so `configVariables` can list them.
 */
export class NodeConfig {
  /** Node id: lower-case ISO 3166 alpha-2 country code of the member state (th, my, sg...). */
  @Matches(/^[a-z]{2}$/, { message: 'NODE_ID must be a lower-case ISO 3166 alpha-2 code' })
  NODE_ID = 'th';

  /** Topic namespace; defaults to NODE_ID. Tests set a unique one per test. */
  @ValidateIf((c: NodeConfig) => c.TOPIC_NAMESPACE !== '')
  @Matches(NAMESPACE_PATTERN)
  TOPIC_NAMESPACE = '';

  /** Postgres server URL without a database name. */
  @Matches(/^postgres(ql)?:\/\/[^/]+\/?$/, {
    message: 'DATABASE_URL must be postgres://user[:pass]@host:port',
  })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432';

  /** Database of this node; defaults to wgas_<NODE_ID>. */
  @ValidateIf((c: NodeConfig) => c.DATABASE_NAME !== '')
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/)
  DATABASE_NAME = '';

  /** Comma-separated bootstrap brokers. */
  @Matches(/^[^,\s]+(,[^,\s]+)*$/)
  KAFKA_BROKERS = '127.0.0.1:9092';

  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT = 3000;

  @IsString()
  @IsIn(LOG_LEVELS)
  LOG_LEVEL = 'log';

  get namespace(): string {
    return this.TOPIC_NAMESPACE || this.NODE_ID;
  }

  get databaseName(): string {
    return this.DATABASE_NAME || `wgas_${this.NODE_ID}`;
  }

  get brokers(): string[] {
    return this.KAFKA_BROKERS.split(',');
  }

  /** The CloudEvents `source` of everything this node emits. */
  get eventSource(): string {
    return `urn:aseanwgas:node:${this.NODE_ID}`;
  }
}
