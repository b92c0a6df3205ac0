import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { SafeText } from '../../reports/dtos/safe-text';

export class IssueKeyDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @SafeText(200)
  label?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'No expiry when absent' })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;
}
