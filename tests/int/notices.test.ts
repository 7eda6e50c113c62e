import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';
import { registrationBody } from '../support/registration-fixtures.ts';
import { lawfulTimetable, registeredSection, setTimetable } from '../support/tendering-fixtures.ts';

let t: TestApp;
let staffElsewhere: string;
let bidder: string;
const BASE = 'https://ggzy.example.cn';

beforeAll(async () => {
  t = await createTestApp({ config: { publicBaseUrl: BASE }, startJobs: true });
  await createPlatformUser(t, { username: 'notice.staff.far', kind: 'staff', regionCode: '150603' });
  staffElsewhere = await login(t, 'notice.staff.far');
  const body = registrationBody({ roles: ['bidder'] });
  await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body });
  bidder = await login(t, body.account.username);
});
afterAll(async () => t.close());

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) =>
  t.built.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : method === 'POST' ? { payload: {} } : {}) });

const count = async (table: string) =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(t.database.db)).rows[0]!.n);

async function openSection(opts: Parameters<typeof registeredSection>[1] = {}) {
  const s = await registeredSection(t, opts);
  if (opts.method !== 'prequalification') await setTimetable(t, s.sectionId, lawfulTimetable(t));
  return s;
}

describe('notices: drafting from the standard text', () => {
  it('[A-50] an open section takes a tender notice, a prequalification section a prequalification notice; other pairings are refused and nothing is stored', async () => {
    const open = await openSection();
    const before = await count('tendering.notice');
    const wrong = await call('POST', '/api/v1/notices', open.managerCookie, { type: 'prequalificationNotice', sectionIds: [open.sectionId] });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('NOTICE_TYPE_MISMATCH');
    expect(await count('tendering.notice')).toBe(before);
    const ok = await call('POST', '/api/v1/notices', open.managerCookie, { type: 'tenderNotice', sectionIds: [open.sectionId] });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ type: 'tenderNotice', status: 'draft', sections: [{ id: open.sectionId, round: 1 }] });

    const pq = await registeredSection(t, { method: 'prequalification' });
    expect((await call('POST', '/api/v1/notices', pq.managerCookie, { type: 'tenderNotice', sectionIds: [pq.sectionId] })).json().code).toBe('NOTICE_TYPE_MISMATCH');
    const pqNotice = await call('POST', '/api/v1/notices', pq.managerCookie, { type: 'prequalificationNotice', sectionIds: [pq.sectionId] });
    expect(pqNotice.statusCode).toBe(201);
    expect(pqNotice.json().bodyHtml).toContain('资格预审文件的获取');
  });

  it('[B-005] [B-002] the generated text follows the national standard structure and states the platform address and how to use it', async () => {
    const s = await openSection({ sections: 2 });
    const res = await call('POST', '/api/v1/notices', s.managerCookie, { type: 'tenderNotice', sectionIds: s.sectionIds });
    const body: string = res.json().bodyHtml;
    for (const heading of ['招标条件', '项目概况与招标范围', '投标人资格要求', '招标文件的获取', '投标文件的递交', '发布公告的媒介', '联系方式']) {
      expect(body).toContain(heading);
    }
    expect(body).toContain(BASE);
    expect(body).toContain('使用方法');
    expect(body).toContain('数字证书');
    expect(body).toContain(s.approvalCode);
    expect(body).toContain('001');
    expect(body).toContain('002');
    expect(body).toMatch(/\d{4}年\d{2}月\d{2}日09时30分/);
    expect(res.json().sections).toHaveLength(2);

    const preview = await call('GET', `/api/v1/notices/standard-text?type=tenderNotice&sectionIds=${s.sectionIds.join(',')}`, s.managerCookie);
    expect(preview.statusCode).toBe(200);
    expect(preview.json().bodyHtml).toContain(BASE);
  });

  it('[A-51] drafts are created, edited, listed and deleted by the section manager only; wrong roles are refused', async () => {
    const s = await openSection();
    const created = (await call('POST', '/api/v1/notices', s.managerCookie, { type: 'tenderNotice', sectionIds: [s.sectionId] })).json();
    const edited = await call('PUT', `/api/v1/notices/${created.id}`, s.managerCookie, { title: '新标题', bodyHtml: `<p>修改后的公告，平台 ${BASE}</p>` });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: '新标题' });
    const mine = (await call('GET', '/api/v1/notices', s.managerCookie)).json();
    expect(mine.items.map((n: { id: string }) => n.id)).toContain(created.id);

    expect((await call('POST', '/api/v1/notices', bidder, { type: 'tenderNotice', sectionIds: [s.sectionId] })).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/notices', bidder)).statusCode).toBe(403);
    const other = await registeredSection(t);
    const foreign = await call('POST', '/api/v1/notices', other.managerCookie, { type: 'tenderNotice', sectionIds: [s.sectionId] });
    // The section is not published yet: to another tenderer it does not exist.
    expect(foreign.json().code).toBe('SECTION_NOT_FOUND');
    expect((await call('PUT', `/api/v1/notices/${created.id}`, other.managerCookie, { title: 'x' })).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/notices/${created.id}`, other.managerCookie)).statusCode).toBe(404);

    expect((await call('DELETE', `/api/v1/notices/${created.id}`, s.managerCookie)).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/notices/${created.id}`, s.managerCookie)).statusCode).toBe(404);
  });

  it('a notice with <script> is refused with NOTICE_HTML_UNSAFE and nothing is stored; so is one without the platform address', async () => {
    const s = await openSection();
    const notices = await count('tendering.notice');
    const audits = await count('platform.audit_event');
    const res = await call('POST', '/api/v1/notices', s.managerCookie, {
      type: 'tenderNotice',
      sectionIds: [s.sectionId],
      bodyHtml: `<p>${BASE}</p><script>alert(1)</script>`,
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('NOTICE_HTML_UNSAFE');
    expect(await count('tendering.notice')).toBe(notices);
    expect(await count('platform.audit_event')).toBe(audits);

    const created = (await call('POST', '/api/v1/notices', s.managerCookie, { type: 'tenderNotice', sectionIds: [s.sectionId] })).json();
    const handler = await call('PUT', `/api/v1/notices/${created.id}`, s.managerCookie, { bodyHtml: `<p onclick="x()">${BASE}</p>` });
    expect(handler.json().code).toBe('NOTICE_HTML_UNSAFE');
    const noAddress = await call('PUT', `/api/v1/notices/${created.id}`, s.managerCookie, { bodyHtml: '<p>请联系招标人</p>' });
    expect(noAddress.json().code).toBe('PLATFORM_ADDRESS_MISSING');
    const stored = (await call('GET', `/api/v1/notices/${created.id}`, s.managerCookie)).json();
    expect(stored.bodyHtml).toBe(created.bodyHtml);
    // Unknown fields and bad ids are refused by the schema.
    expect((await call('POST', '/api/v1/notices', s.managerCookie, { type: 'tenderNotice', sectionIds: [s.sectionId], extra: 1 })).statusCode).toBe(400);
    expect((await call('POST', '/api/v1/notices', s.managerCookie, { type: 'tenderNotice', sectionIds: ['nope'] })).statusCode).toBe(400);
  });
});

describe('notices: submission, review and verification', () => {
  it('submission needs the timetable the notice states; an unlawful one is refused with the rule and the earliest lawful date', async () => {
    const s = await registeredSection(t);
    const n = (await call('POST', '/api/v1/notices', s.managerCookie, { type: 'tenderNotice', sectionIds: [s.sectionId] })).json();
    const incomplete = await call('POST', `/api/v1/notices/${n.id}/submit`, s.managerCookie);
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json()).toMatchObject({ code: 'TIMETABLE_INCOMPLETE', details: { missing: ['documentIssueStart', 'documentIssueEnd', 'bidDeadline'] } });

    // A timetable that became unlawful behind the notice's back (e.g. stored before a rule changed) is re-checked.
    const tt = lawfulTimetable(t);
    const unlawful = { ...tt, bidDeadline: new Date(new Date(tt.documentIssueStart!).getTime() + 15 * 86_400_000).toISOString(), questionsDeadline: undefined };
    await sql`UPDATE projects.section SET timetable = ${JSON.stringify(unlawful)}::jsonb WHERE id = ${s.sectionId}`.execute(t.database.db);
    const refused = await call('POST', `/api/v1/notices/${n.id}/submit`, s.managerCookie);
    expect(refused.statusCode).toBe(422);
    const problem = refused.json();
    expect(problem.code).toBe('TIMETABLE_UNLAWFUL');
    const v = problem.details.violations.find((x: { code: string }) => x.code === 'TENDER_PERIOD_MIN');
    expect(v.refs).toContain('B-004');
    expect(v.earliest.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await call('GET', `/api/v1/notices/${n.id}`, s.managerCookie)).json().status).toBe('draft');
  });

  it('[A-52] an agency draft goes to the tenderer: submitter and time are recorded and nothing is edited while pending', async () => {
    const s = await openSection({ organisation: 'agency' });
    const n = (await call('POST', '/api/v1/notices', s.agencyCookie!, { type: 'tenderNotice', sectionIds: [s.sectionId] })).json();
    expect(n.draftedBy).toBe('agency');
    t.clock.advance(60_000);
    const submitted = await call('POST', `/api/v1/notices/${n.id}/submit`, s.agencyCookie!);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'pendingReview', submittedAt: t.clock.now().toISOString() });
    expect(submitted.json().submittedBy).toMatch(/^[0-9a-f-]{36}$/);

    const edit = await call('PUT', `/api/v1/notices/${n.id}`, s.agencyCookie!, { title: '改' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('NOTICE_STATE_CONFLICT');
    expect((await call('DELETE', `/api/v1/notices/${n.id}`, s.agencyCookie!)).json().code).toBe('NOTICE_STATE_CONFLICT');
    // The agency cannot approve its own draft; staff cannot verify before the tenderer reviewed it.
    expect((await call('POST', `/api/v1/notices/${n.id}/review`, s.agencyCookie!, { decision: 'approve' })).statusCode).toBe(403);
    expect((await call('POST', `/api/v1/notices/${n.id}/verification`, s.staffCookie, { decision: 'approve' })).json().code).toBe('NOTICE_STATE_CONFLICT');

    expect((await call('POST', `/api/v1/notices/${n.id}/review`, s.tendererCookie, { decision: 'reject' })).statusCode).toBe(400);
    const back = await call('POST', `/api/v1/notices/${n.id}/review`, s.tendererCookie, { decision: 'reject', reason: '联系方式有误' });
    expect(back.json().status).toBe('draft');
    await call('POST', `/api/v1/notices/${n.id}/submit`, s.agencyCookie!);
    const reviewed = await call('POST', `/api/v1/notices/${n.id}/review`, s.tendererCookie, { decision: 'approve' });
    expect(reviewed.json()).toMatchObject({ status: 'pendingVerification', reviewedAt: t.clock.now().toISOString() });

    const detail = (await call('GET', `/api/v1/notices/${n.id}`, s.tendererCookie)).json();
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['created', 'submitted', 'reviewRejected', 'submitted', 'reviewApproved']);
    expect(detail.history[2]).toMatchObject({ reason: '联系方式有误', actorEntityId: s.tendererEntityId });
  });

  it('[A-53] [A-54] [B-001] [B-003] staff of the region verify; the notice is published at once with identical content on the portal and in the outbox; the section is tendering', async () => {
    const s = await openSection();
    const n = (await call('POST', '/api/v1/notices', s.managerCookie, { type: 'tenderNotice', sectionIds: [s.sectionId] })).json();
    const submitted = (await call('POST', `/api/v1/notices/${n.id}/submit`, s.managerCookie)).json();
    expect(submitted.status).toBe('pendingVerification');

    const queue = (await call('GET', '/api/v1/notices/verification-queue?sort=submittedAt&order=desc&type=tenderNotice', s.staffCookie)).json();
    expect(queue.items.map((x: { id: string }) => x.id)).toContain(n.id);
    const far = (await call('GET', '/api/v1/notices/verification-queue', staffElsewhere)).json();
    expect(far.items.map((x: { id: string }) => x.id)).not.toContain(n.id);
    // Staff of another region are told nothing of a notice they do not verify.
    expect((await call('POST', `/api/v1/notices/${n.id}/verification`, staffElsewhere, { decision: 'approve' })).json().code).toBe('NOTICE_NOT_FOUND');
    expect((await call('POST', `/api/v1/notices/${n.id}/verification`, s.managerCookie, { decision: 'approve' })).statusCode).toBe(403);

    const rejected = (await call('POST', `/api/v1/notices/${n.id}/verification`, s.staffCookie, { decision: 'reject', reason: '投标人资格要求不明确' })).json();
    expect(rejected.status).toBe('draft');
    await call('POST', `/api/v1/notices/${n.id}/submit`, s.managerCookie);
    t.clock.advance(120_000);
    const verified = await call('POST', `/api/v1/notices/${n.id}/verification`, s.staffCookie, { decision: 'approve' });
    expect(verified.statusCode, verified.body).toBe(200);
    const v = verified.json();
    expect(v).toMatchObject({ status: 'published', verifiedBy: s.staffUserId, verifiedAt: t.clock.now().toISOString(), publishedAt: t.clock.now().toISOString() });

    const page = await t.built.app.inject({ method: 'GET', url: `/api/v1/public/notices/${v.publicationId}` });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ type: 'tenderNotice', sourceId: n.id, contentSm3: v.contentSm3, title: n.title });
    expect(page.json().bodyHtml).toContain(BASE);
    const outbox = await t.database.db.selectFrom('exchange.outbox_message').select(['content', 'content_sm3']).where('subject_id', '=', v.publicationId).where('destination', '=', 'publicService').execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.content_sm3).toBe(v.contentSm3);
    expect(outbox[0]!.content).toBe(page.json().content);

    const section = (await call('GET', `/api/v1/sections/${s.sectionId}`, s.managerCookie)).json();
    expect(JSON.stringify(section)).toContain('"stage":"tendering"');
    const detail = (await call('GET', `/api/v1/notices/${n.id}`, s.staffCookie)).json();
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['created', 'submitted', 'verificationRejected', 'submitted', 'verified', 'published']);
    expect(detail.history[2]).toMatchObject({ reason: '投标人资格要求不明确', actorUserId: s.staffUserId });
    const messages = (await call('GET', '/api/v1/notifications', s.managerCookie)).json();
    expect(messages.items.some((m: { title: string }) => m.title === '公告已发布')).toBe(true);
    expect((await call('POST', `/api/v1/notices/${n.id}/verification`, s.staffCookie, { decision: 'approve' })).json().code).toBe('NOTICE_STATE_CONFLICT');
  });

  it('[A-54] publishing is all-or-nothing: a failure part-way leaves nothing published and the notice pending', async () => {
    const s = await openSection();
    const n = (await call('POST', '/api/v1/notices', s.managerCookie, { type: 'tenderNotice', sectionIds: [s.sectionId] })).json();
    await call('POST', `/api/v1/notices/${n.id}/submit`, s.managerCookie);
    const publications = await count('disclosure.publication');
    const outbox = await count('exchange.outbox_message');
    // The section refuses to move to tendering after the publication was already written.
    await sql`CREATE FUNCTION pg_temp_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$`.execute(t.database.db);
    await sql.raw(`CREATE TRIGGER fail_tendering BEFORE UPDATE ON projects.section FOR EACH ROW WHEN (NEW.stage = 'tendering' AND NEW.id = '${s.sectionId}') EXECUTE FUNCTION pg_temp_fail()`).execute(t.database.db);
    try {
      const failed = await call('POST', `/api/v1/notices/${n.id}/verification`, s.staffCookie, { decision: 'approve' });
      expect(failed.statusCode).toBe(500);
    } finally {
      await sql`DROP TRIGGER fail_tendering ON projects.section`.execute(t.database.db);
      await sql`DROP FUNCTION pg_temp_fail()`.execute(t.database.db);
    }
    expect(await count('disclosure.publication')).toBe(publications);
    expect(await count('exchange.outbox_message')).toBe(outbox);
    const still = (await call('GET', `/api/v1/notices/${n.id}`, s.managerCookie)).json();
    expect(still).toMatchObject({ status: 'pendingVerification', publicationId: null, verifiedAt: null });
    const retry = await call('POST', `/api/v1/notices/${n.id}/verification`, s.staffCookie, { decision: 'approve' });
    expect(retry.json().status).toBe('published');
    expect(await count('disclosure.publication')).toBe(publications + 1);
  });

  it('[task-8] a notice for two sections publishes once, covering both, and the portal and both feeds have it the moment it is approved', async () => {
    const s = await openSection({ sections: 2 });
    await setTimetable(t, s.sectionIds[1]!, lawfulTimetable(t));
    const n = (await call('POST', '/api/v1/notices', s.managerCookie, { type: 'tenderNotice', sectionIds: s.sectionIds })).json();
    await call('POST', `/api/v1/notices/${n.id}/submit`, s.managerCookie);
    const v = (await call('POST', `/api/v1/notices/${n.id}/verification`, s.staffCookie, { decision: 'approve' })).json();
    const list = (await t.built.app.inject({ method: 'GET', url: `/api/v1/public/notices?sectionId=${s.sectionIds[1]}` })).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([v.publicationId]);
    expect(list.items[0].sectionIds.sort()).toEqual([...s.sectionIds].sort());
    // The JSON change feed and the Atom feed carry it at once: nothing is scheduled in between.
    const feed = (await t.built.app.inject({ method: 'GET', url: '/api/v1/public/feed?limit=500' })).json();
    const events = feed.events.filter((e: { publication: { id: string } }) => e.publication.id === v.publicationId);
    expect(events.map((e: { event: string }) => e.event)).toEqual(['published']);
    const atom = await t.built.app.inject({ method: 'GET', url: '/feeds/notices.atom' });
    expect(atom.statusCode).toBe(200);
    expect(atom.body).toContain(`urn:uuid:${v.publicationId}`);
  });
});
