import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError } from '../errors/domain-error.ts';
import { type Access, isAllowed, type Principal } from '../auth/principal.ts';
import { admits, isResourceId, reachesWholePlatform, type RegionCatalog, type RegionScope, regionScopeOf, type Scope, type ScopeResolvers } from '../auth/scope.ts';
import type { Actor } from '../audit/audit-trail.ts';

export const SESSION_COOKIE = 'bh_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** The regions the caller reaches, for services that filter lists (`scope: { list }`). */
    regionScope(): RegionScope;
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

/** The scope a route declares; public routes have none (they answer everyone alike). */
export function scopeOf(access: Access | undefined): Scope | undefined {
  return access && !('public' in access) ? access.scope : undefined;
}

/**
 * Authorization for every route: a route states who may call it in `config.access`; a route that
 * states nothing is refused to everyone. The list of routes is kept for the test that walks them.
 */
export interface AccessOptions {
  sessions: SessionResolver;
  routes: RegisteredRoute[];
  /** The modules' resolvers, by resource kind (`Scope.resource`). */
  scopes: ScopeResolvers;
  regions: RegionCatalog;
}

export const accessPlugin = fp<AccessOptions>(async (app, opts) => {
  app.decorateRequest('principal', null);
  app.decorateRequest('regionScope', function (this: FastifyRequest): RegionScope {
    return this.principal ? regionScopeOf(this.principal, opts.regions) : { codes: [], unregioned: false };
  });

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    let access = route.config?.access;
    if (!access && route.url.startsWith(DOCS_PREFIX)) {
      access = { public: true, reason: 'API documentation' };
      route.config = { ...route.config, access };
    }
    const scope = scopeOf(access);
    if (scope && 'resource' in scope && !opts.scopes[scope.resource]) {
      throw new Error(`route ${route.url} is scoped to '${scope.resource}', which no module resolves`);
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
    const scope = scopeOf(access);
    if (scope && 'platform' in scope && !reachesWholePlatform(request.principal!, opts.regions)) {
      throw new DomainError('OUT_OF_SCOPE', `this is administered for the whole platform (${scope.platform}); your account answers for one region`);
    }
    // A resource named in the path or query is checked before any body is read.
    if (scope && 'resource' in scope && !scope.from?.startsWith('body.')) await checkResourceScope(scope, request, request.principal!, opts);
  });

  // One named in the body: after parsing, before validation, so that a caller outside the scope learns
  // nothing from how the rest of the body is judged.
  app.addHook('preValidation', async (request) => {
    const scope = scopeOf(request.routeOptions.config?.access);
    if (scope && 'resource' in scope && scope.from?.startsWith('body.') && request.principal) await checkResourceScope(scope, request, request.principal, opts);
  });
});

/**
 * A resource outside the caller's scope answers exactly as a missing one does, so that neither its
 * existence nor its owner leaks. A route may name several (an array of ids): each must be in scope.
 * Absent, the route names none; anything but ids fails closed.
 */
async function checkResourceScope(scope: Extract<Scope, { resource: string }>, request: FastifyRequest, principal: Principal, opts: AccessOptions) {
  const [where, key] = (scope.from ?? 'params.id').split('.') as ['params' | 'body' | 'query', string];
  const source = request[where] as Record<string, unknown> | null | undefined;
  const value = source && typeof source === 'object' ? source[key] : undefined;
  if (value === undefined || value === null) return;
  const ids = Array.isArray(value) ? value : [value];
  if (ids.length > 100 || !ids.every(isResourceId)) {
    throw new DomainError('VALIDATION_FAILED', `${where}.${key} must name ${scope.resource} by id`, { issues: [{ path: [where, key], message: 'not an id' }] });
  }
  const resolver = opts.scopes[scope.resource]!;
  for (const id of ids) {
    const facts = await resolver.resolve(id.toLowerCase(), { userId: principal.userId, entityId: principal.entity?.id ?? null });
    if (!facts) throw resolver.notFound(id);
    if (admits(scope, facts, principal, opts.regions)) continue;
    const known = facts.relations.has('published') && resolver.refusal;
    throw known ? resolver.refusal!(id, scope.parties, { entityId: principal.entity?.id ?? null }) : resolver.notFound(id);
  }
}

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
