import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { RETRACTION_REASONS, type RetractionReason } from '@wgas/contracts';
import { SafeText } from './safe-text';

export class RetractReportDto {
  @ApiProperty({ enum: RETRACTION_REASONS })
  @IsIn(RETRACTION_REASONS)
  reason!: RetractionReason;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Kept at this node, never shared' })
  @IsOptional()
  @SafeText(2000)
  note?: string;
}
