import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import {
  PROBLEM_CONTENT_TYPE,
  ProblemException,
  problem,
  type ProblemDetails,
} from './problem-details';

/** Errors from Express body parsing, mapped to stable codes instead of 500s. */
const BODY_PARSER_CODES: Record<string, [number, string]> = {
  'entity.too.large': [413, 'request.too_large'],
  'entity.parse.failed': [400, 'request.malformed_json'],
  'encoding.unsupported': [415, 'request.unsupported_encoding'],
  'charset.unsupported': [415, 'request.unsupported_charset'],
  'entity.verify.failed': [400, 'request.invalid_body'],
  'request.aborted': [400, 'request.aborted'],
  'request.size.invalid': [400, 'request.invalid_size'],
  'entity.invalid.utf8': [400, 'request.invalid_utf8'],
  'entity.too.deep': [400, 'request.too_deep'],
  'entity.forbidden.key': [400, 'request.forbidden_key'],
  'stream.encoding.set': [500, 'internal'],
};

/**
 * Turns a body-parser error into a ProblemException before Nest sees it: Nest would turn
 * its SyntaxError into a bare BadRequestException and lose the code.
 */
export function bodyParserProblem(err: unknown): unknown {
  const type = (err as { type?: string })?.type;
  const mapped = type ? BODY_PARSER_CODES[type] : undefined;
  if (!mapped) return err;
  const [status, code] = mapped;
  return new ProblemException(status, code, (err as Error).message);
}

/** Framework errors Nest passes on as a bare HttpException (Fastify's 413 and 415). */
const STATUS_CODES: Partial<Record<number, string>> = {
  [HttpStatus.NOT_FOUND]: 'route.not_found',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'request.too_large',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'request.unsupported_media_type',
};

/** What the filter needs of a request and a response, on Express and on Fastify alike. */
interface AnyRequest {
  method: string;
  originalUrl?: string;
  url: string;
}
interface AnyResponse {
  /** Express */
  headersSent?: boolean;
  /** Fastify */
  sent?: boolean;
  status(code: number): AnyResponse;
  type(contentType: string): AnyResponse;
  send(body: string): unknown;
}

/**
 * Every error leaves as RFC 9457 problem+json. Stack traces never reach a client; a
 * genuine 500 is logged with its stack and answered with a generic message.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<AnyRequest>();
    const res = ctx.getResponse<AnyResponse>();
    const path = (req.originalUrl ?? req.url)?.split('?')[0];
    const body = this.toProblem(exception, path);
    if (body.status >= 500) {
      this.logger.error(`${req.method} ${path}: ${(exception as Error)?.stack ?? exception}`);
    }
    if (res.headersSent || res.sent) return;
    res.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  private toProblem(exception: unknown, instance?: string): ProblemDetails {
    if (exception instanceof ProblemException) return exception.toProblem(instance);
    const bodyParser = (exception as { type?: string })?.type;
    if (bodyParser && BODY_PARSER_CODES[bodyParser]) {
      const [status, code] = BODY_PARSER_CODES[bodyParser];
      return problem(status, code, (exception as Error).message, instance);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = STATUS_CODES[status] ?? `http.${status}`;
      return problem(status, code, exception.message, instance);
    }
    return problem(500, 'internal', 'An internal error occurred. It has been logged.', instance);
  }
}
