import { ApiProperty } from '@nestjs/swagger';
import { ALERT_ACTION_KINDS } from '@wgas/contracts';
import type { ActionView } from '../alert-action.service';

/** An action as recorded (and published on `<ns>.actions.v1`). */
export class ActionResponse implements ActionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  alertId!: string;

  @ApiProperty({ enum: ALERT_ACTION_KINDS })
  action!: string;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}
