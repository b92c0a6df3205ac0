import { isUtf8 } from 'node:buffer';
import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ForbiddenJsonKeyError, hasForbiddenJsonKey, parseJsonStrict } from '@wgas/contracts';
import { ProblemException } from './problem-details';

/** Deepest JSON nesting accepted; real reports nest three levels. */
export const MAX_JSON_DEPTH = 32;

/** An error body-parser passes on with its `type`, which ProblemDetailsFilter maps to a 4xx. */
class BodyRejected extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** Deepest nesting of objects and arrays in a JSON text, without parsing it. */
export function jsonDepth(buf: Buffer, stopAbove = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) max = depth;
      if (max > stopAbove) return max;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** The checks on the bytes, before any decoding: UTF-8 and nesting depth. */
function checkJsonBytes(buf: Buffer): void {
  if (!isUtf8(buf)) throw new BodyRejected('entity.invalid.utf8', 'The body is not valid UTF-8.');
  if (jsonDepth(buf, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new BodyRejected(
      'entity.too.deep',
      `JSON nesting deeper than ${MAX_JSON_DEPTH} levels is not accepted.`,
    );
  }
}

const forbiddenKey = () =>
  new BodyRejected(
    'entity.forbidden.key',
    'JSON keys __proto__ and constructor.prototype are not accepted.',
  );

/**
 * body-parser `verify` hook: rejects invalid UTF-8 (which would otherwise be replaced by
 * U+FFFD silently), JSON nested deeper than MAX_JSON_DEPTH (which would otherwise
 * cost the validator a deep recursion) and keys that could reach a DTO's prototype
 * (`__proto__`, `constructor.prototype`: see parseJsonStrict), before the body is parsed.
 */
export function verifyJsonBody(_req: unknown, _res: unknown, buf: Buffer): void {
  checkJsonBytes(buf);
  if (hasForbiddenJsonKey(buf.toString('utf8'))) throw forbiddenKey();
}

/**
 * The same checks for a stack that lets us parse (Fastify): decodes and parses once. An
 * empty body is `undefined`; errors carry the body-parser `type` ProblemDetailsFilter maps.
 */
export function parseJsonBody(buf: Buffer): unknown {
  checkJsonBytes(buf);
  if (buf.length === 0) return undefined;
  try {
    return parseJsonStrict(buf.toString('utf8'));
  } catch (e) {
    if (e instanceof ForbiddenJsonKeyError) throw forbiddenKey();
    throw new BodyRejected('entity.parse.failed', (e as Error).message);
  }
}

/** A route that reads its body as a stream, and the media types it accepts. */
export interface StreamRoute {
  path: RegExp;
  types: string[];
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Answers 415 for a body in a media type the route does not take: JSON everywhere except
 * the stream routes. Without this an XML or form body would reach validation as "no body".
 */
export function requireContentType(streamRoutes: StreamRoute[]) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (!hasBody(req)) return next();
    const route = streamRoutes.find((r) => r.path.test(req.path));
    const types = route ? route.types : ['application/json'];
    if (req.is(types)) return next();
    next(
      new ProblemException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'request.unsupported_media_type',
        `Content-Type must be ${types.join(' or ')}.`,
      ),
    );
  };
}
