/**
 * Tendering fixtures (issue 4) — sections made through the real HTTP routes, for every tendering test.
 *
 * - `registeredSection(t, opts?)`: registers an active tenderer (and, with `organisation: 'agency'`, an
 *   active agency holding a mandate), enters a project with the one entry form (POST /api/v1/entry-forms),
 *   and has a staff user of the region approve it. The sections are then at stage `registered`.
 *   Returns ids (section, tendering project, project, entry form), the parties with their session
 *   cookies and `relogin()` helpers, and the staff cookie.
 * - `setTimetable(t, sectionId, timetable, cookie?)`: PUT /api/v1/sections/:id/timetable as the section's
 *   manager (the cookie remembered by `registeredSection` unless one is given); throws on a refusal.
 * - `lawfulTimetable(t, opts?)`: a timetable lawful for an open, mandatory works tender that starts
 *   issuing documents tomorrow (Shanghai), with the bid deadline `days` (default 30) later at 09:30.
 * - `uniqueApprovalCode(region?)`: an approval code the sandbox approval platform does not know.
 */
import { addDays, toBusinessDate } from '@bidhall/rules';
import { expect } from 'vitest';
import type { EntryFormRequest, EntryFormView, SectionDetail, TimetableInput } from '@bidhall/contracts';
import { createPlatformUser, login, type TestApp } from './test-app.ts';
import { registrationBody } from './registration-fixtures.ts';

export interface FixtureParty {
  entityId: string;
  name: string;
  creditCode: string;
  username: string;
  cookie: string;
  /** A fresh session (e.g. after the clock moved past the session's lifetime). */
  relogin(): Promise<string>;
}

export interface RegisteredSection {
  sectionId: string;
  sectionIds: string[];
  sectionCodes: string[];
  tenderingProjectId: string;
  projectId: string;
  entryFormId: string;
  approvalCode: string;
  regionCode: string;
  tenderer: FixtureParty;
  tendererEntityId: string;
  tendererCookie: string;
  agency: FixtureParty | null;
  agencyEntityId: string | null;
  agencyCookie: string | null;
  /** The cookie of whoever manages the section (the agency when there is one, else the tenderer). */
  managerCookie: string;
  staffCookie: string;
  staffUserId: string;
  entryForm: EntryFormView;
}

export interface RegisteredSectionOptions {
  organisation?: 'self' | 'agency';
  method?: 'open' | 'prequalification' | 'invitation';
  kind?: 'works' | 'goods' | 'services' | 'governmentGoods' | 'governmentServices';
  mandatory?: boolean;
  category?: string;
  regionCode?: string;
  /** Number of sections (default 1), coded 001, 002, … */
  sections?: number;
  budgetFen?: string;
  /** Set on every section in the entry form itself (validated there). */
  timetable?: TimetableInput;
  /** Reuse parties (e.g. a second tendering project of the same tenderer). */
  tenderer?: FixtureParty;
  agency?: FixtureParty;
  approvalCode?: string;
  /** Stop before the staff review: the form is left submitted (false) or a draft ('draft'). */
  approve?: boolean | 'draft';
}

const managers = new Map<string, string>();
let staffCounter = 0;

export function uniqueApprovalCode(region = '150602'): string {
  const serial = 900000 + Math.floor(Math.random() * 99999);
  return `2026-${region}-48-01-${serial}`;
}

async function registerParty(t: TestApp, role: 'tenderer' | 'agency', region: string): Promise<FixtureParty> {
  const body = registrationBody({ roles: [role], region, name: `${role === 'agency' ? '测试招标代理有限公司' : '测试招标人有限公司'}${Math.floor(Math.random() * 1e9)}` });
  const res = await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body });
  if (res.statusCode !== 201) throw new Error(`registration failed: ${res.statusCode} ${res.body}`);
  const entityId = (res.json() as { entity: { id: string } }).entity.id;
  const username = body.account.username;
  return {
    entityId,
    name: body.entity.name,
    creditCode: body.entity.creditCode,
    username,
    cookie: await login(t, username),
    relogin: () => login(t, username),
  };
}

function shanghaiDayAt(t: TestApp, days: number, hhmm: string): string {
  return `${addDays(toBusinessDate(t.clock.now()), days)}T${hhmm}:00+08:00`;
}

export function lawfulTimetable(t: TestApp, opts: { days?: number } = {}): TimetableInput {
  const days = opts.days ?? 30;
  return {
    documentIssueStart: shanghaiDayAt(t, 1, '09:00'),
    documentIssueEnd: shanghaiDayAt(t, 12, '17:00'),
    questionsDeadline: shanghaiDayAt(t, 1 + days - 12, '17:00'),
    bidDeadline: shanghaiDayAt(t, 1 + days, '09:30'),
  };
}

export function entryFormBody(opts: RegisteredSectionOptions & { approvalCode: string; tendererCreditCode?: string; agencyCreditCode?: string }): EntryFormRequest {
  const count = opts.sections ?? 1;
  const organisation = opts.organisation ?? 'self';
  return {
    project: {
      approvalCode: opts.approvalCode,
      name: `测试道路改造工程${opts.approvalCode.slice(-6)}`,
      regionCode: opts.regionCode ?? '150602',
      category: opts.category ?? 'works',
      kind: opts.kind ?? 'works',
      mandatory: opts.mandatory ?? true,
      investmentFen: '865000000',
      fundingSource: '财政资金',
      location: '鄂尔多斯市东胜区天骄路',
    },
    tenderingProject: {
      name: `测试道路改造工程施工招标${opts.approvalCode.slice(-6)}`,
      method: opts.method ?? 'open',
      organisation,
      ...(organisation === 'agency'
        ? { agencyCreditCode: opts.agencyCreditCode, mandate: { duties: ['prepareDocuments', 'publishNotices', 'answerQuestions', 'organiseOpening'], other: '' } }
        : {}),
    },
    sections: Array.from({ length: count }, (_, i) => ({
      code: String(i + 1).padStart(3, '0'),
      name: `第${i + 1}标段`,
      budgetFen: opts.budgetFen ?? '120000000',
      content: '道路、排水及照明工程施工',
      ...(opts.timetable ? { timetable: opts.timetable } : {}),
    })),
    ...(opts.tendererCreditCode ? { tendererCreditCode: opts.tendererCreditCode } : {}),
    submit: opts.approve !== 'draft',
  };
}

export async function registeredSection(t: TestApp, opts: RegisteredSectionOptions = {}): Promise<RegisteredSection> {
  const regionCode = opts.regionCode ?? '150602';
  const organisation = opts.organisation ?? 'self';
  const tenderer = opts.tenderer ?? (await registerParty(t, 'tenderer', regionCode));
  const agency = organisation === 'agency' ? (opts.agency ?? (await registerParty(t, 'agency', regionCode))) : null;
  const approvalCode = opts.approvalCode ?? uniqueApprovalCode(regionCode);
  const body = entryFormBody({ ...opts, approvalCode, ...(agency ? { agencyCreditCode: agency.creditCode } : {}) });
  const res = await t.built.app.inject({ method: 'POST', url: '/api/v1/entry-forms', payload: body, headers: { cookie: tenderer.cookie } });
  if (res.statusCode !== 201) throw new Error(`entry form failed: ${res.statusCode} ${res.body}`);
  let entryForm = res.json() as EntryFormView;

  staffCounter++;
  const staffName = `staff.entry.${staffCounter}.${Math.floor(Math.random() * 1e6)}`;
  const staff = await createPlatformUser(t, { username: staffName, kind: 'staff', regionCode: '150600' });
  const staffCookie = await login(t, staffName);
  if (opts.approve === undefined || opts.approve === true) {
    const review = await t.built.app.inject({
      method: 'POST',
      url: `/api/v1/entry-forms/${entryForm.id}/review`,
      payload: { decision: 'approve', comment: '材料齐全，同意进场' },
      headers: { cookie: staffCookie },
    });
    if (review.statusCode !== 200) throw new Error(`entry review failed: ${review.statusCode} ${review.body}`);
    entryForm = review.json() as EntryFormView;
  }
  const managerCookie = agency?.cookie ?? tenderer.cookie;
  for (const s of entryForm.sections) managers.set(s.id, managerCookie);
  return {
    sectionId: entryForm.sections[0]!.id,
    sectionIds: entryForm.sections.map((s) => s.id),
    sectionCodes: entryForm.sections.map((s) => s.code),
    tenderingProjectId: entryForm.tenderingProject.id,
    projectId: entryForm.project.id,
    entryFormId: entryForm.id,
    approvalCode,
    regionCode,
    tenderer,
    tendererEntityId: tenderer.entityId,
    tendererCookie: tenderer.cookie,
    agency,
    agencyEntityId: agency?.entityId ?? null,
    agencyCookie: agency?.cookie ?? null,
    managerCookie,
    staffCookie,
    staffUserId: staff.id,
    entryForm,
  };
}

export async function setTimetable(t: TestApp, sectionId: string, timetable: TimetableInput, cookie?: string): Promise<SectionDetail> {
  const res = await t.built.app.inject({
    method: 'PUT',
    url: `/api/v1/sections/${sectionId}/timetable`,
    payload: timetable,
    headers: { cookie: cookie ?? managers.get(sectionId) ?? '' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SectionDetail;
}

/** The section's tender notice drafted, reviewed by the tenderer where an agency drafted it, and verified by staff: published. */
export async function publishNotice(t: TestApp, r: RegisteredSection): Promise<{ noticeId: string; publicationId: string }> {
  const call = (url: string, cookie: string, payload: object = {}) => t.built.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  const created = await call('/api/v1/notices', r.managerCookie, { type: 'tenderNotice', sectionIds: [r.sectionId] });
  if (created.statusCode !== 201) throw new Error(`notice failed: ${created.statusCode} ${created.body}`);
  const noticeId = (created.json() as { id: string }).id;
  const submitted = await call(`/api/v1/notices/${noticeId}/submit`, r.managerCookie);
  if ((submitted.json() as { status: string }).status === 'pendingReview') await call(`/api/v1/notices/${noticeId}/review`, r.tenderer.cookie, { decision: 'approve' });
  const verified = await call(`/api/v1/notices/${noticeId}/verification`, r.staffCookie, { decision: 'approve' });
  if (verified.statusCode !== 200) throw new Error(`notice verification failed: ${verified.statusCode} ${verified.body}`);
  return { noticeId, publicationId: (verified.json() as { publicationId: string }).publicationId };
}
