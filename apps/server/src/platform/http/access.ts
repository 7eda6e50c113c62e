import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError } from '../errors/domain-error.ts';
import { type Access, isAllowed, type Principal } from '../auth/principal.ts';
import type { Actor } from '../audit/audit-trail.ts';

export const SESSION_COOKIE = 'bh_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export interface SessionResolver {
  /** The principal of a live, fully authenticated session, or null. */
  resolve(token: string): Promise<Principal | null>;
}

/** Routes registered by plugins we do not write (the OpenAPI UI) are public documentation. */
const DOCS_PREFIX = '/api/docs';

export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access | undefined;
}

/**
 * Authorization for every route: a route states who may call it in `config.access`; a route that
 * states nothing is refused to everyone. The list of routes is kept for the test that walks them.
 */
export const accessPlugin = fp<{ sessions: SessionResolver; routes: RegisteredRoute[] }>(async (app, opts) => {
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    let access = route.config?.access;
    if (!access && route.url.startsWith(DOCS_PREFIX)) {
      access = { public: true, reason: 'API documentation' };
      route.config = { ...route.config, access };
    }
    for (const method of methods) opts.routes.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (request) => {
    // Unmatched paths go to the not-found handler, which reveals nothing.
    if (request.is404) return;
    const access = request.routeOptions.config?.access;
    const token = request.cookies?.[SESSION_COOKIE];
    request.principal = token ? await opts.sessions.resolve(token) : null;
    if (!access) throw new DomainError('FORBIDDEN', 'this route declares no access and is closed to everyone');
    const verdict = isAllowed(access, request.principal);
    if (verdict === 'unauthenticated') throw new DomainError('UNAUTHENTICATED', 'log in first');
    if (verdict === 'forbidden') {
      const entity = request.principal?.entity;
      if (entity && entity.status !== 'active') {
        throw new DomainError('ENTITY_NOT_ACTIVE', `your entity is ${entity.status}; this needs an active entity`, { status: entity.status });
      }
      throw new DomainError('FORBIDDEN', 'your role may not do this');
    }
  });
});

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new DomainError('UNAUTHENTICATED', 'log in first');
  return request.principal;
}

export function actorOf(request: FastifyRequest): Actor {
  const p = request.principal;
  return {
    kind: p ? 'user' : 'anonymous',
    id: p?.userId,
    label: p ? `${p.username} (${p.kind})` : undefined,
    requestId: request.id,
    ip: request.ip,
  };
}

export type App = FastifyInstance;
