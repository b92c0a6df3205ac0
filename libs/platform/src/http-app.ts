import {
  type DynamicModule,
  type INestApplication,
  type LogLevel,
  type Type,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { json, type NextFunction, type Request, type Response } from 'express';
import { bodyParserProblem, ProblemDetailsFilter } from './problem-details.filter';
import {
  parseJsonBody,
  requireContentType,
  verifyJsonBody,
  type StreamRoute,
} from './request-guards';
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
  useProjectDefaults(app);
}

export interface FastifyHttpAppOptions {
  logLevel: string;
  /** Largest JSON body accepted, in bytes (1 MiB unless set). */
  bodyLimit?: number;
}

/**
 * The same defaults on Nest's Fastify adapter, for a service whose routes take JSON bodies
 * only (no stream routes): the lookup API, where Express and its router cost most of each
 * request's CPU and set its tail latency (ADR 0011). Fastify sends no framework header and
 * no ETag; unknown media types get 415 and oversized bodies 413 from Fastify itself, which
 * ProblemDetailsFilter turns into problem+json like every other error.
 */
export async function createFastifyHttpApp(
  module: Type<unknown> | DynamicModule,
  o: FastifyHttpAppOptions,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: o.bodyLimit ?? 1024 * 1024,
    // Fastify answers 404 to a longer path parameter; let the route's own check answer 400.
    routerOptions: { maxParamLength: 1024 },
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    logger: logLevels(o.logLevel),
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  // JSON only, with the Express apps' checks (UTF-8, depth, prototype keys), parsed once.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer' },
    (_req: unknown, body: Buffer, done: (err: Error | null, value?: unknown) => void) => {
      let value: unknown;
      try {
        value = parseJsonBody(body);
      } catch (e) {
        return done(bodyParserProblem(e) as Error);
      }
      done(null, value);
    },
  );
  useProjectDefaults(app);
  return app;
}

function useProjectDefaults(app: INestApplication): void {
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
}
