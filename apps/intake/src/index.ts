// What tests and tools may use of intake (apps/e2e, tools/): the app factory, its config,
// key management, and its schema for migrations.
export { createIntakeApp } from './intake.app';
export { IntakeConfig } from './intake.config';
export { INTAKE_ENTITIES, INTAKE_SCHEMA } from './intake.module';
export { INTAKE_MIGRATIONS } from './migrations';
export { ApiKeyService } from './organisations/api-key.service';
export { OrganisationAdminService } from './organisations/organisation-admin.service';
export { AuditLogService } from './audit/audit-log.service';
export { buildOpenApiDocument } from './openapi/openapi';
export { IntakeModule } from './intake.module';
export type { JobView } from './jobs/bulk-import.service';
export { Organisation } from './organisations/organisation.entity';
