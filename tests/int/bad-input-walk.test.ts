import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../apps/server/src/platform/auth/principal.ts';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';
import { registrationBody } from '../support/registration-fixtures.ts';

let t: TestApp;
const cookies: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const kind of ['staff', 'supervisor', 'expert', 'auditor', 'admin', 'securityAdmin'] as const) {
    await createPlatformUser(t, { username: `bad.${kind.toLowerCase()}`, kind });
    cookies[kind] = await login(t, `bad.${kind.toLowerCase()}`);
  }
  const body = registrationBody({ roles: ['bidder', 'tenderer', 'agency', 'guarantor'] });
  await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body });
  const entity = await login(t, body.account.username);
  for (const r of ['bidder', 'tenderer', 'agency', 'guarantor', 'activeEntity', 'entityMember'] as const) cookies[r] = entity;
});
afterAll(async () => t.close());

const concrete = (url: string) => url.replace(/:id\b/g, randomUUID()).replace(/:action\b/g, 'submit').replace(/:year\b/g, '2029');

function callerFor(access: unknown): string | undefined {
  if (!access || typeof access !== 'object') return undefined;
  if ('public' in access) return undefined;
  if ('authenticated' in access) return cookies.bidder;
  const roles = (access as { roles: Role[] }).roles;
  return cookies[roles[0]!];
}

function namesResourceInPath(access: unknown): boolean {
  const scope = access && typeof access === 'object' && 'scope' in access ? (access as { scope: Record<string, unknown> }).scope : undefined;
  return !!scope && 'resource' in scope && !String(scope.from ?? 'params.id').startsWith('body.');
}

const problem = (res: { statusCode: number; headers: Record<string, unknown>; json(): { code: string } }) => ({
  status: res.statusCode,
  type: String(res.headers['content-type']).split(';')[0],
  code: res.json().code,
});

describe('bad input on every endpoint that takes a body', () => {
  it('malformed JSON, oversize bodies and unknown fields get problem+json, never a crash', async () => {
    const writes = t.built.routes.filter((r) => (r.method === 'POST' || r.method === 'PUT') && r.access);
    expect(writes.length).toBeGreaterThan(10);
    const before = await t.database.db.selectFrom('platform.audit_event').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    for (const route of writes) {
      const url = concrete(route.url);
      const cookie = callerFor(route.access);
      const headers = { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) };
      const send = (payload: string) => t.built.app.inject({ method: route.method as 'POST', url, headers, payload });

      // A resource named in the path is looked up before the body is read: a made-up one is not found.
      const malformed = problem(await send('{"unterminated": '));
      if (namesResourceInPath(route.access)) expect(malformed, `malformed ${route.method} ${route.url}`).toMatchObject({ status: 404, type: 'application/problem+json' });
      else expect(malformed, `malformed ${route.method} ${route.url}`).toEqual({ status: 400, type: 'application/problem+json', code: 'MALFORMED_JSON' });
      expect(problem(await send(JSON.stringify({ pad: 'x'.repeat(70_000) }))), `oversize ${route.url}`).toMatchObject({
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
      });
      const unknown = await send(JSON.stringify({ unexpectedField: true }));
      expect(unknown.statusCode, `unknown field ${route.url}: ${unknown.body}`).toBeGreaterThanOrEqual(400);
      expect(unknown.statusCode).toBeLessThan(500);
      expect(String(unknown.headers['content-type'])).toContain('application/problem+json');
    }
    // A route whose body was refused wrote nothing; the only trail entries are from logout calls.
    const after = await t.database.db
      .selectFrom('platform.audit_event')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('action', '<>', 'identity.logout')
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
