import { IsIn, IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { NodeConfig } from '@wgas/config';
import { LIFETIMES_PATTERN } from './decay/indicator-lifetimes';

/** Normaliser settings; see NodeConfig for the shared ones. */
export class NormaliserConfig extends NodeConfig {
  override HTTP_PORT = 3001;

  /** Consortium HMAC key for indicator ids (shared by all member nodes). Never logged. */
  @MinLength(32, { message: 'CONSORTIUM_KEY must be at least 32 characters' })
  CONSORTIUM_KEY = '';

  @IsInt()
  @Min(1)
  @Max(1000)
  CONSORTIUM_KEY_VERSION = 1;

  /** Extra warninglist directory (`*.json`), re-read when its files change; shipped lists always apply. */
  @IsString()
  WARNINGLIST_DIR = '';

  /** How often WARNINGLIST_DIR is checked for changed files (0: only at start). */
  @IsInt()
  @Min(0)
  WARNINGLIST_POLL_MS = 30_000;

  /**
   * Overrides of the per-type lifetimes, measured from last seen: `phone=90d,url=14d,domain=30d`
   * (units s, m, h, d). Types not named keep their defaults (src/decay/indicator-lifetimes.ts).
   */
  @Matches(LIFETIMES_PATTERN, {
    message: 'INDICATOR_LIFETIMES must look like phone=90d,url=14d (units s, m, h, d)',
  })
  INDICATOR_LIFETIMES = '';

  /** How often the expiry sweeper runs (0 disables it). */
  @IsInt()
  @Min(0)
  EXPIRY_SWEEP_INTERVAL_MS = 60_000;

  /** Indicators expired per sweeper transaction. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  EXPIRY_SWEEP_BATCH = 500;

  /**
   * Normalise and hash reports' raw values on a thread of their own ('on', ADR 0024) or on
   * the consumer's main thread ('off').
   */
  @IsIn(['on', 'off'])
  NORMALISE_THREAD: 'on' | 'off' = 'on';

  /**
   * A batch the normaliser thread has not answered by then fails and the thread is
   * restarted: a value that hangs a rule is dead-lettered instead of stalling its partition.
   */
  @IsInt()
  @Min(100)
  NORMALISE_TIMEOUT_MS = 30_000;
}
