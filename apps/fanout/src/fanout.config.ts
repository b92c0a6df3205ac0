import {
  IsIn,
  IsInt,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { NodeConfig } from '@wgas/config';

/** Fan-out settings; see NodeConfig for the shared ones. */
export class FanoutConfig extends NodeConfig {
  override HTTP_PORT = 3002;

  /**
   * The node's static subscription: an operator-configured webhook that receives every
   * alert the policy allows for `WEBHOOK_ROLE` (trusted: not SSRF-checked). Members
   * manage their own subscriptions through `/v1/subscriptions`. Empty: none.
   */
  @ValidateIf((c: FanoutConfig) => c.WEBHOOK_URL !== '')
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  WEBHOOK_URL = '';

  /** Who the configured webhook belongs to; decides which indicator types it receives. */
  @IsIn(['telco', 'bank', 'agency'])
  WEBHOOK_ROLE = 'telco';

  /** Standard Webhooks signing secret, `whsec_<base64>`. Never logged. */
  @ValidateIf((c: FanoutConfig) => c.WEBHOOK_SECRET !== '')
  @Matches(/^whsec_[A-Za-z0-9+/=]{24,}$/, {
    message: 'WEBHOOK_SECRET must be whsec_ followed by base64',
  })
  WEBHOOK_SECRET = '';

  /** How often the retry worker looks for due deliveries (retries, expired leases). */
  @IsInt()
  @Min(10)
  @Max(60000)
  WEBHOOK_POLL_MS = 100;

  /** Per-request timeout for webhook POSTs. */
  @IsInt()
  @Min(100)
  @Max(60000)
  WEBHOOK_TIMEOUT_MS = 5000;

  /**
   * Retry-worker passes running at once while there is a backlog (each claims up to 200 due
   * deliveries); when idle, one pass polls every WEBHOOK_POLL_MS.
   */
  @IsInt()
  @Min(1)
  @Max(32)
  WEBHOOK_CONCURRENCY = 4;

  /**
   * How long a delivery belongs to whoever is sending it (the post-commit dispatcher for a
   * new one, a worker pass for a claimed one) before the retry worker may send it again.
   * Longer than WEBHOOK_TIMEOUT_MS, so a slow attempt is not duplicated.
   */
  @IsInt()
  @Min(1000)
  @Max(3600_000)
  WEBHOOK_LEASE_MS = 60_000;

  /**
   * Keep-alive connections per webhook origin (scheme, host, port), and POSTs the
   * post-commit dispatcher keeps in flight per subscription (the rest wait their turn).
   */
  @IsInt()
  @Min(1)
  @Max(1024)
  WEBHOOK_MAX_SOCKETS = 64;

  /**
   * New deliveries the post-commit dispatcher holds at most, sending or waiting for a
   * connection; beyond that they are left to the retry worker (their lease ended at once,
   * so its next pass takes them), which bounds memory under overload.
   */
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  WEBHOOK_DISPATCH_MAX_INFLIGHT = 20_000;

  /** First retry delay; doubles per failure (with jitter) up to one hour. */
  @IsInt()
  @Min(1)
  @Max(60000)
  WEBHOOK_RETRY_BASE_MS = 1000;

  /**
   * After a subscription's secret is rotated, webhooks carry signatures with both the new
   * and the old secret for this long (Standard Webhooks allows several), 24 h by default.
   */
  @IsInt()
  @Min(0)
  @Max(30 * 24 * 3600_000)
  WEBHOOK_SECRET_OVERLAP_MS = 24 * 3600_000;

  /** Failing deliveries are parked this long after the alert was queued (24 h). */
  @IsInt()
  @Min(1000)
  @Max(7 * 24 * 3600_000)
  WEBHOOK_PARK_AFTER_MS = 24 * 3600_000;

  /**
   * Comma-separated webhook hosts (names or IPs, as written in the URL) exempt from the
   * private/loopback/link-local address check: the operator's own network, `127.0.0.1`
   * in tests and the local network. Empty: every target must resolve to a public address.
   */
  @IsString()
  @MaxLength(2000)
  @Matches(/^[A-Za-z0-9.:\-[\],]*$/, { message: 'WEBHOOK_ALLOWED_HOSTS: comma-separated hosts' })
  WEBHOOK_ALLOWED_HOSTS = '';

  /**
   * Key (≥ 32 chars) that encrypts per-subscription webhook secrets at rest (AES-256-GCM).
   * Empty: secrets are stored unencrypted (development only; a warning is logged). Never logged.
   */
  @ValidateIf((c: FanoutConfig) => c.SUBSCRIPTION_SECRETS_KEY !== '')
  @IsString()
  @Matches(/^.{32,200}$/, { message: 'SUBSCRIPTION_SECRETS_KEY must be 32-200 characters' })
  SUBSCRIPTION_SECRETS_KEY = '';

  /** Lifetime stamped on block/monitor alerts (`expiresAt`); the normaliser's expiry unblocks. */
  @IsInt()
  @Min(1)
  @Max(3650)
  ALERT_EXPIRY_DAYS = 90;

  get allowedWebhookHosts(): string[] {
    return this.WEBHOOK_ALLOWED_HOSTS.split(',')
      .map((h) => h.trim().toLowerCase())
      .filter((h) => h !== '');
  }
}
