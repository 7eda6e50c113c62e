import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformUser, createTestApp, login, TEST_PASSWORD, TEST_TOTP_SECRET, totpNow, type TestApp } from '../support/test-app.ts';
import { registrationBody } from '../support/registration-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const OWNER = '10.1.1.1';
const ATTACKER = '10.9.9.9';

const post = (url: string, payload: object, opts: { cookie?: string; ip?: string; headers?: Record<string, string> } = {}) =>
  t.built.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { ...(opts.cookie ? { cookie: opts.cookie } : {}), ...opts.headers },
    ...(opts.ip ? { remoteAddress: opts.ip } : {}),
  });
const me = (cookie: string) => t.built.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
const sessionCookie = (res: { cookies: { name: string; value: string }[] }) =>
  `bh_session=${res.cookies.find((c) => c.name === 'bh_session')?.value}`;
const passwordLogin = (username: string, password: string, ip?: string) => post('/api/v1/auth/login', { username, password }, { ip });

/** A six-digit code that none of the steps around now accepts. */
function wrongCode(): string {
  const epoch = Math.floor(t.clock.now().getTime() / 1000);
  const valid = new Set([-30, 0, 30].map((d) => generateSync({ secret: TEST_TOTP_SECRET, epoch: epoch + d })));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

async function registeredUsername(): Promise<string> {
  const body = registrationBody();
  expect((await post('/api/v1/registrations', body)).statusCode).toBe(201);
  return body.account.username;
}

describe('TOTP guessing', () => {
  it('after 5 wrong codes the account waits, longer each time, and a right code is refused meanwhile', async () => {
    await createPlatformUser(t, { username: 'staff.guess', kind: 'staff' });
    const first = await passwordLogin('staff.guess', TEST_PASSWORD);
    const half = sessionCookie(first);
    t.clock.advance(30_000);
    const answers = [];
    for (let i = 0; i < 30; i++) answers.push(await post('/api/v1/auth/totp', { code: wrongCode() }, { cookie: half }));
    expect(answers.slice(0, 5).map((a) => a.json().code)).toEqual(Array(5).fill('TOTP_INVALID'));
    expect(answers.slice(5).every((a) => a.statusCode === 423 && a.json().code === 'TOTP_LOCKED')).toBe(true);
    expect(Number(answers[5]!.headers['retry-after'])).toBe(60);

    // The right code is refused while the account waits.
    const right = await post('/api/v1/auth/totp', { code: totpNow(t) }, { cookie: half });
    expect(right.statusCode).toBe(423);
    expect((await me(half)).statusCode).toBe(401);

    // A new password step does not reset the count: it is the account's.
    const again = sessionCookie(await passwordLogin('staff.guess', TEST_PASSWORD));
    expect((await post('/api/v1/auth/totp', { code: totpNow(t) }, { cookie: again })).json().code).toBe('TOTP_LOCKED');

    // The next wait is twice as long.
    t.clock.advance(61_000);
    for (let i = 0; i < 5; i++) await post('/api/v1/auth/totp', { code: wrongCode() }, { cookie: again });
    const second = await post('/api/v1/auth/totp', { code: totpNow(t) }, { cookie: again });
    expect(second.json().code).toBe('TOTP_LOCKED');
    expect(Number(second.headers['retry-after'])).toBe(120);

    t.clock.advance(121_000);
    expect((await post('/api/v1/auth/totp', { code: totpNow(t) }, { cookie: again })).statusCode).toBe(200);
    expect((await me(again)).statusCode).toBe(200);
  });

  it('a time step is accepted once, even by two requests at the same instant', async () => {
    await createPlatformUser(t, { username: 'staff.race', kind: 'staff' });
    const half = sessionCookie(await passwordLogin('staff.race', TEST_PASSWORD));
    t.clock.advance(30_000);
    const code = totpNow(t);
    const answers = await Promise.all([1, 2, 3].map(() => post('/api/v1/auth/totp', { code }, { cookie: half })));
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
    // And once only: a later login cannot use it either.
    const later = sessionCookie(await passwordLogin('staff.race', TEST_PASSWORD));
    expect((await post('/api/v1/auth/totp', { code }, { cookie: later })).json().code).toBe('TOTP_INVALID');
  });
});

describe('a password step and the live session', () => {
  it('[F-12] a password alone ends no session: only a completed login replaces the live one', async () => {
    await createPlatformUser(t, { username: 'staff.holder', kind: 'staff' });
    const live = await login(t, 'staff.holder');
    expect((await me(live)).statusCode).toBe(200);

    // Someone with the password but not the authenticator, twice.
    const intruder = await passwordLogin('staff.holder', TEST_PASSWORD, ATTACKER);
    expect(intruder.json().stage).toBe('mfa');
    await passwordLogin('staff.holder', TEST_PASSWORD, ATTACKER);
    expect((await me(live)).statusCode).toBe(200);

    // The holder logs in again on another device: that completed login is the one session.
    const next = await login(t, 'staff.holder');
    expect((await me(live)).statusCode).toBe(401);
    expect((await me(next)).statusCode).toBe(200);
    const rows = await t.database.db
      .selectFrom('identity.session as s')
      .innerJoin('identity.user_account as u', 'u.id', 's.user_id')
      .select(['s.stage', 's.revoked_at'])
      .where('u.username', '=', 'staff.holder')
      .execute();
    expect(rows.filter((r) => r.revoked_at === null)).toEqual([{ stage: 'active', revoked_at: null }]);
  });
});

describe('password lockout', () => {
  it('failures lock the account for the address they came from only, with a growing wait', async () => {
    const username = await registeredUsername();
    for (let i = 0; i < 5; i++) expect((await passwordLogin(username, 'wrong-password-1', ATTACKER)).statusCode).toBe(401);
    const locked = await passwordLogin(username, TEST_PASSWORD, ATTACKER);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBe(300);

    // The holder, elsewhere, is not locked out.
    expect((await passwordLogin(username, TEST_PASSWORD, OWNER)).statusCode).toBe(200);

    // After the wait, five more failures earn twice the wait.
    t.clock.advance(301_000);
    for (let i = 0; i < 5; i++) await passwordLogin(username, 'wrong-password-1', ATTACKER);
    const again = await passwordLogin(username, TEST_PASSWORD, ATTACKER);
    expect(again.json().code).toBe('ACCOUNT_LOCKED');
    expect(Number(again.headers['retry-after'])).toBe(600);
    t.clock.advance(601_000);
    expect((await passwordLogin(username, TEST_PASSWORD, ATTACKER)).statusCode).toBe(200);
  });

  it('an unknown username is answered exactly as a known one with a wrong password, lockout included', async () => {
    const known = await registeredUsername();
    const unknown = 'nobody.here.at.all';
    const answers = { known: [] as { status: number; code: string }[], unknown: [] as { status: number; code: string }[] };
    for (let i = 0; i < 6; i++) {
      for (const [who, name] of [['known', known], ['unknown', unknown]] as const) {
        const res = await passwordLogin(name, 'wrong-password-1', '10.2.2.2');
        answers[who].push({ status: res.statusCode, code: res.json().code });
      }
    }
    expect(answers.unknown).toEqual(answers.known);
    expect(answers.known.at(-1)).toEqual({ status: 423, code: 'ACCOUNT_LOCKED' });
    // The public log's entries do not name the account either.
    const failures = await t.database.db
      .selectFrom('platform.audit_event')
      .select(['target_type', 'target_id'])
      .where('action', 'in', ['identity.login.failed', 'identity.login.locked'])
      .where('ip', '=', '10.2.2.2')
      .execute();
    expect(new Set(failures.map((f) => `${f.target_type}/${f.target_id}`))).toEqual(new Set(['login/password']));
  });

  it('an unknown username costs as long as a wrong password (a password hash either way)', async () => {
    const known = await registeredUsername();
    const time = async (username: string) => {
      const started = performance.now();
      await passwordLogin(username, 'wrong-password-2', `10.3.3.${username.length}`);
      return performance.now() - started;
    };
    let knownMs = 0;
    let unknownMs = 0;
    for (let i = 0; i < 3; i++) {
      knownMs += await time(known);
      unknownMs += await time('nobody.timing.x');
    }
    expect(unknownMs).toBeGreaterThan(knownMs * 0.5);
  });
});

describe('the audited client address', () => {
  const failedFrom = async (app: TestApp, username: string) => {
    await app.built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: 'wrong-password-1' },
      headers: { 'x-forwarded-for': '203.0.113.7' },
    });
    const row = await app.database.db
      .selectFrom('platform.audit_event')
      .select('ip')
      .where('action', '=', 'identity.login.failed')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    return row.ip;
  };

  it('X-Forwarded-For is ignored unless the connection comes from a trusted proxy', async () => {
    const username = await registeredUsername();
    expect(await failedFrom(t, username)).toBe('127.0.0.1');
    const behindProxy = await createTestApp({ database: t.database, config: { trustProxy: ['127.0.0.1'] } });
    try {
      expect(await failedFrom(behindProxy, username)).toBe('203.0.113.7');
    } finally {
      await behindProxy.close();
    }
  });
});
