import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_APPROVALS } from '../../apps/server/src/modules/exchange/index.ts';
import { loadConfig } from '../../apps/server/src/platform/config/config.ts';
import { modesFor, startServer } from '../../apps/server/src/server.ts';
import { registrationBody } from '../support/registration-fixtures.ts';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';

const REMOTE = '203.0.113.5';
const known = SANDBOX_APPROVALS[0]!.approvalCode;
const message = {
  messageId: '7c0a3f4e-3f4e-4c0a-8f4e-7c0a3f4e3f4e',
  kind: 'publication',
  subjectType: 'publication',
  subjectId: 'x',
  regionCode: null,
  contentSm3: '0'.repeat(64),
  content: '{}',
};
let t: TestApp;
let staff: string;
let bidder: string;

beforeAll(async () => {
  t = await createTestApp({ config: { exchangeSandbox: true } });
  await createPlatformUser(t, { username: 'sandbox.staff', kind: 'staff' });
  staff = await login(t, 'sandbox.staff');
  const body = registrationBody({ roles: ['bidder'] });
  await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body });
  bidder = await login(t, body.account.username);
});
afterAll(async () => t?.close());

const approval = (app: TestApp, headers: Record<string, string> = {}, remoteAddress?: string) =>
  app.built.app.inject({
    method: 'GET',
    url: `/sandbox/approval/v1/projects/${known}`,
    headers,
    ...(remoteAddress ? { remoteAddress } : {}),
  });
const platform = async (app: TestApp) =>
  (await app.built.app.inject({ method: 'GET', url: '/api/v1/platform' })).json() as { sandboxes: string[] };

describe('sandbox stand-ins (decision 0018)', () => {
  it('the demo turns them on, production leaves them off; SANDBOX=on|off decides over both', () => {
    const production = loadConfig({ NODE_ENV: 'production' });
    expect(modesFor(production, false)).toEqual({ exchangeSandbox: false, timeTrust: 'strict' });
    expect(modesFor(production, true)).toEqual({ exchangeSandbox: true, timeTrust: 'lenient' });
    expect(modesFor(loadConfig({ SANDBOX: 'on' }), false).exchangeSandbox).toBe(true);
    expect(modesFor(loadConfig({ SANDBOX: 'off' }), true).exchangeSandbox).toBe(false);
    expect(modesFor(loadConfig({ EXCHANGE_SANDBOX: 'on' }), false).exchangeSandbox).toBe(true);
    expect(modesFor(loadConfig({ TIME_TRUST: 'strict' }), true).timeTrust).toBe('strict');
  });

  it('a server started with a production configuration (no demo) answers /sandbox with 404 and tells the portal it runs against no sandbox', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bidhall-prod-'));
    // With the web app served, an unknown path gets its shell: the sandbox paths must not.
    const webDist = join(dataDir, 'web');
    mkdirSync(webDist);
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>bidhall</title>');
    const server = await startServer(
      loadConfig({
        NODE_ENV: 'production',
        DATA_DIR: dataDir,
        WEB_DIST: webDist,
        HOST: '127.0.0.1',
        PORT: '0',
        JOBS: 'off',
        LOG_LEVEL: 'silent',
        NTP_SERVERS: '',
      }),
    );
    try {
      for (const path of [
        `/sandbox/approval/v1/projects/${known}`,
        '/sandbox/public-service/v1/messages',
        '/sandbox/designated-media/v1/messages',
        '/sandbox/bank/statements?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z',
      ]) {
        expect((await fetch(server.url + path)).status, path).toBe(404);
      }
      expect(await (await fetch(`${server.url}/api/v1/platform`)).json()).toMatchObject({ sandboxes: [] });
      expect((await fetch(`${server.url}/notices`)).status).toBe(200);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('when on, they answer loopback callers (the platform itself) and signed-in staff; a remote caller gets 401, a remote bidder 403', async () => {
    expect((await approval(t)).statusCode).toBe(200);
    expect((await approval(t, {}, REMOTE)).json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await approval(t, {}, REMOTE)).statusCode).toBe(401);
    expect((await approval(t, { cookie: bidder }, REMOTE)).statusCode).toBe(403);
    expect((await approval(t, { cookie: staff }, REMOTE)).statusCode).toBe(200);

    const post = (remoteAddress: string, cookie?: string) =>
      t.built.app.inject({
        method: 'POST',
        url: '/sandbox/public-service/v1/messages',
        payload: message,
        remoteAddress,
        ...(cookie ? { headers: { cookie } } : {}),
      });
    expect((await post(REMOTE)).statusCode).toBe(401);
    const read = await t.built.app.inject({ method: 'GET', url: '/sandbox/designated-media/v1/messages', remoteAddress: REMOTE });
    expect(read.statusCode).toBe(401);
    const failures = await t.built.app.inject({
      method: 'POST',
      url: '/sandbox/public-service/v1/failures',
      payload: { failNext: 1 },
      remoteAddress: REMOTE,
      headers: { cookie: bidder },
    });
    expect(failures.statusCode).toBe(403);
  });

  it('a request a proxy forwarded is not a loopback caller, even when the proxy runs on this host', async () => {
    expect((await approval(t, { 'x-forwarded-for': '127.0.0.1' })).statusCode).toBe(401);
    expect((await approval(t, { forwarded: 'for=127.0.0.1' })).statusCode).toBe(401);
    expect((await approval(t, { 'x-forwarded-for': REMOTE, cookie: staff })).statusCode).toBe(200);
  });

  it("the platform's own adapters still reach them in-process: the approval lookup finds a sandbox project", async () => {
    expect(await t.built.approvals.lookup(known)).toMatchObject({ approvalCode: known });
  });

  it('the portal reads which outside systems are sandboxes from /api/v1/platform: all of them (the bank too), those without a configured URL, or none when off', async () => {
    expect((await platform(t)).sandboxes).toEqual(['approval', 'publicService', 'designatedMedia', 'supervision', 'bank']);
    const partly = await createTestApp({
      database: t.database,
      config: { exchangeSandbox: true, approvalServiceUrl: 'https://approval.example.cn/api/v1' },
    });
    const off = await createTestApp({ database: t.database, config: { exchangeSandbox: false } });
    try {
      expect((await platform(partly)).sandboxes).toEqual(['publicService', 'designatedMedia', 'supervision', 'bank']);
      expect((await platform(off)).sandboxes).toEqual([]);
      expect((await approval(off)).statusCode).toBe(404);
    } finally {
      await partly.close();
      await off.close();
    }
  });
});
