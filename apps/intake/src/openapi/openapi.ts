import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument as build, type ApiInfo } from '@wgas/platform';

export const INTAKE_API: ApiInfo = {
  title: 'WG-AS Exchange intake API',
  description:
    'National agencies submit scam reports and follow what became of them; operators manage organisations and API keys. Errors are RFC 9457 application/problem+json with a stable `code`.',
};

/** The intake API's OpenAPI document, as committed in apps/intake/openapi.json. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return build(app, INTAKE_API);
}
