import { IsIn, IsInt, IsUrl, Matches, Max, Min, ValidateIf } from 'class-validator';
import { NodeConfig } from '@wgas/config';

/** Fan-out settings; see NodeConfig for the shared ones. */
export class FanoutConfig extends NodeConfig {
  override HTTP_PORT = 3002;

  /**
   * Webhook that receives every alert (the walking skeleton's single subscriber; per
   * subscriber webhooks come with subscriptions). Empty: none.
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

  /** How often the delivery worker looks for due deliveries. */
  @IsInt()
  @Min(10)
  @Max(60000)
  WEBHOOK_POLL_MS = 100;

  /** Per-request timeout for webhook POSTs. */
  @IsInt()
  @Min(100)
  @Max(60000)
  WEBHOOK_TIMEOUT_MS = 5000;
}
