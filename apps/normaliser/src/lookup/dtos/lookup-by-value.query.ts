import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { MEMBER_COUNTRIES, type MemberCountry } from '@wgas/contracts';

export class LookupByValueQuery {
  /** Indicator type or alias (`phone`, `promptpay`, `url`...); detected when absent. */
  @IsOptional()
  @IsString()
  @MaxLength(32)
  type?: string;

  @IsString()
  @MinLength(1)
  @MaxLength(2048)
  value!: string;

  /** Country whose national formats apply (`081...` in TH); defaults to the caller's. */
  @IsOptional()
  @IsIn(MEMBER_COUNTRIES)
  country?: MemberCountry;
}
