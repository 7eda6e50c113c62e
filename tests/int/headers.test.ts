import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformUser, createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let webDist: string;

beforeAll(async () => {
  webDist = mkdtempSync(join(tmpdir(), 'bidhall-web-'));
  writeFileSync(
    join(webDist, 'index.html'),
    '<!doctype html><title>bidhall</title><div id="root"></div><script type="module" src="/assets/main.js"></script>',
  );
  t = await createTestApp({ config: { webDist } });
  await createPlatformUser(t, { username: 'headers.staff', kind: 'staff' });
});
afterAll(async () => {
  await t?.close();
  rmSync(webDist, { recursive: true, force: true });
});

type Headers = Record<string, string | string[] | number | undefined>;
const get = (app: TestApp, url: string, headers: Record<string, string> = {}) =>
  app.built.app.inject({ method: 'GET', url, headers });
const directives = (h: Headers) =>
  new Map(
    String(h['content-security-policy'])
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
/** The session cookie's attributes, as the browser receives them. */
const sessionCookie = (h: Headers) => [h['set-cookie']].flat().find((c) => String(c).startsWith('bh_session='));
const loginHeaders = async (app: TestApp, headers: Record<string, string> = {}) =>
  (
    await app.built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers,
      payload: { username: 'headers.staff', password: TEST_PASSWORD },
    })
  ).headers;

describe('security headers (decision 0018)', () => {
  it('the web app shell, API answers and problems carry a CSP without inline script, frame-ancestors none, nosniff and a referrer policy', async () => {
    const responses = [
      await get(t, '/'),
      await get(t, '/notices/some-page'),
      await get(t, '/api/v1/health'),
      await get(t, '/api/v1/no-such-route'),
      await get(t, '/api/v1/me'),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 404, 401]);
    for (const r of responses) {
      const csp = directives(r.headers);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('script-src-attr')).toEqual(["'none'"]);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('same-origin');
    }
  });

  it('over plain HTTP there is no HSTS and the session cookie is not Secure (a browser would drop it); a forged X-Forwarded-Proto from an untrusted peer changes nothing', async () => {
    for (const headers of [{}, { 'x-forwarded-proto': 'https' }] as Record<string, string>[]) {
      const h = await loginHeaders(t, headers);
      expect(h['strict-transport-security']).toBeUndefined();
      expect(sessionCookie(h)).toMatch(/HttpOnly/);
      expect(sessionCookie(h)).not.toMatch(/Secure/);
      expect((await get(t, '/api/v1/health', headers)).headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('behind a trusted TLS proxy (X-Forwarded-Proto: https) every answer has HSTS and the session cookie is Secure; the same proxy forwarding plain HTTP gets neither', async () => {
    const proxied = await createTestApp({ database: t.database, config: { trustProxy: ['127.0.0.1'] } });
    try {
      const tls = await loginHeaders(proxied, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' });
      expect(tls['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(sessionCookie(tls)).toMatch(/; Secure/);
      expect(sessionCookie(tls)).toMatch(/SameSite=Strict/);
      expect(
        (await get(proxied, '/api/v1/no-such-route', { 'x-forwarded-proto': 'https' })).headers['strict-transport-security'],
      ).toMatch(/^max-age=/);
      const plain = await loginHeaders(proxied, { 'x-forwarded-proto': 'http' });
      expect(plain['strict-transport-security']).toBeUndefined();
      expect(sessionCookie(plain)).not.toMatch(/Secure/);
    } finally {
      await proxied.close();
    }
  });

  it('an https PUBLIC_BASE_URL or COOKIE_SECURE=true says the platform is only reached over TLS: HSTS and Secure on every answer', async () => {
    for (const config of [{ publicBaseUrl: 'https://ggzy.example.cn' }, { cookieSecure: true }]) {
      const app = await createTestApp({ database: t.database, config });
      try {
        const h = await loginHeaders(app);
        expect(h['strict-transport-security']).toMatch(/^max-age=31536000/);
        expect(sessionCookie(h)).toMatch(/; Secure/);
      } finally {
        await app.close();
      }
    }
  });
});
