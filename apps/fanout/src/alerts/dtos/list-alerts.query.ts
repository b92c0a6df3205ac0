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
  @IsOptional()
  @IsIn(DELIVERY_STATES)
  status?: DeliveryState;

  @IsOptional()
  @IsUUID('4')
  subscriptionId?: string;

  /** `nextCursor` of the previous page (newest first). */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9_-]*$/, { message: 'cursor must be a cursor this API returned' })
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
