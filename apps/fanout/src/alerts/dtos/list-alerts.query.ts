import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export const DELIVERY_STATES = ['pending', 'delivered', 'failed', 'parked'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export class ListAlertsQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATES, description: 'Only alerts in this delivery state' })
  @IsOptional()
  @IsIn(DELIVERY_STATES)
  status?: DeliveryState;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only alerts for this subscription' })
  @IsOptional()
  @IsUUID('4')
  subscriptionId?: string;

  /** `nextCursor` of the previous page (newest first). */
  @ApiPropertyOptional({
    maxLength: 64,
    pattern: '^[A-Za-z0-9_-]*$',
    description: '`nextCursor` of the previous page (pages go newest first); absent: the newest',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9_-]*$/, { message: 'cursor must be a cursor this API returned' })
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
