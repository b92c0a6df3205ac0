import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** What names a service's API in its OpenAPI document. */
export interface ApiInfo {
  title: string;
  /** Say who calls it, and that errors are RFC 9457 problem+json with a stable `code`. */
  description: string;
}

/** A service's OpenAPI document, as committed in apps/<service>/openapi.json. */
export function buildOpenApiDocument(app: INestApplication, info: ApiInfo): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'wgas_<id>_<secret>' })
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controller, method) =>
      `${controller.replace(/Controller$/, '')}_${method}`,
  });
}

/**
 * Serves the document at /docs/openapi.json and /docs/openapi.yaml, without
 * authentication, and the Swagger UI at /docs where the HTTP stack can serve its assets
 * (`ui: false` on Fastify, which would need @fastify/static for them).
 */
export function serveOpenApi(app: INestApplication, info: ApiInfo, o: { ui?: boolean } = {}): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app, info), {
    ui: o.ui ?? true,
    raw: ['json', 'yaml'],
    jsonDocumentUrl: 'docs/openapi.json',
    yamlDocumentUrl: 'docs/openapi.yaml',
  });
}
