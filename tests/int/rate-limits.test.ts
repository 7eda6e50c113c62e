import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_WRITE, RATE_LIMITS, UNLIMITED_PREFIXES } from '../../apps/server/src/platform/http/rate-limit.ts';
import { createTestApp, login, type TestApp } from '../support/test-app.ts';
import { registrationBody } from '../support/registration-fixtures.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

type Method = 'GET' | 'POST';
const hit = (app: TestApp, method: Method, url: string, opts: { ip?: string; cookie?: string; payload?: object } = {}) =>
  app.built.app.inject({
    method,
    url,
    ...(method === 'POST' ? { payload: opts.payload ?? {} } : {}),
    headers: opts.cookie ? { cookie: opts.cookie } : {},
    remoteAddress: opts.ip ?? '10.20.0.1',
  });

async function until429(app: TestApp, method: Method, url: string, max: number, opts: Parameters<typeof hit>[3] = {}) {
  for (let i = 0; i < max; i++) {
    const res = await hit(app, method, url, opts);
    expect(res.statusCode, `${method} ${url} #${i + 1}: ${res.body}`).not.toBe(429);
  }
  return hit(app, method, url, opts);
}

function expectLimited(res: Awaited<ReturnType<typeof hit>>) {
  expect(res.statusCode).toBe(429);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json().code).toBe('RATE_LIMITED');
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
}

describe('per-client rate limits, counted in memory', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Challenge bounds out of the way: here only the rate limit refuses.
    t = await createTestApp({ config: { rateLimitScale: 1, certificateChallengeBounds: { perClient: 1000, total: 100_000 } } });
  });
  afterAll(async () => t.close());

  it('password and TOTP login answer 429 problem+json with Retry-After past their limit, for that client only', async () => {
    const login = RATE_LIMITS['POST /api/v1/auth/login']!;
    const res = await until429(t, 'POST', '/api/v1/auth/login', login.max, { ip: '10.20.1.1', payload: { username: 'nobody.rl', password: 'x-wrong-1' } });
    expectLimited(res);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(login.windowSeconds);
    // Another client is not held back by it.
    expect((await hit(t, 'POST', '/api/v1/auth/login', { ip: '10.20.1.2', payload: { username: 'nobody.rl', password: 'x-wrong-1' } })).statusCode).toBe(401);

    expectLimited(await until429(t, 'POST', '/api/v1/auth/totp', RATE_LIMITS['POST /api/v1/auth/totp']!.max, { ip: '10.20.1.3', payload: { code: '123456' } }));
  });

  it('the certificate challenge and registration are limited per client', async () => {
    expectLimited(await until429(t, 'POST', '/api/v1/auth/certificate/challenge', RATE_LIMITS['POST /api/v1/auth/certificate/challenge']!.max, { ip: '10.20.2.1' }));
    expectLimited(await until429(t, 'POST', '/api/v1/auth/certificate/login', RATE_LIMITS['POST /api/v1/auth/certificate/login']!.max, { ip: '10.20.2.1' }));
    expectLimited(await until429(t, 'POST', '/api/v1/registrations', RATE_LIMITS['POST /api/v1/registrations']!.max, { ip: '10.20.2.2' }));
  });

  it('a public search is limited, the plain notice list is not', async () => {
    const search = RATE_LIMITS['GET /api/v1/public/notices']!;
    for (let i = 0; i < search.max + 5; i++) expect((await hit(t, 'GET', '/api/v1/public/notices', { ip: '10.20.3.1' })).statusCode).toBe(200);
    expectLimited(await until429(t, 'GET', '/api/v1/public/notices?q=%E9%81%93%E8%B7%AF', search.max, { ip: '10.20.3.1' }));
  });

  it('downloads are limited per account', async () => {
    const body = registrationBody({ roles: ['bidder'] });
    expect((await hit(t, 'POST', '/api/v1/registrations', { ip: '10.20.4.9', payload: body })).statusCode).toBe(201);
    const cookie = await login(t, body.account.username);
    const other = registrationBody({ roles: ['bidder'] });
    expect((await hit(t, 'POST', '/api/v1/registrations', { ip: '10.20.4.9', payload: other })).statusCode).toBe(201);
    const otherCookie = await login(t, other.account.username);
    const max = RATE_LIMITS['GET /api/v1/tender-documents/:id/download']!.max;
    expectLimited(await until429(t, 'GET', `/api/v1/tender-documents/${randomUUID()}/download`, max, { cookie, ip: '10.20.4.1' }));
    // The same office address, another account.
    expect((await hit(t, 'GET', `/api/v1/tender-documents/${randomUUID()}/download`, { cookie: otherCookie, ip: '10.20.4.1' })).statusCode).not.toBe(429);
  });

  it('every anonymous write route has a limit: from the table, or the default one', async () => {
    const anonymousWrites = t.built.routes.filter(
      (r) => r.access && 'public' in r.access && !['GET', 'HEAD', 'OPTIONS'].includes(r.method) && !Object.keys(UNLIMITED_PREFIXES).some((p) => r.url.startsWith(p)),
    );
    expect(anonymousWrites.length).toBeGreaterThan(4);
    const unlisted = anonymousWrites.filter((r) => !RATE_LIMITS[`${r.method} ${r.url}`]);
    for (const [i, route] of unlisted.entries()) {
      const url = route.url.replace(/:(\w+)/g, () => randomUUID());
      expectLimited(await until429(t, route.method as Method, url, ANONYMOUS_WRITE.max, { ip: `10.20.5.${i + 1}` }));
    }
  });
});

describe('per-client rate limits, counted in Redis (REDIS_URL)', () => {
  const nameSpace = `bidhall-test-${randomUUID()}:`;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp({ config: { rateLimitScale: 1, redisUrl: REDIS_URL }, rateLimitNamespace: nameSpace });
    b = await createTestApp({ database: a.database, config: { rateLimitScale: 1, redisUrl: REDIS_URL }, rateLimitNamespace: nameSpace });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${nameSpace}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('two server processes share one count: what one has let through counts at the other', async () => {
    const max = RATE_LIMITS['POST /api/v1/auth/login']!.max;
    const half = Math.floor(max / 2);
    const payload = { username: 'nobody.redis', password: 'x-wrong-1' };
    for (let i = 0; i < half; i++) expect((await hit(a, 'POST', '/api/v1/auth/login', { ip: '10.30.0.1', payload })).statusCode).not.toBe(429);
    expectLimited(await until429(b, 'POST', '/api/v1/auth/login', max - half, { ip: '10.30.0.1', payload }));
    const redis = new Redis(REDIS_URL);
    try {
      expect((await redis.keys(`${nameSpace}*`)).length).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });
});
