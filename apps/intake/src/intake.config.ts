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

  /** Largest bulk import body in bytes (streamed, never held in memory). */
  @IsInt()
  @Min(1024)
  @Max(64 * 1024 ** 3)
  BULK_BODY_LIMIT_BYTES = 2 * 1024 ** 3;

  /** Longest line of a bulk file in bytes; a longer line is rejected, not buffered. */
  @IsInt()
  @Min(1024)
  @Max(10 * 1024 * 1024)
  BULK_MAX_LINE_BYTES = 1024 * 1024;

  /** Outbox rows the relay publishes per Kafka batch. */
  @IsInt()
  @Min(1)
  @Max(20_000)
  OUTBOX_BATCH_SIZE = 2000;
}
