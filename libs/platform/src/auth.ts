import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  HttpStatus,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ApiAuthProblems } from './openapi';
import { ProblemException } from './problem-details';

export type Role = 'agency' | 'telco' | 'bank' | 'operator';

/** Who is calling: resolved from the API key on every request. */
export interface Principal {
  organisationId: string;
  role: Role;
  country: string;
  keyId: string;
}

/** Resolves an API key to its principal, or undefined when unknown, revoked or expired. */
export abstract class ApiKeyVerifier {
  abstract verify(presentedKey: string): Promise<Principal | undefined>;
}

const ROLES_KEY = 'wgas:roles';
const PUBLIC_KEY = 'wgas:public';

/**
 * Only these roles may call the route (operators are not implied). Also documents the
 * guard's 401 and 403 answers, naming these roles, in the OpenAPI document.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiAuthProblems(roles.join(', ')));
/** No authentication (health and metrics only). */
export const PublicRoute = () => SetMetadata(PUBLIC_KEY, true);

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => {
    return ctx.switchToHttp().getRequest<Request & { principal: Principal }>().principal;
  },
);

const MAX_KEY_LENGTH = 200;

/**
 * Every route is authenticated by `Authorization: Bearer <api key>` unless marked
 * public; a route without @Roles accepts any authenticated role.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: ApiKeyVerifier,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true; // Kafka handlers are trusted by topic ACLs, not keys
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([\x21-\x7e]+)$/.exec(header) : null;
    if (!match || !match[1] || match[1].length > MAX_KEY_LENGTH) {
      throw new ProblemException(
        HttpStatus.UNAUTHORIZED,
        'auth.missing_key',
        'Send an API key as "Authorization: Bearer <key>".',
      );
    }
    const principal = await this.verifier.verify(match[1]);
    if (!principal) {
      throw new ProblemException(
        HttpStatus.UNAUTHORIZED,
        'auth.invalid_key',
        'The API key is unknown, revoked or expired.',
      );
    }
    req.principal = principal;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(principal.role)) {
      throw new ProblemException(
        HttpStatus.FORBIDDEN,
        'auth.role_not_allowed',
        `Role "${principal.role}" may not call this endpoint; allowed: ${roles.join(', ')}.`,
      );
    }
    return true;
  }
}
