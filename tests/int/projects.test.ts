import type { EntryFormView, SectionDetail, TenderingPlanList, TenderingPlanView } from '@bidhall/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_APPROVALS } from '../../apps/server/src/modules/exchange/index.ts';
import { systemActor } from '../../apps/server/src/platform/audit/audit-trail.ts';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';
import { registrationBody } from '../support/registration-fixtures.ts';
import { entryFormBody, lawfulTimetable, registeredSection, setTimetable, uniqueApprovalCode } from '../support/tendering-fixtures.ts';

let t: TestApp;
let staffCookie: string;
let otherRegionStaffCookie: string;
// Monday 2 March 2026, 10:00 Shanghai.
beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-02T02:00:00Z' });
  await createPlatformUser(t, { username: 'proj.staff', kind: 'staff', regionCode: '150600' });
  await createPlatformUser(t, { username: 'proj.staff.kbs', kind: 'staff', regionCode: '150603' });
  staffCookie = await login(t, 'proj.staff');
  otherRegionStaffCookie = await login(t, 'proj.staff.kbs');
});
afterAll(async () => t?.close());

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, cookie: string, payload?: object) =>
  t.built.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const problem = (res: { json(): unknown }) => res.json() as { code: string; details?: { violations?: { code: string; refs: string[]; fields: string[]; source: string; earliest?: { date: string } }[] } };
const port = () => t.built.projects.sections;
const inTrx = <T>(fn: (trx: typeof t.database.db) => Promise<T>) => t.database.db.transaction().execute(fn);
const count = async (table: string) => Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

async function registerEntity(roles: ('tenderer' | 'agency' | 'bidder')[], overrides: { name?: string; creditCode?: string } = {}) {
  const body = registrationBody({ roles, ...overrides });
  const res = await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return { id: (res.json() as { entity: { id: string } }).entity.id, creditCode: body.entity.creditCode, cookie: await login(t, body.account.username) };
}

describe('the one entry form (task 13)', () => {
  const sandbox = SANDBOX_APPROVALS[0]!;

  it('[task-13] [A-36] [A-37] [A-38] [A-39] [A-40] [A-46] pre-filled by the approval code, one form enters project, tendering project and sections; staff approval records verifier and time and registers them', async () => {
    const owner = await registerEntity(['tenderer'], { name: sandbox.owner.name, creditCode: sandbox.owner.creditCode });
    const pre = await call('GET', `/api/v1/entry-forms/prefill?approvalCode=${sandbox.approvalCode}`, owner.cookie);
    expect(pre.statusCode, pre.body).toBe(200);
    const prefill = pre.json() as { name: string; investmentFen: string; owner: { creditCode: string }; existingProjectId: string | null; kind: string };
    expect(prefill).toMatchObject({ name: sandbox.name, investmentFen: sandbox.investmentFen, owner: sandbox.owner, existingProjectId: null });
    expect(problem(await call('GET', '/api/v1/entry-forms/prefill?approvalCode=2026-150602-48-01-999999', owner.cookie)).code).toBe('APPROVAL_CODE_UNKNOWN');

    const body = entryFormBody({ approvalCode: sandbox.approvalCode, sections: 2, regionCode: sandbox.regionCode });
    body.project = { ...body.project, name: prefill.name, investmentFen: prefill.investmentFen };
    const created = await call('POST', '/api/v1/entry-forms', owner.cookie, body);
    expect(created.statusCode, created.body).toBe(201);
    const form = created.json() as EntryFormView;
    expect(form).toMatchObject({ status: 'submitted', prefilled: true, mustEnter: true });
    expect(form.project).toMatchObject({ approvalCode: sandbox.approvalCode, status: 'submitted', ownerEntityId: owner.id, investmentFen: sandbox.investmentFen });
    expect(form.sections.map((s) => [s.code, s.stage])).toEqual([['001', 'submitted'], ['002', 'submitted']]);
    expect(form.reviews).toMatchObject([{ round: 1, decision: null }]);

    // The review queue of the region shows it; the staff of another district do not see it.
    const queue = await call('GET', '/api/v1/entry-forms?status=submitted&sort=submittedAt', staffCookie);
    expect((queue.json() as { items: { id: string }[] }).items.map((i) => i.id)).toContain(form.id);
    const elsewhere = await call('GET', '/api/v1/entry-forms?status=submitted', otherRegionStaffCookie);
    expect((elsewhere.json() as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(form.id);

    t.clock.advance(3_600_000);
    const approved = await call('POST', `/api/v1/entry-forms/${form.id}/review`, staffCookie, { decision: 'approve', comment: '同意进场' });
    expect(approved.statusCode, approved.body).toBe(200);
    const after = approved.json() as EntryFormView;
    expect(after.status).toBe('approved');
    expect(after.project.status).toBe('registered');
    expect(after.sections.every((s) => s.stage === 'registered')).toBe(true);
    expect(after.reviews[0]).toMatchObject({ decision: 'approve', comment: '同意进场', reviewerName: 'proj.staff', reviewedAt: t.clock.now().toISOString() });
    // Decided once.
    expect(problem(await call('POST', `/api/v1/entry-forms/${form.id}/review`, staffCookie, { decision: 'reject', comment: 'x' })).code).toBe('ENTRY_FORM_STATE_CONFLICT');
    const audit = await t.database.db.selectFrom('platform.audit_event').select('action').where('target_id', '=', form.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['projects.entryForm.created', 'projects.entryForm.submitted', 'projects.entryForm.approved']));

    // a second tendering project joins the same project; the pages show the relations.
    const pre2 = (await call('GET', `/api/v1/entry-forms/prefill?approvalCode=${sandbox.approvalCode}`, owner.cookie)).json() as { existingProjectId: string };
    expect(pre2.existingProjectId).toBe(form.project.id);
    const second = await call('POST', '/api/v1/entry-forms', owner.cookie, { ...entryFormBody({ approvalCode: sandbox.approvalCode, regionCode: sandbox.regionCode, method: 'invitation' }), submit: false });
    expect(second.statusCode, second.body).toBe(201);
    const secondForm = second.json() as EntryFormView;
    expect(secondForm.project.id).toBe(form.project.id);
    expect(secondForm.status).toBe('draft');
    const project = (await call('GET', `/api/v1/projects/${form.project.id}`, owner.cookie)).json() as { tenderingProjects: { id: string; status: string }[] };
    expect(project.tenderingProjects.map((x) => x.status)).toEqual(['approved', 'draft']);
    const page = await call('GET', `/api/v1/tendering-projects/${form.tenderingProject.id}`, owner.cookie);
    expect(page.json()).toMatchObject({ project: { id: form.project.id, approvalCode: sandbox.approvalCode }, sections: [{ code: '001' }, { code: '002' }], entryFormId: form.id });
    const mine = (await call('GET', '/api/v1/my/sections?stage=registered', owner.cookie)).json() as { items: { tenderingProjectId: string; projectName: string }[] };
    expect(mine.items).toHaveLength(2);
    expect(mine.items[0]).toMatchObject({ tenderingProjectId: form.tenderingProject.id, approvalCode: sandbox.approvalCode });
    // a draft is withdrawn with what it created; the registered project stays.
    expect((await call('DELETE', `/api/v1/entry-forms/${secondForm.id}`, owner.cookie)).statusCode).toBe(200);
    expect(problem(await call('GET', `/api/v1/tendering-projects/${secondForm.tenderingProject.id}`, owner.cookie)).code).toBe('TENDERING_PROJECT_NOT_FOUND');
    expect(((await call('GET', `/api/v1/projects/${form.project.id}`, owner.cookie)).json() as { project: { status: string } }).project.status).toBe('registered');
  });

  it('[task-13] a rejected form is edited and resubmitted; nothing is edited while pending; each round records its verifier and time', async () => {
    const tenderer = await registerEntity(['tenderer']);
    const body = entryFormBody({ approvalCode: uniqueApprovalCode(), sections: 1 });
    const form = (await call('POST', '/api/v1/entry-forms', tenderer.cookie, body)).json() as EntryFormView;
    expect(form).toMatchObject({ status: 'submitted', prefilled: false });

    const editPending = await call('PUT', `/api/v1/entry-forms/${form.id}`, tenderer.cookie, body);
    expect(editPending.statusCode).toBe(409);
    expect(problem(editPending).code).toBe('ENTRY_FORM_NOT_EDITABLE');
    expect(problem(await call('PATCH', `/api/v1/sections/${form.sections[0]!.id}`, tenderer.cookie, { name: '改名' })).code).toBe('ENTRY_FORM_NOT_EDITABLE');
    expect(problem(await call('PUT', `/api/v1/sections/${form.sections[0]!.id}/timetable`, tenderer.cookie, lawfulTimetable(t))).code).toBe('SECTION_STAGE_CONFLICT');
    // A rejection states its reason.
    expect(problem(await call('POST', `/api/v1/entry-forms/${form.id}/review`, staffCookie, { decision: 'reject' })).code).toBe('VALIDATION_FAILED');

    const rejected = (await call('POST', `/api/v1/entry-forms/${form.id}/review`, staffCookie, { decision: 'reject', comment: '标段预算与批复不符' })).json() as EntryFormView;
    expect(rejected.status).toBe('rejected');
    expect(rejected.sections[0]!.stage).toBe('draft');
    expect(rejected.reviews[0]).toMatchObject({ decision: 'reject', comment: '标段预算与批复不符', reviewerName: 'proj.staff' });

    t.clock.advance(60_000);
    const edited = await call('PUT', `/api/v1/entry-forms/${form.id}`, tenderer.cookie, {
      ...body,
      sections: [{ ...body.sections[0]!, budgetFen: '99000000' }, { code: '002', name: '第2标段', budgetFen: '1000000' }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const resubmitted = edited.json() as EntryFormView;
    expect(resubmitted.status).toBe('submitted');
    expect(resubmitted.sections.map((s) => [s.code, s.budgetFen])).toEqual([['001', '99000000'], ['002', '1000000']]);
    expect(resubmitted.reviews.map((r) => [r.round, r.decision])).toEqual([[1, 'reject'], [2, null]]);
    const ok = (await call('POST', `/api/v1/entry-forms/${form.id}/review`, staffCookie, { decision: 'approve', comment: '' })).json() as EntryFormView;
    expect(ok.reviews[1]).toMatchObject({ round: 2, decision: 'approve', reviewedAt: t.clock.now().toISOString() });
    expect(problem(await call('PUT', `/api/v1/entry-forms/${form.id}`, tenderer.cookie, body)).code).toBe('ENTRY_FORM_NOT_EDITABLE');
  });

  it('[task-1] a project the approval platform lists in a must-enter category is not re-labelled to skip entry; the approved owner must be the tenderer', async () => {
    const owner = await registerEntity(['tenderer'], { name: SANDBOX_APPROVALS[1]!.owner.name + '（测试）' });
    const code = SANDBOX_APPROVALS.find((a) => a.category === 'works' && a.approvalCode !== sandbox.approvalCode)!;
    const relabelled = entryFormBody({ approvalCode: code.approvalCode, category: 'other', regionCode: code.regionCode });
    const res = await call('POST', '/api/v1/entry-forms', owner.cookie, relabelled);
    expect(res.statusCode).toBe(422);
    expect(problem(res)).toMatchObject({ code: 'CATEGORY_MUST_ENTER', details: { approvedCategory: 'works', category: 'other' } });
    const notOwner = await call('POST', '/api/v1/entry-forms', owner.cookie, entryFormBody({ approvalCode: code.approvalCode, regionCode: code.regionCode }));
    expect(problem(notOwner).code).toBe('PROJECT_OWNER_MISMATCH');
    expect(await t.database.db.selectFrom('projects.project').select('id').where('approval_code', '=', code.approvalCode).executeTakeFirst()).toBeUndefined();
  });

  it('an agency enters the form for its client with a mandate; [A-41] the tenderer sets the duties; a self-organised project has none', async () => {
    const tenderer = await registerEntity(['tenderer']);
    const agency = await registerEntity(['agency']);
    const body = { ...entryFormBody({ approvalCode: uniqueApprovalCode(), organisation: 'agency', agencyCreditCode: agency.creditCode }), tendererCreditCode: tenderer.creditCode };
    delete (body.tenderingProject as { agencyCreditCode?: string }).agencyCreditCode;
    const res = await call('POST', '/api/v1/entry-forms', agency.cookie, body);
    expect(res.statusCode, res.body).toBe(201);
    const form = res.json() as EntryFormView;
    expect(form.tenderingProject).toMatchObject({ tendererEntityId: tenderer.id, agencyEntityId: agency.id, organisation: 'agency', mandate: { duties: ['prepareDocuments', 'publishNotices', 'answerQuestions', 'organiseOpening'] } });
    await call('POST', `/api/v1/entry-forms/${form.id}/review`, staffCookie, { decision: 'approve', comment: '' });
    const sectionId = form.sections[0]!.id;
    expect(await inTrx((trx) => port().canManage(trx, sectionId, agency.id))).toBe(true);
    expect(await inTrx((trx) => port().canManage(trx, sectionId, tenderer.id))).toBe(true);
    expect(((await call('GET', `/api/v1/sections/${sectionId}`, agency.cookie)).json() as SectionDetail).canManage).toBe(true);

    // Only the tenderer sets the mandate.
    expect(problem(await call('PUT', `/api/v1/tendering-projects/${form.tenderingProject.id}/mandate`, agency.cookie, { duties: ['archive'] })).code).toBe('FORBIDDEN');
    const set = await call('PUT', `/api/v1/tendering-projects/${form.tenderingProject.id}/mandate`, tenderer.cookie, { duties: ['prepareDocuments', 'archive'], other: '负责现场踏勘组织' });
    expect(set.statusCode, set.body).toBe(200);
    const page = (await call('GET', `/api/v1/tendering-projects/${form.tenderingProject.id}`, agency.cookie)).json() as { tenderingProject: { mandate: { duties: string[]; other: string } } };
    expect(page.tenderingProject.mandate).toMatchObject({ duties: ['prepareDocuments', 'archive'], other: '负责现场踏勘组织' });

    const self = await registeredSection(t);
    expect(problem(await call('PUT', `/api/v1/tendering-projects/${self.tenderingProjectId}/mandate`, self.tendererCookie, { duties: ['archive'] })).code).toBe('MANDATE_NOT_APPLICABLE');
    expect(await inTrx((trx) => port().canManage(trx, self.sectionId, agency.id))).toBe(false);
  });

  it('wrong roles are refused: bidders do not enter, entities do not review, other regions do not review, strangers see nothing', async () => {
    const bidder = await registerEntity(['bidder']);
    const body = entryFormBody({ approvalCode: uniqueApprovalCode() });
    expect(problem(await call('POST', '/api/v1/entry-forms', bidder.cookie, body)).code).toBe('FORBIDDEN');
    const r = await registeredSection(t, { approve: false });
    expect(problem(await call('POST', `/api/v1/entry-forms/${r.entryFormId}/review`, r.tendererCookie, { decision: 'approve', comment: '' })).code).toBe('FORBIDDEN');
    const out = await call('POST', `/api/v1/entry-forms/${r.entryFormId}/review`, otherRegionStaffCookie, { decision: 'approve', comment: '' });
    // Staff of another region are told nothing of a form outside their regions.
    expect(out.statusCode).toBe(404);
    expect(problem(out).code).toBe('ENTRY_FORM_NOT_FOUND');
    const stranger = await registerEntity(['tenderer']);
    expect(problem(await call('GET', `/api/v1/entry-forms/${r.entryFormId}`, stranger.cookie)).code).toBe('ENTRY_FORM_NOT_FOUND');
    expect(problem(await call('GET', `/api/v1/sections/${r.sectionId}`, stranger.cookie)).code).toBe('SECTION_NOT_FOUND');
    expect(problem(await call('PUT', `/api/v1/entry-forms/${r.entryFormId}`, stranger.cookie, body)).code).toBe('ENTRY_FORM_NOT_FOUND');
    await call('POST', `/api/v1/entry-forms/${r.entryFormId}/review`, staffCookie, { decision: 'approve', comment: '' });
    const tt = await call('PUT', `/api/v1/sections/${r.sectionId}/timetable`, stranger.cookie, lawfulTimetable(t));
    // Registered but not published: to a stranger the section does not exist.
    expect(tt.statusCode).toBe(404);
    expect(problem(tt).code).toBe('SECTION_NOT_FOUND');
    expect((await t.built.app.inject({ method: 'GET', url: `/api/v1/sections/${r.sectionId}` })).statusCode).toBe(401);
  });

  it('bad input stores nothing: invalid fields, duplicate section codes, an unknown agency, an unlawful timetable in the form', async () => {
    const tenderer = await registerEntity(['tenderer']);
    const before = await Promise.all(['projects.project', 'projects.tendering_project', 'projects.section', 'projects.entry_form'].map(count));
    const base = entryFormBody({ approvalCode: uniqueApprovalCode() });
    const bad = [
      { ...base, project: { ...base.project, investmentFen: '12.5' } },
      { ...base, project: { ...base.project, approvalCode: 'not-a-code' } },
      { ...base, sections: [] },
      { ...base, extra: 1 },
      { ...base, sections: [base.sections[0]!, base.sections[0]!] },
      { ...base, project: { ...base.project, category: 'unknownCategory' } },
      { ...base, project: { ...base.project, regionCode: '110101' } },
      { ...base, tenderingProject: { ...base.tenderingProject, organisation: 'agency', agencyCreditCode: '91150602MA0000000X' } },
      { ...base, tenderingProject: { ...base.tenderingProject, organisation: 'agency' } },
      { ...base, sections: [{ ...base.sections[0]!, timetable: { documentIssueStart: '2026-04-11T09:00:00+08:00', bidDeadline: '2026-04-20T09:30:00+08:00' } }] },
    ];
    const codes = [];
    for (const b of bad) codes.push(problem(await call('POST', '/api/v1/entry-forms', tenderer.cookie, b)).code);
    expect(codes).toEqual([
      'VALIDATION_FAILED',
      'VALIDATION_FAILED',
      'VALIDATION_FAILED',
      'VALIDATION_FAILED',
      'SECTION_CODE_DUPLICATE',
      'CATEGORY_UNKNOWN',
      'REGION_UNKNOWN',
      'AGENCY_UNKNOWN',
      'AGENCY_REQUIRED',
      'TIMETABLE_UNLAWFUL',
    ]);
    expect(await Promise.all(['projects.project', 'projects.tendering_project', 'projects.section', 'projects.entry_form'].map(count))).toEqual(before);
  });
});

describe('statutory timetable at the HTTP level', () => {
  it('[B-004] from document issue to the bid deadline at least 20 days; a last day on a holiday moves to the next working day', async () => {
    const r = await registeredSection(t);
    // Issue starts Saturday 11 April 2026: day 20 is 1 May, in the Labour Day holiday (1–5 May).
    const early = await call('PUT', `/api/v1/sections/${r.sectionId}/timetable`, r.managerCookie, {
      documentIssueStart: '2026-04-11T09:00:00+08:00',
      documentIssueEnd: '2026-04-17T17:00:00+08:00',
      bidDeadline: '2026-05-05T09:30:00+08:00',
    });
    expect(early.statusCode).toBe(422);
    const p = problem(early);
    expect(p.code).toBe('TIMETABLE_UNLAWFUL');
    expect(p.details!.violations).toHaveLength(1);
    expect(p.details!.violations![0]).toMatchObject({
      code: 'TENDER_PERIOD_MIN',
      refs: ['B-004'],
      fields: ['documentIssueStart', 'bidDeadline'],
      earliest: { field: 'bidDeadline', date: '2026-05-06' },
    });
    expect(p.details!.violations![0]!.source).toMatch(/招标投标法/);
    // Nothing was stored.
    expect(((await call('GET', `/api/v1/sections/${r.sectionId}`, r.managerCookie)).json() as SectionDetail).timetable).toEqual({});
    const ok = await setTimetable(t, r.sectionId, {
      documentIssueStart: '2026-04-11T09:00:00+08:00',
      documentIssueEnd: '2026-04-17T17:00:00+08:00',
      bidDeadline: '2026-05-06T09:30:00+08:00',
    });
    expect(ok.timetable).toMatchObject({ bidDeadline: '2026-05-06T01:30:00.000Z' });
    const audit = await t.database.db.selectFrom('platform.audit_event').select('action').where('target_id', '=', r.sectionId).execute();
    expect(audit.map((a) => a.action)).toContain('projects.section.timetableSet');
  });

  it('[B-009] tender documents are available at least 5 days, a last day on a rest day moving to the next working day; [B-011] questions close at least 10 days before the deadline', async () => {
    const r = await registeredSection(t);
    const res = await call('PUT', `/api/v1/sections/${r.sectionId}/timetable`, r.managerCookie, {
      documentIssueStart: '2026-04-13T09:00:00+08:00',
      documentIssueEnd: '2026-04-17T17:00:00+08:00',
      questionsDeadline: '2026-04-28T17:00:00+08:00',
      bidDeadline: '2026-05-07T09:30:00+08:00',
    });
    const v = problem(res).details!.violations!;
    expect(v.map((x) => [x.code, x.refs])).toEqual([
      ['DOCUMENT_AVAILABILITY_MIN', ['B-009']],
      ['QUESTION_LEAD_MIN', ['B-011']],
    ]);
    // Day 5 is Saturday 18 April, a rest day: availability runs to Monday 20 April.
    expect(v[0]!.earliest!.date).toBe('2026-04-20');
    await setTimetable(t, r.sectionId, {
      documentIssueStart: '2026-04-13T09:00:00+08:00',
      documentIssueEnd: '2026-04-20T17:00:00+08:00',
      questionsDeadline: '2026-04-27T17:00:00+08:00',
      bidDeadline: '2026-05-07T09:30:00+08:00',
    });
  });

  it('[B-038] [B-043] prequalification: notice at least 5 days, applications at least 5 days after documents stop; prequalification dates on an open tender are refused', async () => {
    const pq = await registeredSection(t, { method: 'prequalification' });
    const res = await call('PUT', `/api/v1/sections/${pq.sectionId}/timetable`, pq.managerCookie, {
      prequalificationNoticeStart: '2026-04-13T09:00:00+08:00',
      prequalificationNoticeEnd: '2026-04-16T17:00:00+08:00',
      prequalificationDocumentIssueStart: '2026-04-13T09:00:00+08:00',
      prequalificationDocumentIssueEnd: '2026-04-20T17:00:00+08:00',
      applicationDeadline: '2026-04-23T09:30:00+08:00',
    });
    expect(problem(res).details!.violations!.map((x) => x.refs[0])).toEqual(['B-038', 'B-043']);
    const open = await registeredSection(t);
    const stray = await call('PUT', `/api/v1/sections/${open.sectionId}/timetable`, open.managerCookie, { applicationDeadline: '2026-04-23T09:30:00+08:00' });
    expect(problem(stray).details!.violations![0]!.code).toBe('FIELD_NOT_APPLICABLE');
    expect(problem(await call('PUT', `/api/v1/sections/${open.sectionId}/timetable`, open.managerCookie, { bidDeadline: 'tomorrow' })).code).toBe('VALIDATION_FAILED');
  });
});

describe('the sections port (decision 0008)', () => {
  it('[B-012] markTendering, a late clarification moves the deadline, an early one does not; retender and terminate', async () => {
    const r = await registeredSection(t, { organisation: 'agency' });
    await setTimetable(t, r.sectionId, {
      documentIssueStart: '2026-03-03T09:00:00+08:00',
      documentIssueEnd: '2026-03-10T17:00:00+08:00',
      bidDeadline: '2026-03-30T09:30:00+08:00',
    });
    const snap = (await inTrx((trx) => port().get(trx, r.sectionId)))!;
    expect(snap).toMatchObject({ stage: 'registered', agencyEntityId: r.agencyEntityId, agencyName: r.agency!.name, budgetFen: '120000000', regionCode: '150602', category: 'works' });
    await inTrx((trx) => port().markTendering(trx, r.sectionId, systemActor));
    await inTrx((trx) => port().markTendering(trx, r.sectionId, systemActor)); // again: no-op
    expect((await inTrx((trx) => port().get(trx, r.sectionId)))!.stage).toBe('tendering');

    // 10 March is 20 days before the deadline: in time.
    const inTime = await inTrx((trx) => port().applyClarification(trx, r.sectionId, { issuedAt: '2026-03-10T10:00:00+08:00', documents: 'tender' }, systemActor));
    expect(inTime).toEqual({ status: 'inTime', deadline: '2026-03-30T01:30:00.000Z', newDeadline: null });
    // 20 March is 10 days before: the deadline moves to the 15th day after, 4 April — Qingming (4–6 April) — so 7 April, same time.
    const late = await inTrx((trx) => port().applyClarification(trx, r.sectionId, { issuedAt: '2026-03-20T10:00:00+08:00', documents: 'tender' }, systemActor));
    expect(late).toEqual({ status: 'deadlineMoves', deadline: '2026-03-30T01:30:00.000Z', newDeadline: '2026-04-07T01:30:00.000Z' });
    const moved = (await inTrx((trx) => port().get(trx, r.sectionId)))!;
    expect(moved.timetable).toMatchObject({ bidDeadline: '2026-04-07T01:30:00.000Z', clarificationIssuedAt: '2026-03-20T02:00:00.000Z' });
    const actions = await t.database.db.selectFrom('platform.audit_event').select('action').where('target_id', '=', r.sectionId).execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['projects.section.tendering', 'projects.section.clarificationApplied', 'projects.section.deadlineMoved']));
    await expect(inTrx((trx) => port().applyClarification(trx, r.sectionId, { issuedAt: '2026-04-08T10:00:00+08:00', documents: 'tender' }, systemActor))).rejects.toMatchObject({
      code: 'CLARIFICATION_TOO_LATE',
    });

    const { round } = await inTrx((trx) => port().retender(trx, r.sectionId, '投标人不足3家', systemActor));
    expect(round).toBe(2);
    expect((await inTrx((trx) => port().get(trx, r.sectionId)))!).toMatchObject({ stage: 'registered', round: 2, timetable: {} });
    await expect(inTrx((trx) => port().retender(trx, r.sectionId, 'again', systemActor))).rejects.toMatchObject({ code: 'SECTION_STAGE_CONFLICT' });
    await inTrx((trx) => port().terminate(trx, r.sectionId, '项目取消', systemActor));
    const detail = (await call('GET', `/api/v1/sections/${r.sectionId}`, r.tendererCookie)).json() as SectionDetail;
    expect(detail).toMatchObject({ stage: 'terminated', terminatedReason: '项目取消', round: 2 });
    await expect(inTrx((trx) => port().terminate(trx, r.sectionId, 'again', systemActor))).rejects.toMatchObject({ code: 'SECTION_STAGE_CONFLICT' });
    expect(await inTrx((trx) => port().get(trx, '00000000-0000-4000-8000-000000000000'))).toBeNull();
  });
});

describe('tendering plan and team (A-47…A-49)', () => {
  const plan = (sectionId?: string) => ({
    description: '施工招标工作计划',
    items: [
      { milestone: '发布招标公告', plannedDate: '2026-03-10', ...(sectionId ? { sectionId } : {}) },
      { milestone: '开标', plannedDate: '2026-04-07' },
    ],
    team: [
      { name: '王五', role: '项目负责人', duties: '组织招标工作，审核招标文件' },
      { name: '赵六', role: '造价工程师', duties: '编制最高投标限价', phone: '13800000000' },
    ],
  });

  it('[A-47] [A-48] [A-49] a plan with its team is submitted, rejected with a reason, edited and resubmitted, approved and then in force', async () => {
    const r = await registeredSection(t, { organisation: 'agency' });
    const created = await call('POST', '/api/v1/tendering-plans', r.agencyCookie!, { tenderingProjectId: r.tenderingProjectId, ...plan(r.sectionId), submit: true });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json() as TenderingPlanView;
    expect(p).toMatchObject({ status: 'submitted', effective: false, team: [{ name: '王五' }, { name: '赵六', phone: '13800000000' }], items: [{ sectionId: r.sectionId }, { sectionId: null }] });
    expect(problem(await call('PUT', `/api/v1/tendering-plans/${p.id}`, r.tendererCookie, plan())).code).toBe('TENDERING_PLAN_NOT_EDITABLE');
    expect(problem(await call('POST', '/api/v1/tendering-plans', r.tendererCookie, { tenderingProjectId: r.tenderingProjectId, ...plan() })).code).toBe('TENDERING_PLAN_EXISTS');
    const queue = (await call('GET', '/api/v1/tendering-plans?status=submitted', staffCookie)).json() as TenderingPlanList;
    expect(queue.items.find((q) => q.id === p.id)).toMatchObject({ status: 'submitted', tenderingProjectId: r.tenderingProjectId, itemCount: 2, teamCount: 2 });
    expect(((await call('GET', '/api/v1/tendering-plans?status=approved', staffCookie)).json() as TenderingPlanList).items.map((q) => q.id)).not.toContain(p.id);
    expect(((await call('GET', '/api/v1/tendering-plans', otherRegionStaffCookie)).json() as TenderingPlanList).items.map((q) => q.id)).not.toContain(p.id);
    expect(problem(await call('POST', `/api/v1/tendering-plans/${p.id}/review`, r.tendererCookie, { decision: 'approve' })).code).toBe('FORBIDDEN');
    expect(problem(await call('POST', `/api/v1/tendering-plans/${p.id}/review`, otherRegionStaffCookie, { decision: 'approve' })).code).toBe('TENDERING_PLAN_NOT_FOUND');

    const rejected = (await call('POST', `/api/v1/tendering-plans/${p.id}/review`, staffCookie, { decision: 'reject', comment: '缺少评标阶段安排' })).json() as TenderingPlanView;
    expect(rejected).toMatchObject({ status: 'rejected', effective: false, reviews: [{ round: 1, decision: 'reject', comment: '缺少评标阶段安排', reviewerName: 'proj.staff' }] });
    const edited = await call('PUT', `/api/v1/tendering-plans/${p.id}`, r.tendererCookie, {
      ...plan(),
      items: [...plan().items, { milestone: '评标', plannedDate: '2026-04-08' }],
      submit: true,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((edited.json() as TenderingPlanView).status).toBe('submitted');
    t.clock.advance(120_000);
    const approved = (await call('POST', `/api/v1/tendering-plans/${p.id}/review`, staffCookie, { decision: 'approve', comment: '' })).json() as TenderingPlanView;
    expect(approved).toMatchObject({ status: 'approved', effective: true });
    expect(approved.items).toHaveLength(3);
    expect(approved.reviews[1]).toMatchObject({ round: 2, decision: 'approve', reviewedAt: t.clock.now().toISOString() });
    const byName = (await call('GET', `/api/v1/tendering-plans?status=approved&q=${encodeURIComponent(queue.items.find((q) => q.id === p.id)!.tenderingProjectName)}`, staffCookie)).json() as TenderingPlanList;
    expect(byName).toMatchObject({ total: 1, items: [{ id: p.id, status: 'approved', itemCount: 3 }] });
    expect(problem(await call('PUT', `/api/v1/tendering-plans/${p.id}`, r.tendererCookie, plan())).code).toBe('TENDERING_PLAN_NOT_EDITABLE');
    // A section of another tendering project is not an item of this plan.
    const other = await registeredSection(t, { tenderer: r.tenderer });
    expect(problem(await call('POST', '/api/v1/tendering-plans', r.tendererCookie, { tenderingProjectId: other.tenderingProjectId, ...plan(r.sectionId) })).code).toBe('VALIDATION_FAILED');
  });
});
