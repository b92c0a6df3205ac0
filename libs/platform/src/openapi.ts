import { applyDecorators, type INestApplication } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiSchema,
  DocumentBuilder,
  getSchemaPath,
  SwaggerModule,
  type OpenAPIObject,
} from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, type FieldError, type ProblemDetails } from './problem-details';

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
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'wgas_<id>_<secret>',
      description: 'An API key issued by intake to an organisation, with one role',
    })
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

@ApiSchema({ name: 'FieldError' })
export class FieldErrorResponse implements FieldError {
  @ApiProperty({ description: 'Dotted path of the offending field', example: 'indicators.0.value' })
  field!: string;

  @ApiProperty({ description: 'The rule that failed', example: 'maxLength' })
  rule!: string;

  @ApiProperty()
  message!: string;
}

@ApiSchema({ name: 'Problem', description: 'RFC 9457 problem details with a stable code' })
export class ProblemResponse implements ProblemDetails {
  @ApiProperty({ example: 'https://aseanwgas.org/problems/validation.failed' })
  type!: string;

  @ApiProperty({ example: 'Bad Request' })
  title!: string;

  @ApiProperty({ type: 'integer', example: 400 })
  status!: number;

  @ApiProperty({ description: 'What went wrong, for a human' })
  detail!: string;

  @ApiProperty({ description: 'Stable, for programs', example: 'validation.failed' })
  code!: string;

  @ApiPropertyOptional({ description: 'The request path' })
  instance?: string;

  @ApiPropertyOptional({ type: [FieldErrorResponse], description: 'One entry per failed rule' })
  errors?: FieldError[];
}

/** An error response in problem+json; with `codes`, the document lists them as an enum. */
export function ApiProblem(status: number, description: string, codes?: string[]) {
  const schema = codes
    ? {
        allOf: [
          { $ref: getSchemaPath(ProblemResponse) },
          { properties: { code: { type: 'string', enum: codes } } },
        ],
      }
    : { $ref: getSchemaPath(ProblemResponse) };
  return applyDecorators(
    ApiExtraModels(ProblemResponse),
    ApiResponse({
      status,
      description: codes ? `${description}; code ${codes.join(' or ')}` : description,
      content: { [PROBLEM_CONTENT_TYPE]: { schema } },
    }),
  );
}

/** 401 and 403 from the API-key guard, which every authenticated route may answer. */
export function ApiAuthProblems(roles: string) {
  return applyDecorators(
    ApiProblem(401, 'No API key, or one that is unknown, revoked or expired', [
      'auth.missing_key',
      'auth.invalid_key',
    ]),
    ApiProblem(403, `The key's role may not call this route (allowed: ${roles})`, [
      'auth.role_not_allowed',
    ]),
  );
}
