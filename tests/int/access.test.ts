import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../apps/server/src/platform/auth/principal.ts';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';
import { registrationBody } from '../support/registration-fixtures.ts';

let t: TestApp;
const cookies: Partial<Record<Role, string>> = {};

// One caller per role, to find for every route someone the route does not admit.
beforeAll(async () => {
  t = await createTestApp();
  for (const kind of ['staff', 'supervisor', 'expert', 'auditor', 'admin', 'securityAdmin'] as const) {
    await createPlatformUser(t, { username: `walk.${kind.toLowerCase()}`, kind });
    cookies[kind] = await login(t, `walk.${kind.toLowerCase()}`);
  }
  for (const role of ['tenderer', 'agency', 'bidder', 'guarantor'] as const) {
    const body = registrationBody({ roles: [role] });
    await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body });
    cookies[role] = await login(t, body.account.username);
  }
});
afterAll(async () => t.close());

function concrete(url: string): string {
  return url
    .replace(/:id\b/g, randomUUID())
    .replace(/:action\b/g, 'submit')
    .replace(/:year\b/g, '2027')
    .replace(/\*$/, 'x');
}

const CALLERS: Role[] = ['staff', 'supervisor', 'expert', 'auditor', 'admin', 'securityAdmin', 'tenderer', 'agency', 'bidder', 'guarantor'];

describe('authorization on every route', () => {
  it('every route declares who may call it', () => {
    const undeclared = t.built.routes.filter((r) => !r.access && r.method !== 'HEAD');
    expect(undeclared.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('[F-28] an anonymous caller and a caller of the wrong role are refused on every protected route', async () => {
    const protectedRoutes = t.built.routes.filter((r) => r.access && !('public' in r.access) && r.method !== 'HEAD');
    expect(protectedRoutes.length).toBeGreaterThan(15);
    for (const route of protectedRoutes) {
      const url = concrete(route.url);
      const anonymous = await t.built.app.inject({ method: route.method as 'GET', url, payload: route.method === 'GET' ? undefined : {} });
      expect(anonymous.statusCode, `anonymous ${route.method} ${route.url}`).toBe(401);
      expect(anonymous.headers['content-type']).toContain('application/problem+json');
      if (route.access && 'roles' in route.access) {
        const allowed = new Set<Role>(route.access.roles);
        if (allowed.has('entityMember') || allowed.has('activeEntity')) {
          for (const r of ['tenderer', 'agency', 'bidder', 'guarantor'] as const) allowed.add(r);
        }
        const outsider = CALLERS.find((role) => !allowed.has(role));
        expect(outsider, `${route.url} admits every role; declare authenticated instead`).toBeDefined();
        const res = await t.built.app.inject({
          method: route.method as 'GET',
          url,
          headers: { cookie: cookies[outsider!]! },
          payload: route.method === 'GET' ? undefined : {},
        });
        expect(res.statusCode, `${outsider} ${route.method} ${route.url}`).toBe(403);
      }
    }
  });

  it('[F-28] the auditor reads the audit trail and grants no account; the system administrator neither reads the trail nor lists or grants accounts', async () => {
    expect((await t.built.app.inject({ method: 'GET', url: '/api/v1/audit-events', headers: { cookie: cookies.auditor! } })).statusCode).toBe(200);
    expect((await t.built.app.inject({ method: 'GET', url: '/api/v1/audit-events', headers: { cookie: cookies.admin! } })).statusCode).toBe(403);
    expect((await t.built.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: cookies.admin! } })).statusCode).toBe(403);
    // Granting accounts belongs to security administrators (decision 0012).
    const grant = { action: 'create', username: 'sneaky.auditor', displayName: 'x', kind: 'auditor', regionCode: '150600', personIdNumber: '11010519491231002X', password: 'Abcdefgh123', reason: 'x' };
    for (const caller of ['auditor', 'admin'] as const) {
      const res = await t.built.app.inject({ method: 'POST', url: '/api/v1/account-grants', headers: { cookie: cookies[caller]! }, payload: grant });
      expect(res.statusCode, caller).toBe(403);
    }
    expect(await t.database.db.selectFrom('identity.user_account').select('id').where('username', '=', 'sneaky.auditor').executeTakeFirst()).toBeUndefined();
  });

  it('[F-28] an account is one kind only: the database refuses an entity link on a platform account', async () => {
    const admin = await t.database.db.selectFrom('identity.user_account').select('id').where('username', '=', 'walk.admin').executeTakeFirstOrThrow();
    const entity = await t.database.db.selectFrom('identity.market_entity').select('id').executeTakeFirstOrThrow();
    await expect(
      t.database.db.updateTable('identity.user_account').set({ entity_id: entity.id }).where('id', '=', admin.id).execute(),
    ).rejects.toThrow();
  });
});
