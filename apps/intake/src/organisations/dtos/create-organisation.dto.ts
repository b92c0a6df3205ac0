import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { MEMBER_COUNTRIES, ROLES, type MemberCountry, type Role } from '@wgas/contracts';
import { SafeText } from '../../reports/dtos/safe-text';

export class CreateOrganisationDto {
  @ApiProperty({ example: 'th-aoc', description: 'Slug: lower-case letters, digits and -' })
  @SafeText(64, 2)
  @Matches(/^[a-z0-9][a-z0-9-]*$/, { message: 'id must be a lower-case slug' })
  id!: string;

  @ApiProperty({ example: 'Anti Online Scam Operation Center' })
  @SafeText(200, 1)
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ enum: MEMBER_COUNTRIES })
  @IsIn(MEMBER_COUNTRIES)
  country!: MemberCountry;
}
