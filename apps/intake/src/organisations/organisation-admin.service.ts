import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProblemException } from '@wgas/platform';
import { AuditLogService, type Actor } from '../audit/audit-log.service';
import { ApiKey } from './api-key.entity';
import { ApiKeyService, type IssuedKey } from './api-key.service';
import type { CreateOrganisationDto } from './dtos/create-organisation.dto';
import type { IssueKeyDto } from './dtos/issue-key.dto';
import { Organisation } from './organisation.entity';

export interface OrganisationView {
  id: string;
  name: string;
  role: string;
  country: string;
  createdAt: string;
}

export interface KeyView {
  id: string;
  organisationId: string;
  label: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

function view(o: Organisation): OrganisationView {
  return {
    id: o.id,
    name: o.name,
    role: o.role,
    country: o.country,
    createdAt: o.createdAt.toISOString(),
  };
}

/**
 * Operators' use cases: organisations and their keys, each change audited in the same
 * transaction. The HTTP API and the bootstrap CLI both go through here.
 */
@Injectable()
export class OrganisationAdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly keys: ApiKeyService,
    private readonly audit: AuditLogService,
  ) {}

  async create(actor: Actor, dto: CreateOrganisationDto): Promise<OrganisationView> {
    return this.ds.transaction(async (m) => {
      const exists = await m.getRepository(Organisation).existsBy({ id: dto.id });
      if (exists) {
        throw new ProblemException(
          HttpStatus.CONFLICT,
          'organisation.exists',
          `Organisation "${dto.id}" already exists.`,
        );
      }
      const org = await this.keys.createOrganisation(dto, m);
      await this.audit.record(m, actor, 'organisation.created', {
        type: 'organisation',
        id: org.id,
      });
      return view(org);
    });
  }

  async list(): Promise<OrganisationView[]> {
    const orgs = await this.ds.getRepository(Organisation).find({ order: { id: 'ASC' } });
    return orgs.map(view);
  }

  async issueKey(
    actor: Actor,
    organisationId: string,
    dto: IssueKeyDto,
  ): Promise<IssuedKey & { label: string | null }> {
    const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : undefined;
    if (expiresAt && expiresAt.getTime() <= Date.now()) {
      throw new ProblemException(
        HttpStatus.BAD_REQUEST,
        'validation.failed',
        'expiresAt must be in the future.',
        [{ field: 'expiresAt', rule: 'future', message: 'expiresAt must be in the future' }],
      );
    }
    return this.ds.transaction(async (m) => {
      if (!(await m.getRepository(Organisation).existsBy({ id: organisationId }))) {
        throw new ProblemException(
          HttpStatus.NOT_FOUND,
          'organisation.not_found',
          `No organisation "${organisationId}".`,
        );
      }
      const issued = await this.keys.issueKey(
        organisationId,
        { ...(dto.label ? { label: dto.label } : {}), ...(expiresAt ? { expiresAt } : {}) },
        m,
      );
      await this.audit.record(
        m,
        actor,
        'key.issued',
        { type: 'api_key', id: issued.id },
        { organisationId, expiresAt: expiresAt?.toISOString() ?? null },
      );
      return { ...issued, label: dto.label ?? null };
    });
  }

  async listKeys(organisationId: string): Promise<KeyView[]> {
    const keys = await this.ds
      .getRepository(ApiKey)
      .find({ where: { organisationId }, order: { createdAt: 'ASC' } });
    return keys.map((k) => ({
      id: k.id,
      organisationId: k.organisationId,
      label: k.label,
      createdAt: k.createdAt.toISOString(),
      expiresAt: k.expiresAt?.toISOString() ?? null,
      revokedAt: k.revokedAt?.toISOString() ?? null,
    }));
  }

  async revokeKey(actor: Actor, keyId: string): Promise<{ id: string; revoked: true }> {
    return this.ds.transaction(async (m) => {
      const key = await m.getRepository(ApiKey).findOneBy({ id: keyId });
      if (!key) {
        throw new ProblemException(HttpStatus.NOT_FOUND, 'key.not_found', `No key "${keyId}".`);
      }
      if (await this.keys.revokeKey(keyId, m)) {
        await this.audit.record(
          m,
          actor,
          'key.revoked',
          { type: 'api_key', id: keyId },
          { organisationId: key.organisationId },
        );
      }
      return { id: keyId, revoked: true };
    });
  }
}
