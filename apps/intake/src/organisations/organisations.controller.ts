import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@wgas/platform';
import type { IssuedKey } from './api-key.service';
import { CreateOrganisationDto } from './dtos/create-organisation.dto';
import { IssueKeyDto } from './dtos/issue-key.dto';
import {
  OrganisationAdminService,
  type KeyView,
  type OrganisationView,
} from './organisation-admin.service';

/** Organisations and API keys; operators only. A key's secret is in the issue response only. */
@ApiTags('organisations')
@ApiBearerAuth()
@Roles('operator')
@Controller('v1')
export class OrganisationsController {
  constructor(private readonly admin: OrganisationAdminService) {}

  @Post('organisations')
  @HttpCode(201)
  create(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateOrganisationDto,
  ): Promise<OrganisationView> {
    return this.admin.create(p, dto);
  }

  @Get('organisations')
  list(): Promise<OrganisationView[]> {
    return this.admin.list();
  }

  @Post('organisations/:id/keys')
  @HttpCode(201)
  issueKey(
    @CurrentPrincipal() p: Principal,
    @Param('id') organisationId: string,
    @Body() dto: IssueKeyDto,
  ): Promise<IssuedKey & { label: string | null }> {
    return this.admin.issueKey(p, organisationId, dto);
  }

  @Get('organisations/:id/keys')
  listKeys(@Param('id') organisationId: string): Promise<KeyView[]> {
    return this.admin.listKeys(organisationId);
  }

  @Post('keys/:id\\:revoke')
  @HttpCode(200)
  revoke(
    @CurrentPrincipal() p: Principal,
    @Param('id') keyId: string,
  ): Promise<{ id: string; revoked: true }> {
    return this.admin.revokeKey(p, keyId);
  }
}
