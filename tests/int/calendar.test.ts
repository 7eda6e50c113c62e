import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let staff: string;
beforeAll(async () => {
  t = await createTestApp();
  await createPlatformUser(t, { username: 'staff.calendar', kind: 'staff' });
  staff = await login(t, 'staff.calendar');
});
afterAll(async () => t.close());

const workingDays = (from: string, days: number) =>
  t.built.app.inject({ method: 'GET', url: `/api/v1/calendar/working-days?from=${from}&days=${days}` });

// A fictional notice for 2027, entered the way staff enter the real one each November.
const notice2027 = {
  holidays: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
  workdays: ['2027-02-13'],
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
};

describe('working-day calendar over the API', () => {
  it('[B-004] a period ending on a public holiday ends on the next working day', async () => {
    const res = await workingDays('2025-01-10', 20);
    expect(res.json()).toMatchObject({ periodEnd: '2025-02-05' });
  });

  it('two working days after a request before a make-up Saturday counts that Saturday', async () => {
    const res = await workingDays('2025-10-10', 2);
    expect(res.json()).toMatchObject({ afterWorkingDays: '2025-10-13' });
  });

  it('a date in a year with no holiday data is refused, not treated as weekdays-only', async () => {
    const res = await workingDays('2027-01-29', 20);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'CALENDAR_YEAR_MISSING', details: { year: 2027 } });
  });

  it("staff enter next year's notice as data and dates in it become computable", async () => {
    const stored = await t.built.app.inject({ method: 'PUT', url: '/api/v1/calendar/years/2027', headers: { cookie: staff }, payload: notice2027 });
    expect(stored.statusCode).toBe(200);
    expect(stored.json()).toContainEqual({ year: 2027, source: 'staff' });
    const res = await workingDays('2027-02-05', 1);
    expect(res.json()).toMatchObject({ afterWorkingDays: '2027-02-13' });
    const audit = await t.database.db.selectFrom('platform.audit_event').select('action').where('target_id', '=', '2027').execute();
    expect(audit.map((a) => a.action)).toEqual(['catalog.holidayYear.stored']);
  });

  it('inconsistent holiday data is refused with the problems named', async () => {
    const res = await t.built.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2028',
      headers: { cookie: staff },
      payload: { holidays: ['2028-01-01', '2027-12-31'], workdays: ['2028-01-03'], source: '错误数据测试' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('CALENDAR_DATA_INVALID');
    expect(JSON.stringify(res.json().details.problems)).toContain('2027-12-31');
    expect((await workingDays('2028-03-01', 1)).statusCode).toBe(422);
  });

  it("one year's days as they are in force: the packaged year, a staff year with its notice, a missing year refused", async () => {
    const packaged = await t.built.app.inject({ method: 'GET', url: '/api/v1/calendar/years/2025' });
    expect(packaged.statusCode).toBe(200);
    expect(packaged.json()).toMatchObject({ year: 2025, source: 'package', notice: null, enteredAt: null });
    // 2025's Spring Festival: rest from 28 January to 4 February, Sunday 26 January worked.
    expect(packaged.json().holidays).toEqual(expect.arrayContaining(['2025-01-01', '2025-01-28', '2025-02-04']));
    expect(packaged.json().workdays).toContain('2025-01-26');
    const entered = await t.built.app.inject({ method: 'GET', url: '/api/v1/calendar/years/2027' });
    expect(entered.json()).toMatchObject({ year: 2027, source: 'staff', holidays: notice2027.holidays, workdays: notice2027.workdays, notice: notice2027.source });
    expect(Date.parse(entered.json().enteredAt)).toBeLessThanOrEqual(t.clock.now().getTime());
    const missing = await t.built.app.inject({ method: 'GET', url: '/api/v1/calendar/years/2031' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ code: 'CALENDAR_YEAR_MISSING', details: { year: 2031 } });
    expect((await t.built.app.inject({ method: 'GET', url: '/api/v1/calendar/years/1999' })).statusCode).toBe(400);
  });

  it('the stored year survives a restart', async () => {
    await t.built.calendar.reload();
    expect(t.built.calendar.years()).toContainEqual({ year: 2027, source: 'staff' });
  });
});
