import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPersonId } from '../support/person-id.ts';
import { createPlatformUser, createTestApp, login, TEST_PASSWORD, type TestApp } from '../support/test-app.ts';

// Separation of duties (三员分立, decision 0012): security administrators grant accounts with dual
// control, nobody holds two of the three duties, the auditor reads what the other two did.
let t: TestApp;
const cookie: Record<'secA' | 'secB' | 'admin' | 'auditor', string> = { secA: '', secB: '', admin: '', auditor: '' };
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const [key, username, kind] of [
    ['secA', 'sod.sec.a', 'securityAdmin'],
    ['secB', 'sod.sec.b', 'securityAdmin'],
    ['admin', 'sod.admin', 'admin'],
    ['auditor', 'sod.auditor', 'auditor'],
  ] as const) {
    ids[key] = (await createPlatformUser(t, { username, kind })).id;
    cookie[key] = await login(t, username);
  }
});
afterAll(async () => t.close());

const post = (url: string, payload: object, as: string) => t.built.app.inject({ method: 'POST', url, payload, headers: { cookie: as } });
const get = (url: string, as: string) => t.built.app.inject({ method: 'GET', url, headers: { cookie: as } });
const passwordLogin = (username: string) => t.built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: TEST_PASSWORD } });

function createGrant(username: string, kind: string, person: string, extra: object = {}) {
  return {
    action: 'create',
    username,
    displayName: `${username} 姓名`,
    kind,
    regionCode: '150600',
    personIdNumber: testPersonId(person),
    password: TEST_PASSWORD,
    reason: 'new post',
    ...extra,
  };
}

async function proposeAndApprove(grant: object) {
  const proposed = await post('/api/v1/account-grants', grant, cookie.secA);
  expect(proposed.statusCode, proposed.body).toBe(201);
  const approved = await post(`/api/v1/account-grants/${proposed.json().id}/approve`, {}, cookie.secB);
  expect(approved.statusCode, approved.body).toBe(200);
  return approved.json() as { id: string; userId: string };
}

describe('separation of duties', () => {
  it('[F-28] the system administrator can no longer create an auditor account, nor read the trail; platform operations stay theirs', async () => {
    const byAdmin = await post('/api/v1/account-grants', createGrant('sod.would.audit', 'auditor', 'admin-friend'), cookie.admin);
    expect(byAdmin.statusCode).toBe(403);
    // The old route that let the administrator create any account is gone.
    expect((await post('/api/v1/users', createGrant('sod.would.audit', 'auditor', 'admin-friend'), cookie.admin)).statusCode).toBe(404);
    expect((await get('/api/v1/audit-events', cookie.admin)).statusCode).toBe(403);
    expect((await passwordLogin('sod.would.audit')).json().code).toBe('INVALID_CREDENTIALS');
    expect((await get('/api/v1/exchange/outbox', cookie.admin)).statusCode).toBe(200);
  });

  it('[F-28] one security administrator cannot grant a staff account alone; a second one approves and only then it can log in', async () => {
    const proposed = await post('/api/v1/account-grants', createGrant('sod.staff', 'staff', 'staff-person'), cookie.secA);
    expect(proposed.statusCode).toBe(201);
    expect(proposed.json()).toMatchObject({ status: 'pending', privileged: true, userId: null, personHint: `****${testPersonId('staff-person').slice(-4)}` });
    expect((await passwordLogin('sod.staff')).statusCode).toBe(401);

    const self = await post(`/api/v1/account-grants/${proposed.json().id}/approve`, {}, cookie.secA);
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('GRANT_OWN_PROPOSAL');
    expect((await passwordLogin('sod.staff')).statusCode).toBe(401);
    const pending = await get('/api/v1/account-grants?status=pending', cookie.secB);
    expect(pending.json().map((g: { username: string }) => g.username)).toContain('sod.staff');

    const approved = await post(`/api/v1/account-grants/${proposed.json().id}/approve`, { note: 'checked the appointment letter' }, cookie.secB);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: ids.secB, proposedBy: ids.secA });
    const first = await passwordLogin('sod.staff');
    expect(first.statusCode).toBe(200);
    expect(first.json().stage).toBe('enrol');
    // Decided once: neither approved again nor rejected afterwards.
    expect((await post(`/api/v1/account-grants/${proposed.json().id}/reject`, { note: 'late' }, cookie.secB)).json().code).toBe('GRANT_NOT_PENDING');
  });

  it('a rejected grant creates nothing; an expert (not privileged) is granted by one security administrator', async () => {
    const proposed = await post('/api/v1/account-grants', createGrant('sod.rejected', 'supervisor', 'rejected-person', { department: '住建局' }), cookie.secA);
    const rejected = await post(`/api/v1/account-grants/${proposed.json().id}/reject`, { note: 'no appointment letter' }, cookie.secB);
    expect(rejected.json()).toMatchObject({ status: 'rejected', decidedBy: ids.secB, decisionNote: 'no appointment letter' });
    expect((await passwordLogin('sod.rejected')).statusCode).toBe(401);

    const expert = await post('/api/v1/account-grants', createGrant('sod.expert', 'expert', 'expert-person'), cookie.secA);
    expect(expert.json()).toMatchObject({ status: 'approved', privileged: false, decidedBy: null });
    expect((await passwordLogin('sod.expert')).statusCode).toBe(200);
  });

  it('[F-28] the same person is not granted a second of the three duties, by another account or by a change of kind', async () => {
    const admin = await proposeAndApprove(createGrant('sod.admin.two', 'admin', 'person-p'));
    const auditorForSamePerson = await post('/api/v1/account-grants', createGrant('sod.auditor.two', 'auditor', 'person-p'), cookie.secA);
    expect(auditorForSamePerson.statusCode).toBe(409);
    expect(auditorForSamePerson.json().code).toBe('DUTY_CONFLICT');
    // Nor a second account of the same duty (which would approve its holder's own proposals).
    expect((await post('/api/v1/account-grants', createGrant('sod.admin.three', 'admin', 'person-p'), cookie.secA)).json().code).toBe('DUTY_CONFLICT');
    // Nor by turning the administrator's own account into an auditor's.
    const move = await post('/api/v1/account-grants', { action: 'change', userId: admin.userId, kind: 'auditor', regionCode: '150600', reason: 'moves to audit' }, cookie.secA);
    expect(move.json().code).toBe('DUTY_CONFLICT');
    // A pending grant holds the person too.
    expect((await post('/api/v1/account-grants', createGrant('sod.sec.q', 'securityAdmin', 'person-q'), cookie.secA)).statusCode).toBe(201);
    expect((await post('/api/v1/account-grants', createGrant('sod.auditor.q', 'auditor', 'person-q'), cookie.secB)).json().code).toBe('DUTY_CONFLICT');
    // A security administrator grants nothing to their own person, and approves nothing for it.
    const own = await post('/api/v1/account-grants', createGrant('sod.sec.a.auditor', 'auditor', 'sod.sec.a'), cookie.secA);
    expect(own.json().code).toBe('GRANT_OWN_ACCOUNT');
    const forB = await post('/api/v1/account-grants', createGrant('sod.sec.b.staff', 'staff', 'sod.sec.b'), cookie.secA);
    expect((await post(`/api/v1/account-grants/${forB.json().id}/approve`, {}, cookie.secB)).json().code).toBe('GRANT_OWN_ACCOUNT');
    const accounts = await get('/api/v1/users', cookie.secA);
    expect(accounts.json().filter((u: { username: string }) => u.username.startsWith('sod.auditor.')).length).toBe(0);
  });

  it('the database holds the same lines: one account of the three per person, and a privileged grant approved by someone else', async () => {
    const db = t.database.db;
    const admin = await db.selectFrom('identity.user_account').selectAll().where('username', '=', 'sod.admin').executeTakeFirstOrThrow();
    await expect(
      db
        .insertInto('identity.user_account')
        .values({ ...admin, id: crypto.randomUUID(), username: 'sod.sneaky.auditor', kind: 'auditor' })
        .execute(),
    ).rejects.toThrow(/user_account_duty_person_key/);
    await expect(
      db.updateTable('identity.user_account').set({ person_ref: null }).where('id', '=', admin.id).execute(),
    ).rejects.toThrow(/user_account_duty_person_check/);
    const grant = await db.selectFrom('identity.account_grant').selectAll().where('status', '=', 'pending').where('privileged', '=', true).executeTakeFirstOrThrow();
    await expect(
      db
        .updateTable('identity.account_grant')
        .set({ status: 'approved', decided_by: grant.proposed_by, decided_at: new Date(), password_hash: null })
        .where('id', '=', grant.id)
        .execute(),
    ).rejects.toThrow(/check/);
  });

  it('[F-28] every step of a grant is in the audit trail and the public log, and only the auditor reads it', async () => {
    const granted = await proposeAndApprove(createGrant('sod.traced', 'staff', 'traced-person'));
    for (const as of [cookie.secA, cookie.secB, cookie.admin]) expect((await get('/api/v1/audit-events', as)).statusCode).toBe(403);
    const trail = await get(`/api/v1/audit-events?targetId=${granted.id}`, cookie.auditor);
    expect(trail.statusCode).toBe(200);
    const steps = trail.json() as { action: string; actorId: string; logIndex: number | null; details: Record<string, unknown> }[];
    expect(steps.map((s) => [s.action, s.actorId])).toEqual([
      ['identity.grant.approved', ids.secB],
      ['identity.grant.proposed', ids.secA],
    ]);
    const created = (await get(`/api/v1/audit-events?targetId=${granted.userId}`, cookie.auditor)).json() as typeof steps;
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ action: 'identity.user.created', actorId: ids.secB, details: { grantId: granted.id, proposedBy: ids.secA, approvedBy: ids.secB } });
    for (const step of [...steps, ...created]) expect(step.logIndex).toEqual(expect.any(Number));
    // The person's number and the password never reach the trail.
    const text = JSON.stringify([...steps, ...created]);
    expect(text).not.toContain(testPersonId('traced-person'));
    expect(text).not.toContain('scrypt$');
    // The auditor reads the grants too, and decides none.
    expect((await get('/api/v1/account-grants', cookie.auditor)).statusCode).toBe(200);
    const pending = (await get('/api/v1/account-grants?status=pending', cookie.auditor)).json() as { id: string }[];
    expect((await post(`/api/v1/account-grants/${pending[0]!.id}/approve`, {}, cookie.auditor)).statusCode).toBe(403);
  });

  it('[F-28] disabling an account ends its session at once; enabling it again needs a second security administrator', async () => {
    await createPlatformUser(t, { username: 'sod.staff.live', kind: 'staff' });
    const staff = await login(t, 'sod.staff.live');
    expect((await get('/api/v1/me', staff)).statusCode).toBe(200);
    const user = (await get('/api/v1/users?kind=staff', cookie.secA)).json().find((u: { username: string }) => u.username === 'sod.staff.live');
    const disabled = await post(`/api/v1/users/${user.id}/disable`, { reason: 'left the centre' }, cookie.secA);
    expect(disabled.json()).toMatchObject({ status: 'disabled' });
    expect((await get('/api/v1/me', staff)).statusCode).toBe(401);
    const sessions = await t.database.db.selectFrom('identity.session').select(['revoked_at', 'revoked_reason']).where('user_id', '=', user.id).execute();
    expect(sessions.every((s) => s.revoked_at !== null)).toBe(true);
    expect(sessions.map((s) => s.revoked_reason)).toContain('disabled');
    const trail = (await get(`/api/v1/audit-events?targetId=${user.id}&action=identity.user.disabled`, cookie.auditor)).json();
    expect(trail[0]).toMatchObject({ actorId: ids.secA, details: { reason: 'left the centre', sessionsEnded: 1 } });

    const enable = await post('/api/v1/account-grants', { action: 'enable', userId: user.id, reason: 'back from leave' }, cookie.secA);
    expect(enable.json()).toMatchObject({ status: 'pending', privileged: true });
    expect((await passwordLogin('sod.staff.live')).json().code).toBe('ACCOUNT_DISABLED');
    expect((await post(`/api/v1/account-grants/${enable.json().id}/approve`, {}, cookie.secB)).statusCode).toBe(200);
    expect((await get('/api/v1/me', await login(t, 'sod.staff.live'))).statusCode).toBe(200);
  });

  it('the first two security administrators are bootstrapped; once two are active the bootstrap is closed', async () => {
    const bootstrap = t.built.identity.services.bootstrapSecurityAdmin;
    const input = { username: 'sod.sec.c', displayName: '第三位', regionCode: '150600', personIdNumber: testPersonId('sod.sec.c'), password: TEST_PASSWORD };
    await expect(bootstrap(input, { kind: 'system', label: 'bidhall bootstrap-security-admin' })).rejects.toMatchObject({ code: 'BOOTSTRAP_CLOSED' });
    // With one of the two disabled, dual control is impossible: the bootstrap opens again.
    await post(`/api/v1/users/${ids.secB}/disable`, { reason: 'lost the authenticator' }, cookie.secA);
    const third = await bootstrap(input, { kind: 'system', label: 'bidhall bootstrap-security-admin' });
    expect(third).toMatchObject({ kind: 'securityAdmin', status: 'active', personHint: expect.stringMatching(/^\*{4}/) });
    const recorded = (await get(`/api/v1/audit-events?targetId=${third!.id}`, cookie.auditor)).json();
    expect(recorded[0]).toMatchObject({ action: 'identity.user.bootstrapped', actorKind: 'system' });
  });
});
