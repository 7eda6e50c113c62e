import { isValidCreditCode } from '@bidhall/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_APPROVALS } from '../../apps/server/src/modules/exchange/index.ts';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let staff: string;
beforeAll(async () => {
  t = await createTestApp();
  await createPlatformUser(t, { username: 'exchange.staff', kind: 'staff' });
  staff = await login(t, 'exchange.staff');
});
afterAll(async () => t.close());

const DEMO_TENDERER = '鄂尔多斯市示范城建投资有限公司';

describe('investment approval platform adapter', () => {
  it('finds a project by its approval code through the sandbox approval service', async () => {
    const record = await t.built.approvals.lookup('2026-150602-48-01-000123');
    expect(record).toMatchObject({
      approvalCode: '2026-150602-48-01-000123',
      regionCode: '150602',
      kind: 'works',
      owner: { name: DEMO_TENDERER },
    });
    expect(record!.investmentFen).toMatch(/^\d+$/);
    expect(isValidCreditCode(record!.owner.creditCode)).toBe(true);
    // The same lookup over the API, as the one entry form uses it.
    const res = await t.built.app.inject({ method: 'GET', url: '/api/v1/exchange/approvals/2026-150602-48-01-000123', headers: { cookie: staff } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(record);
  });

  it('an unknown code is null (404 over the API); a malformed one is APPROVAL_CODE_INVALID', async () => {
    expect(await t.built.approvals.lookup('2026-150602-48-01-999999')).toBeNull();
    const unknown = await t.built.app.inject({ method: 'GET', url: '/api/v1/exchange/approvals/2026-150602-48-01-999999', headers: { cookie: staff } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('APPROVAL_NOT_FOUND');
    await expect(t.built.approvals.lookup('2026-15060-48-01-000123')).rejects.toMatchObject({ code: 'APPROVAL_CODE_INVALID' });
    const bad = await t.built.app.inject({ method: 'GET', url: '/api/v1/exchange/approvals/not-a-code', headers: { cookie: staff } });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({ code: 'APPROVAL_CODE_INVALID' });
  });

  it('the sandbox dataset is realistic: valid codes, Ordos regions, valid credit codes, the demo tenderer', () => {
    expect(SANDBOX_APPROVALS.length).toBeGreaterThanOrEqual(10);
    for (const r of SANDBOX_APPROVALS) {
      expect(r.approvalCode).toMatch(/^20\d{2}-1506\d{2}-\d{2}-0[1-3]-\d{6}$/);
      expect(r.approvalCode.split('-')[1]).toBe(r.regionCode);
      expect(isValidCreditCode(r.owner.creditCode)).toBe(true);
    }
    expect(SANDBOX_APPROVALS.filter((r) => r.owner.name === DEMO_TENDERER).length).toBeGreaterThanOrEqual(1);
    expect(new Set(SANDBOX_APPROVALS.map((r) => r.approvalCode)).size).toBe(SANDBOX_APPROVALS.length);
  });

  it('an unreachable approval platform is EXCHANGE_UNAVAILABLE (503), not a missing project', async () => {
    const offline = await createTestApp({ database: t.database, config: { approvalServiceUrl: 'http://127.0.0.1:9/approval/v1' } });
    try {
      await expect(offline.built.approvals.lookup('2026-150602-48-01-000123')).rejects.toMatchObject({ code: 'EXCHANGE_UNAVAILABLE' });
      await createPlatformUser(offline, { username: 'exchange.staff2', kind: 'staff' });
      const cookie = await login(offline, 'exchange.staff2');
      const res = await offline.built.app.inject({ method: 'GET', url: '/api/v1/exchange/approvals/2026-150602-48-01-000123', headers: { cookie } });
      expect(res.statusCode).toBe(503);
      expect(res.json().code).toBe('EXCHANGE_UNAVAILABLE');
    } finally {
      await offline.close();
    }
  });

  it('without sandbox and without a URL there is no approval platform: EXCHANGE_UNAVAILABLE', async () => {
    const none = await createTestApp({ database: t.database, config: { exchangeSandbox: false } });
    try {
      await expect(none.built.approvals.lookup('2026-150602-48-01-000123')).rejects.toMatchObject({ code: 'EXCHANGE_UNAVAILABLE' });
      const sandboxRoute = await none.built.app.inject({ method: 'GET', url: '/sandbox/approval/v1/projects/2026-150602-48-01-000123' });
      expect(sandboxRoute.statusCode).toBe(404);
    } finally {
      await none.close();
    }
  });
});
