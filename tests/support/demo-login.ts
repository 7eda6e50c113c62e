/**
 * `demoLogin(t, username)`: a demo account's session cookie through the API, the way a person logs in —
 * password, then (for staff and experts) the demo's TOTP code, the test clock moved past the last code.
 * `t` is a test app, or a browser test's running server with its shifted clock.
 */
import { expect } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../apps/server/src/demo/demo-data.ts';
import { totpNow, type TestApp } from './test-app.ts';

export interface LoginTarget {
  built: { app: TestApp['built']['app'] };
  clock: { now(): Date; advance(ms: number): void };
}

export async function demoLogin(t: LoginTarget, username: string): Promise<string> {
  const res = await t.built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
  expect(res.statusCode, `${username}: ${res.body}`).toBe(200);
  const cookie = `bh_session=${res.cookies.find((x) => x.name === 'bh_session')!.value}`;
  if (res.json().stage !== 'active') {
    t.clock.advance(30_000);
    const second = await t.built.app.inject({ method: 'POST', url: '/api/v1/auth/totp', headers: { cookie }, payload: { code: totpNow(t, DEMO_TOTP_SECRET) } });
    expect(second.statusCode, `${username} TOTP: ${second.body}`).toBe(200);
  }
  return cookie;
}
