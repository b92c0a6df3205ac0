import { IsInt, Max, Min } from 'class-validator';
import { NodeConfig } from '@wgas/config';

/** Intake settings; see NodeConfig for the shared ones. */
export class IntakeConfig extends NodeConfig {
  override HTTP_PORT = 3000;

  /** Largest JSON request body in bytes. */
  @IsInt()
  @Min(1024)
  @Max(10 * 1024 * 1024)
  JSON_BODY_LIMIT_BYTES = 1024 * 1024;
}
