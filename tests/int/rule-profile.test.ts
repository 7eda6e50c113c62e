import type { TimetableInput } from '@bidhall/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredSection } from '../support/tendering-fixtures.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// The platform judges timetables by the law in force (MOF Order 87: a government procurement
// prequalification notice runs 5 working days) unless RULE_PROFILE selects CTS-EBS01-2016's figures
// (B-040: 7 working days). Two apps on one database: one per profile (decision 0017).
let statutory: TestApp;
let cts: TestApp;

beforeAll(async () => {
  statutory = await createTestApp();
  cts = await createTestApp({ database: statutory.database, config: { ruleProfile: 'cts-ebs01-2016' } });
});
afterAll(async () => {
  await cts?.close();
  await statutory?.close();
});

// The clock stands at Monday 2026-03-02; the notice opens on Tuesday 03-03. Working days after it:
// 03-04, 05, 06, 09, 10 (the 5th), 11, 12 (the 7th).
const notice = (end: string): TimetableInput => ({
  prequalificationNoticeStart: '2026-03-03T09:00:00+08:00',
  prequalificationNoticeEnd: `${end}T17:00:00+08:00`,
});

async function governmentServicesSection(t: TestApp) {
  return registeredSection(t, {
    kind: 'governmentServices',
    category: 'governmentProcurement',
    method: 'invitation',
    mandatory: false,
  });
}

async function putTimetable(t: TestApp, sectionId: string, cookie: string, timetable: TimetableInput) {
  return t.built.app.inject({
    method: 'PUT',
    url: `/api/v1/sections/${sectionId}/timetable`,
    payload: timetable,
    headers: { cookie },
  });
}

describe('statutory periods by rule profile', () => {
  it('by default a government procurement prequalification notice of 5 working days is lawful (MOF Order 87)', async () => {
    const r = await governmentServicesSection(statutory);
    const short = await putTimetable(statutory, r.sectionId, r.managerCookie, notice('2026-03-09'));
    expect(short.statusCode).toBe(422);
    expect(short.json()).toMatchObject({
      code: 'TIMETABLE_UNLAWFUL',
      details: {
        violations: [
          {
            code: 'GP_PREQUALIFICATION_NOTICE_MIN',
            source: '政府采购货物和服务招标投标管理办法（财政部令第87号）第16条',
            earliest: { date: '2026-03-10' },
          },
        ],
      },
    });
    const five = await putTimetable(statutory, r.sectionId, r.managerCookie, notice('2026-03-10'));
    expect(five.statusCode, five.body).toBe(200);
  });

  it("[B-040] a platform run with RULE_PROFILE=cts-ebs01-2016 requires the standard's 7 working days", async () => {
    const r = await governmentServicesSection(cts);
    const five = await putTimetable(cts, r.sectionId, r.managerCookie, notice('2026-03-10'));
    expect(five.statusCode).toBe(422);
    expect(five.json()).toMatchObject({
      code: 'TIMETABLE_UNLAWFUL',
      details: {
        violations: [
          {
            code: 'GP_PREQUALIFICATION_NOTICE_MIN',
            source: 'CTS-EBS01-2016 B-040',
            refs: ['B-040'],
            fields: ['prequalificationNoticeStart', 'prequalificationNoticeEnd'],
            earliest: { field: 'prequalificationNoticeEnd', date: '2026-03-12' },
          },
        ],
      },
    });
    expect(five.json().detail).toContain('7 working days');
    const seven = await putTimetable(cts, r.sectionId, r.managerCookie, notice('2026-03-12'));
    expect(seven.statusCode, seven.body).toBe(200);
    expect(seven.json().timetable.prequalificationNoticeEnd).toBe(new Date('2026-03-12T17:00:00+08:00').toISOString());
  });
});
