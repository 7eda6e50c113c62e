import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformUser, createTestApp, login, TEST_PASSWORD, totpNow, type TestApp } from '../support/test-app.ts';
import { registrationBody } from '../support/registration-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const post = (url: string, payload: object, cookie?: string) =>
  t.built.app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {} });
const get = (url: string, cookie?: string) => t.built.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const sessionCookie = (res: { cookies: { name: string; value: string }[] }) =>
  `bh_session=${res.cookies.find((c) => c.name === 'bh_session')?.value}`;

describe('login and sessions', () => {
  it('sets an httpOnly, SameSite=Strict session cookie and /me returns the user', async () => {
    const body = registrationBody();
    await post('/api/v1/registrations', body);
    const res = await post('/api/v1/auth/login', { username: body.account.username, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'bh_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const me = await get('/api/v1/me', sessionCookie(res));
    expect(me.json()).toMatchObject({ username: body.account.username, kind: 'entity', entity: { status: 'active' } });
  });

  it('refuses a wrong password with the same answer as an unknown user, and locks after five failures', async () => {
    const body = registrationBody();
    await post('/api/v1/registrations', body);
    const wrong = await post('/api/v1/auth/login', { username: body.account.username, password: 'wrong-password-1' });
    const unknown = await post('/api/v1/auth/login', { username: 'nobody.here', password: 'wrong-password-1' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe(unknown.json().code);
    for (let i = 0; i < 4; i++) await post('/api/v1/auth/login', { username: body.account.username, password: 'wrong-password-1' });
    const locked = await post('/api/v1/auth/login', { username: body.account.username, password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    t.clock.advance(16 * 60_000);
    expect((await post('/api/v1/auth/login', { username: body.account.username, password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('staff need a TOTP code: the password alone opens no session, a wrong or replayed code is refused', async () => {
    await createPlatformUser(t, { username: 'staff.totp', kind: 'staff' });
    const first = await post('/api/v1/auth/login', { username: 'staff.totp', password: TEST_PASSWORD });
    expect(first.json()).toMatchObject({ stage: 'mfa' });
    const half = sessionCookie(first);
    expect((await get('/api/v1/me', half)).statusCode).toBe(401);
    expect((await post('/api/v1/auth/totp', { code: '000000' }, half)).json().code).toBe('TOTP_INVALID');
    t.clock.advance(30_000);
    const code = totpNow(t);
    expect((await post('/api/v1/auth/totp', { code }, half)).statusCode).toBe(200);
    expect((await get('/api/v1/me', half)).json()).toMatchObject({ username: 'staff.totp', kind: 'staff' });

    const again = await post('/api/v1/auth/login', { username: 'staff.totp', password: TEST_PASSWORD });
    const replay = await post('/api/v1/auth/totp', { code }, sessionCookie(again));
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('TOTP_INVALID');
  });

  it('a new staff account enrols its authenticator on first login', async () => {
    await t.built.identity.services.users.create(
      { username: 'staff.new', displayName: '新员工', kind: 'staff', regionCode: '150600', categories: [], password: TEST_PASSWORD },
      null,
      { kind: 'system' },
    );
    const res = await post('/api/v1/auth/login', { username: 'staff.new', password: TEST_PASSWORD });
    expect(res.json().stage).toBe('enrol');
    const { secret, otpauthUri } = res.json().enrolment;
    expect(otpauthUri).toContain('otpauth://totp/');
    t.clock.advance(30_000);
    const done = await post('/api/v1/auth/totp', { code: totpNow(t, secret) }, sessionCookie(res));
    expect(done.statusCode).toBe(200);
    const row = await t.database.db.selectFrom('identity.user_account').select('totp_enabled').where('username', '=', 'staff.new').executeTakeFirstOrThrow();
    expect(row.totp_enabled).toBe(true);
  });

  it('[F-12] one session per account: logging in again ends the earlier session', async () => {
    const body = registrationBody();
    await post('/api/v1/registrations', body);
    const first = await login(t, body.account.username);
    expect((await get('/api/v1/me', first)).statusCode).toBe(200);
    const second = await login(t, body.account.username);
    expect((await get('/api/v1/me', first)).statusCode).toBe(401);
    expect((await get('/api/v1/me', second)).statusCode).toBe(200);
    const live = await t.database.db
      .selectFrom('identity.session as s')
      .innerJoin('identity.user_account as u', 'u.id', 's.user_id')
      .select('s.revoked_reason')
      .where('u.username', '=', body.account.username)
      .execute();
    expect(live.filter((s) => s.revoked_reason === null)).toHaveLength(1);
    expect(live.some((s) => s.revoked_reason === 'superseded')).toBe(true);
  });

  it('logout and expiry end a session', async () => {
    const body = registrationBody();
    await post('/api/v1/registrations', body);
    const cookie = await login(t, body.account.username);
    await post('/api/v1/auth/logout', {}, cookie);
    expect((await get('/api/v1/me', cookie)).statusCode).toBe(401);
    const next = await login(t, body.account.username);
    t.clock.advance(13 * 3_600_000);
    expect((await get('/api/v1/me', next)).statusCode).toBe(401);
  });

  it('the session endpoint answers null for visitors and the user after login', async () => {
    expect((await get('/api/v1/session')).json()).toEqual({ user: null });
    const body = registrationBody();
    await post('/api/v1/registrations', body);
    const cookie = await login(t, body.account.username);
    expect((await get('/api/v1/session', cookie)).json().user).toMatchObject({ username: body.account.username });
  });

  it('staff look up the display names behind account ids', async () => {
    const staffUser = await createPlatformUser(t, { username: 'staff.names', kind: 'staff' });
    const cookie = await login(t, 'staff.names');
    const res = await get(`/api/v1/users/directory?ids=${staffUser.id}`, cookie);
    expect(res.json()).toEqual([{ id: staffUser.id, displayName: 'staff.names', kind: 'staff' }]);
    expect((await get('/api/v1/users/directory?ids=not-a-uuid', cookie)).statusCode).toBe(400);
  });
});
