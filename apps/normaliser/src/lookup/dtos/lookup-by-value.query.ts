import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { MEMBER_COUNTRIES, type MemberCountry } from '@wgas/contracts';
import { INDICATOR_TYPES } from '@wgas/indicators';

export class LookupByValueQuery {
  @ApiPropertyOptional({
    description: `Indicator type (${INDICATOR_TYPES.join(', ')}) or an alias such as promptpay, line, btc, iban; detected from the value when absent. An unknown type answers 422 lookup.value_not_normalisable.`,
    maxLength: 32,
    example: 'phone',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  type?: string;

  @ApiProperty({
    description:
      'The value as the caller holds it; normalised before lookup, so 081-234-5678 finds +66812345678',
    minLength: 1,
    maxLength: 2048,
    example: '081-234-5678',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(2048)
  value!: string;

  @ApiPropertyOptional({
    enum: MEMBER_COUNTRIES,
    description: "Country whose national formats apply (081... in TH); defaults to the caller's",
  })
  @IsOptional()
  @IsIn(MEMBER_COUNTRIES)
  country?: MemberCountry;
}
