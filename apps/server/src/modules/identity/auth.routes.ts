import { emptyBody, loginRequest, loginResponse, okResponse, sessionUser, totpRequest } from '@bidhall/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf, requirePrincipal, SESSION_COOKIE } from '../../platform/http/access.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { AuthService } from './auth.service.ts';
import { loadSessionUser } from './session-user.ts';
import type { Db } from '../../platform/db/database.ts';

/** The session cookie, however the session was opened (password or certificate). */
export function sessionCookieOptions(expires: Date, secure: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure, expires };
}

export function registerAuthRoutes(app: AppInstance, deps: { auth: AuthService; db: Db; cookieSecure: boolean }) {
  // Secure whenever the client came over TLS (decision 0018), or COOKIE_SECURE says it always does.
  const cookie = (expires: Date, request: FastifyRequest) => sessionCookieOptions(expires, deps.cookieSecure || request.servedOverTls);

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: { public: true } },
      schema: { tags: ['auth'], summary: 'Log in with username and password', body: loginRequest, response: { 200: loginResponse } },
    },
    async (request, reply) => {
      const result = await deps.auth.login(request.body.username, request.body.password, {
        ...actorOf(request),
        userAgent: request.headers['user-agent'],
      });
      reply.setCookie(SESSION_COOKIE, result.token, cookie(result.expiresAt, request));
      return { stage: result.stage, user: result.user, enrolment: result.enrolment };
    },
  );

  app.post(
    '/api/v1/auth/totp',
    {
      config: { access: { public: true, reason: 'second login step; the half-open session cookie is checked inside' } },
      schema: { tags: ['auth'], summary: 'Complete login with a TOTP code', body: totpRequest, response: { 200: sessionUser } },
    },
    async (request) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token) throw new DomainError('LOGIN_STAGE_INVALID', 'no login is waiting for a code; log in again');
      return deps.auth.completeTotp(token, request.body.code, actorOf(request));
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: { public: true, reason: 'ending a session needs none' } },
      schema: { tags: ['auth'], summary: 'Log out', body: emptyBody, response: { 200: okResponse } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deps.auth.logout(token, actorOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/session',
    {
      config: { access: { public: true, reason: 'tells a page whether anyone is logged in' } },
      schema: { tags: ['auth'], summary: 'The logged-in user, or null', response: { 200: z.object({ user: sessionUser.nullable() }) } },
    },
    async (request) => ({ user: request.principal ? await loadSessionUser(deps.db, request.principal.userId) : null }),
  );

  app.get(
    '/api/v1/me',
    {
      config: { access: { authenticated: true, scope: { own: 'account' } } },
      schema: { tags: ['auth'], summary: 'The logged-in user', response: { 200: sessionUser } },
    },
    async (request) => loadSessionUser(deps.db, requirePrincipal(request).userId),
  );
}

