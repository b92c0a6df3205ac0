import { IsInt, Max, Min, MinLength } from 'class-validator';
import { NodeConfig } from '@wgas/config';

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
}
