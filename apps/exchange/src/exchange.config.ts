import { IsIn, IsInt, IsString, Max, Min, MinLength } from 'class-validator';
import { NodeConfig } from '@wgas/config';

/** Exchange (federation) settings; see NodeConfig for the shared ones. */
export class ExchangeConfig extends NodeConfig {
  override HTTP_PORT = 3003;

  /** PEM file with this node's Ed25519 private key (`wgas node keygen`). Never logged. */
  @IsString()
  @MinLength(1, { message: 'NODE_KEY_FILE is required' })
  NODE_KEY_FILE = '';

  /** Key id of that key, as peers list it in their registries. */
  @IsString()
  @MinLength(1, { message: 'NODE_KEY_ID is required' })
  NODE_KEY_ID = '';

  /** JSON peer registry: peers, their public keys, what each may receive. */
  @IsString()
  @MinLength(1, { message: 'PEER_REGISTRY_FILE is required' })
  PEER_REGISTRY_FILE = '';

  /** Age bound of live envelopes (default 7 days); older ones follow EXCHANGE_OLD_ENVELOPES. */
  @IsInt()
  @Min(60_000)
  @Max(90 * 24 * 3600_000)
  EXCHANGE_MAX_AGE_MS = 7 * 24 * 3600_000;

  /**
   * Envelopes older than EXCHANGE_MAX_AGE_MS: `backfill` (default) imports them from a
   * peer's compacted exchange topic if signed by a key the registry still holds valid
   * now, deduplicated by event id and per-indicator sequence; `refuse` drops them as stale
   * (ADR 0008).
   */
  @IsIn(['backfill', 'refuse'])
  EXCHANGE_OLD_ENVELOPES: 'backfill' | 'refuse' = 'backfill';
}
