import {
  type DynamicModule,
  type INestApplication,
  type LogLevel,
  type Type,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, type NextFunction, type Request, type Response } from 'express';
import { bodyParserProblem, ProblemDetailsFilter } from './problem-details.filter';
import { requireContentType, verifyJsonBody, type StreamRoute } from './request-guards';
import { createValidationPipe } from './validation';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

export function logLevels(level: string): LogLevel[] {
  const i = LEVELS.indexOf(level as LogLevel);
  return LEVELS.slice(0, i < 0 ? 4 : i + 1);
}

export interface HttpAppOptions {
  logLevel: string;
  /** Largest JSON body accepted. */
  jsonLimit?: string;
  /** Routes that read a non-JSON body as a stream (e.g. NDJSON bulk import). */
  streamRoutes?: StreamRoute[];
}

/**
 * A Nest HTTP app with the project's defaults: problem+json errors, strict validation,
 * bounded JSON bodies, no framework fingerprint, graceful shutdown.
 */
export async function createHttpApp(
  module: Type<unknown> | DynamicModule,
  o: HttpAppOptions,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, {
    logger: logLevels(o.logLevel),
    bodyParser: false,
  });
  configureHttpApp(app, o);
  return app;
}

export function configureHttpApp(app: INestApplication, o: HttpAppOptions): void {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  // No ETag: clients do not revalidate API responses, and hashing every body cost CPU on hot paths.
  express.set('etag', false);
  express.use(requireContentType(o.streamRoutes ?? []));
  const parseJson = json({
    limit: o.jsonLimit ?? '1mb',
    strict: true,
    type: ['application/json'],
    verify: verifyJsonBody,
  });
  express.use((req: Request, res: Response, next: NextFunction) =>
    parseJson(req, res, (err?: unknown) =>
      next(err === undefined ? undefined : bodyParserProblem(err)),
    ),
  );
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
}
