import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';
import { lawfulTimetable, registeredSection } from '../support/tendering-fixtures.ts';

let t: TestApp;
let auditor: string;
beforeAll(async () => {
  t = await createTestApp();
  await createPlatformUser(t, { username: 'dates.auditor', kind: 'auditor', regionCode: '150600' });
  auditor = await login(t, 'dates.auditor');
});
afterAll(async () => t.close());

const get = (url: string, cookie?: string) => t.built.app.inject({ method: 'GET', url, ...(cookie ? { headers: { cookie } } : {}) });

function expectCode(res: { statusCode: number; body: string; json(): unknown }, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect((res.json() as { code: string }).code).toBe(code);
}

describe('every date and count a route takes is bounded', () => {
  it('working days from the last day of year 9999 are refused as input, not thrown as a RangeError', async () => {
    expectCode(await get('/api/v1/calendar/working-days?from=9999-12-31&days=366'), 400, 'VALIDATION_FAILED');
    expectCode(await get('/api/v1/calendar/working-days?from=0001-01-01&days=1'), 400, 'VALIDATION_FAILED');
    expectCode(await get('/api/v1/calendar/working-days?from=2026-03-02&days=367'), 400, 'VALIDATION_FAILED');
  });

  it('the edge of the span is arithmetic the calendar answers: a year without holiday data is named', async () => {
    expectCode(await get('/api/v1/calendar/working-days?from=2199-12-31&days=366'), 422, 'CALENDAR_YEAR_MISSING');
    expect((await get('/api/v1/calendar/working-days?from=2026-03-02&days=10')).statusCode).toBe(200);
  });

  it('the public notice list takes dates and instants of the span only', async () => {
    expectCode(await get('/api/v1/public/notices?from=9999-12-31'), 400, 'VALIDATION_FAILED');
    expectCode(await get('/api/v1/public/notices?to=0000-01-01T00:00:00Z'), 400, 'VALIDATION_FAILED');
    expect((await get('/api/v1/public/notices?from=2026-01-01&to=2026-12-31T23:59:59%2B08:00')).statusCode).toBe(200);
  });

  it('the audit trail refuses year 0, which the database cannot hold, instead of failing on it', async () => {
    expectCode(await get('/api/v1/audit-events?from=0000-01-01T00:00:00Z', auditor), 400, 'VALIDATION_FAILED');
    expect((await get('/api/v1/audit-events?from=2026-01-01T00:00:00Z', auditor)).statusCode).toBe(200);
  });

  it('a timetable instant in year 9999 is refused before any deadline is computed from it; a list offset has a ceiling too', async () => {
    const r = await registeredSection(t);
    expectCode(await get('/api/v1/notices?offset=100001', r.managerCookie), 400, 'VALIDATION_FAILED');
    expect((await get('/api/v1/notices?offset=100000', r.managerCookie)).statusCode).toBe(200);
    const res = await t.built.app.inject({
      method: 'PUT',
      url: `/api/v1/sections/${r.sectionId}/timetable`,
      headers: { cookie: r.managerCookie },
      payload: { ...lawfulTimetable(t), bidDeadline: '9999-12-31T09:30:00+08:00' },
    });
    expectCode(res, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(res.json())).toContain('bidDeadline');
  });
});
