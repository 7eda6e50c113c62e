import type { ClarificationView, DeadlineEffectView, DocumentView, DownloadReceipt, DownloadView, NoticePage, QuestionView, SectionDetail, SiteVisitView } from '@bidhall/contracts';
import { publicKeyFromPem, sm3, toHex, verifyJson } from '@bidhall/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_VISIT_REMINDER_JOB } from '../../apps/server/src/modules/documents/index.ts';
import { api, bidder, createDocumentsTestApp, issuedDocument, obtain, type DocumentsTestApp } from '../support/documents-fixtures.ts';
import { lawfulTimetable, registeredSection, setTimetable, type RegisteredSection } from '../support/tendering-fixtures.ts';
import type { TestApp } from '../support/test-app.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let d: DocumentsTestApp;
let t: TestApp;
let r: RegisteredSection;
let doc: DocumentView;
type Bidder = Awaited<ReturnType<typeof bidder>>;
let a: Bidder;
let b: Bidder;
let outsider: Bidder;

beforeAll(async () => {
  d = await createDocumentsTestApp({ startJobs: true });
  t = d.t;
  r = await registeredSection(t, { organisation: 'agency' });
  await d.bindCertificate(r.tenderer);
  await setTimetable(t, r.sectionId, lawfulTimetable(t));
  ({ doc } = await issuedDocument(d, r));
  t.clock.set(new Date(Date.parse(doc.issueStart!) + HOUR));
  r.managerCookie = await r.agency!.relogin();
  r.tenderer.cookie = await r.tenderer.relogin();
  a = await bidder(t);
  b = await bidder(t);
  outsider = await bidder(t);
  await obtain(t, doc.id, a.cookie);
  await obtain(t, doc.id, b.cookie);
});
afterAll(async () => d?.close());

const call = (...args: Parameters<ReturnType<typeof api>['call']>) => api(t).call(...args);
const code = (res: { json(): unknown }) => (res.json() as { code: string }).code;
const messages = (entityId: string, topic: string) =>
  t.database.db.selectFrom('notifications.message').select(['title', 'body']).where('recipient_id', '=', entityId).where('topic', '=', topic).execute();
/** Sessions last 12 hours; after the clock moves everyone logs in again. */
async function relogin() {
  a.cookie = await a.relogin();
  b.cookie = await b.relogin();
  outsider.cookie = await outsider.relogin();
  r.managerCookie = await r.agency!.relogin();
  r.tenderer.cookie = await r.tenderer.relogin();
}

describe('questions', () => {
  it('[A-80] [A-81] [B-011] bidders who obtained the documents ask; the tenderer answers; other bidders never learn who asked', async () => {
    const notObtained = await call('POST', `/api/v1/tender-documents/${doc.id}/questions`, outsider.cookie, { text: '能否接受联合体？' });
    expect(code(notObtained)).toBe('DOWNLOAD_REQUIRED');
    const asked = await call('POST', `/api/v1/tender-documents/${doc.id}/questions`, a.cookie, { text: '工程量清单第3项单位是否有误？' });
    expect(asked.statusCode, asked.body).toBe(201);
    const q = asked.json() as QuestionView;
    expect(q).toMatchObject({ number: 1, mine: true, askedByEntityId: a.entityId, answer: null });

    // The tenderer's side sees the asker; another bidder does not see an unanswered question.
    const forManager = (await call('GET', `/api/v1/tender-documents/${doc.id}/questions`, r.managerCookie)).json() as QuestionView[];
    expect(forManager).toEqual([expect.objectContaining({ id: q.id, askedByEntityId: a.entityId, askedByEntityName: a.name })]);
    expect((await call('GET', `/api/v1/tender-documents/${doc.id}/questions`, b.cookie)).json()).toEqual([]);

    expect((await call('POST', `/api/v1/questions/${q.id}/answer`, b.cookie, { answer: 'x' })).statusCode).toBe(403);
    const answered = await call('POST', `/api/v1/questions/${q.id}/answer`, r.managerCookie, { answer: '单位为立方米，以澄清为准。' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(code(await call('POST', `/api/v1/questions/${q.id}/answer`, r.managerCookie, { answer: '再答' }))).toBe('QUESTION_ALREADY_ANSWERED');
    const forB = (await call('GET', `/api/v1/tender-documents/${doc.id}/questions`, b.cookie)).json() as QuestionView[];
    expect(forB).toEqual([expect.objectContaining({ id: q.id, askedByEntityId: null, askedByEntityName: null, mine: false, answer: '单位为立方米，以澄清为准。' })]);
    const toB = await messages(b.entityId, 'documentAnswer');
    expect(toB).toHaveLength(1);
    expect(JSON.stringify(toB)).not.toContain(a.name);
  });
});

describe('clarifications', () => {
  let first: ClarificationView;

  it('[A-82] [A-83] [B-014] [B-015] an early clarification is numbered, published prominently and becomes the next version of the document; the deadline stands', async () => {
    const questions = (await call('GET', `/api/v1/tender-documents/${doc.id}/questions`, r.managerCookie)).json() as QuestionView[];
    const created = await call('POST', `/api/v1/tender-documents/${doc.id}/clarifications`, r.managerCookie, {
      kind: 'clarification',
      title: '关于工程量清单的澄清',
      bodyHtml: '<p>清单第3项单位更正为立方米。</p>',
      questionIds: [questions[0]!.id],
    });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json() as ClarificationView;
    expect(draft).toMatchObject({ status: 'draft', number: null });
    // Drafts are the tenderer's; a script is refused.
    expect(code(await call('GET', `/api/v1/clarifications/${draft.id}`, a.cookie))).toBe('CLARIFICATION_NOT_FOUND');
    expect(code(await call('PUT', `/api/v1/clarifications/${draft.id}`, r.managerCookie, { bodyHtml: '<img src=x onerror="alert(1)">' }))).toBe('CONTENT_UNSAFE');

    // Previewed before issue: early enough, the deadline stands.
    const preview = await call('GET', `/api/v1/clarifications/${draft.id}/effect`, r.managerCookie);
    expect(preview.json()).toMatchObject({ status: 'inTime', newDeadline: null, issuedAt: t.clock.now().toISOString() });
    expect(code(await call('GET', `/api/v1/clarifications/${draft.id}/effect`, a.cookie))).toBe('FORBIDDEN');
    const issued = await call('POST', `/api/v1/clarifications/${draft.id}/issue`, r.managerCookie);
    expect(issued.statusCode, issued.body).toBe(200);
    first = issued.json() as ClarificationView;
    expect(code(await call('GET', `/api/v1/clarifications/${draft.id}/effect`, r.managerCookie))).toBe('CLARIFICATION_NOT_EDITABLE');
    expect(first).toMatchObject({ status: 'issued', number: 1, label: '第1次澄清', documentVersion: 2, deadline: { status: 'inTime' } });
    expect(first.bodyHtml).toContain('工程量清单第3项单位是否有误？');
    expect(first.bodyHtml).toContain('单位为立方米');
    expect(code(await call('PUT', `/api/v1/clarifications/${first.id}`, r.managerCookie, { title: '改' }))).toBe('CLARIFICATION_NOT_EDITABLE');

    // B-015: the document is now version 2, listing the clarification by its SM3.
    const v2 = (await call('GET', `/api/v1/tender-documents/${doc.id}`, a.cookie)).json() as DocumentView;
    expect(v2.version).toBe(2);
    const pkg = await call('GET', `/api/v1/tender-documents/${doc.id}/download`, a.cookie);
    const manifest = JSON.parse(pkg.rawPayload.toString('utf8')) as { version: number; clarifications: { number: number; contentSm3: string }[]; signedVersionSm3: string };
    expect(manifest.version).toBe(2);
    expect(manifest.clarifications).toEqual([expect.objectContaining({ number: 1, contentSm3: first.contentSm3 })]);
    expect(manifest.signedVersionSm3).toBe(doc.contentSm3);
    expect(toHex(sm3(pkg.rawPayload))).toBe(v2.contentSm3);

    // B-014: published prominently, in the same canonical content everywhere.
    const page = (await call('GET', `/api/v1/public/notices/${first.publicationId}`, a.cookie)).json() as NoticePage;
    expect(page).toMatchObject({ type: 'clarification', prominent: true, sectionIds: [r.sectionId] });
    expect(page.title).toContain('第1次澄清');
    // B-013: both who obtained the documents are told; the outsider is not.
    for (const x of [a, b]) expect((await messages(x.entityId, 'clarification')).map((m) => m.title)).toEqual([expect.stringContaining('第1次澄清')]);
    expect(await messages(outsider.entityId, 'clarification')).toEqual([]);
  });

  it('[A-85] [A-86] a clarification is downloaded with a receipt, viewable later', async () => {
    const res = await call('POST', `/api/v1/clarifications/${first.id}/downloads`, a.cookie);
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json() as DownloadReceipt;
    expect(receipt).toMatchObject({ subject: 'clarification', clarificationId: first.id, documentId: doc.id, contentSm3: first.contentSm3, version: 2 });
    const content = await call('GET', `/api/v1/clarifications/${first.id}/content`, a.cookie);
    expect(toHex(sm3(content.rawPayload))).toBe(receipt.contentSm3);
    expect(JSON.parse(content.rawPayload.toString('utf8'))).toMatchObject({ number: 1, label: '第1次澄清', questions: [{ number: 1, text: '工程量清单第3项单位是否有误？' }] });
    expect(content.rawPayload.toString('utf8')).not.toContain(a.entityId);
    const { publicKeyPem } = (await call('GET', '/api/v1/log/key', a.cookie)).json() as { publicKeyPem: string };
    const { signature, ...body } = receipt;
    expect(verifyJson(body, signature, publicKeyFromPem(publicKeyPem))).toBe(true);
    const mine = (await call('GET', '/api/v1/downloads/mine', a.cookie)).json() as DownloadView[];
    expect(mine.map((m) => m.subject).sort()).toEqual(['clarification', 'document']);
  });
});

describe('site visits', () => {
  it('[A-77] [A-78] [A-79] the notice goes to everyone who downloaded; the reminder fires when the clock reaches the set time; records are sent', async () => {
    const visitAt = new Date(t.clock.now().getTime() + 2 * DAY);
    const created = await call('POST', `/api/v1/tender-documents/${doc.id}/site-visits`, r.managerCookie, {
      visitAt: visitAt.toISOString(),
      meetingPlace: '项目部（东胜区天骄路）',
      contact: '王工 13900000000',
      remindMinutesBefore: 120,
    });
    expect(created.statusCode, created.body).toBe(201);
    const visit = created.json() as SiteVisitView;
    expect(visit.status).toBe('draft');
    expect((await call('GET', `/api/v1/tender-documents/${doc.id}/site-visits`, a.cookie)).json()).toEqual([]);
    expect(code(await call('GET', `/api/v1/tender-documents/${doc.id}/site-visits`, outsider.cookie))).toBe('DOWNLOAD_REQUIRED');

    const sent = await call('POST', `/api/v1/site-visits/${visit.id}/send`, r.managerCookie);
    expect(sent.statusCode, sent.body).toBe(200);
    for (const x of [a, b]) expect(await messages(x.entityId, 'siteVisit')).toHaveLength(1);
    // The reminder job was enqueued in the sending transaction, for two hours before the visit.
    const job = await t.database.db.selectFrom('pgboss.job').select(['start_after']).where('name', '=', SITE_VISIT_REMINDER_JOB).executeTakeFirstOrThrow();
    expect(new Date(job.start_after as Date).toISOString()).toBe(new Date(visitAt.getTime() - 2 * HOUR).toISOString());

    // Not yet: the platform's clock is two days before the visit.
    await t.jobs.runNow(SITE_VISIT_REMINDER_JOB, { siteVisitId: visit.id });
    expect(await messages(a.entityId, 'siteVisitReminder')).toEqual([]);
    t.clock.set(new Date(visitAt.getTime() - 90 * 60_000));
    await t.jobs.runNow(SITE_VISIT_REMINDER_JOB, { siteVisitId: visit.id });
    await t.jobs.runNow(SITE_VISIT_REMINDER_JOB, { siteVisitId: visit.id });
    for (const x of [a, b]) expect((await messages(x.entityId, 'siteVisitReminder')).map((m) => m.body)).toEqual([expect.stringContaining('项目部')]);
    expect(await messages(outsider.entityId, 'siteVisitReminder')).toEqual([]);

    await relogin();
    t.clock.set(new Date(visitAt.getTime() + 3 * HOUR));
    const withRecord = await call('POST', `/api/v1/site-visits/${visit.id}/records`, r.managerCookie, { summary: '踏勘现场，介绍场地及周边环境。', attendees: ['投标人甲', '投标人乙'] });
    expect(withRecord.statusCode, withRecord.body).toBe(201);
    const recordId = (withRecord.json() as SiteVisitView).records[0]!.id;
    const recordSent = await call('POST', `/api/v1/site-visit-records/${recordId}/send`, r.managerCookie);
    expect((recordSent.json() as SiteVisitView).records[0]!.status).toBe('sent');
    expect(await messages(b.entityId, 'siteVisitRecord')).toHaveLength(1);
    const seen = (await call('GET', `/api/v1/tender-documents/${doc.id}/site-visits`, b.cookie)).json() as SiteVisitView[];
    expect(seen).toEqual([expect.objectContaining({ status: 'sent', remindedAt: expect.any(String), records: [expect.objectContaining({ status: 'sent', attendees: ['投标人甲', '投标人乙'] })] })]);
  });
});

describe('late questions and clarifications', () => {
  it('[B-011] no question after the questions deadline', async () => {
    const section = (await call('GET', `/api/v1/sections/${r.sectionId}`, r.managerCookie)).json() as SectionDetail;
    t.clock.set(new Date(Date.parse(section.timetable.questionsDeadline!) + HOUR));
    await relogin();
    const late = await call('POST', `/api/v1/tender-documents/${doc.id}/questions`, a.cookie, { text: '还能提问吗？' });
    expect([late.statusCode, code(late)]).toEqual([409, 'QUESTIONS_CLOSED']);
  });

  it('[B-012] [B-013] [A-84] a clarification less than 15 days before the deadline moves it, and everyone who downloaded is told', async () => {
    const before = (await call('GET', `/api/v1/sections/${r.sectionId}`, r.managerCookie)).json() as SectionDetail;
    const deadline = before.timetable.bidDeadline!;
    const draft = (
      await call('POST', `/api/v1/tender-documents/${doc.id}/clarifications`, r.managerCookie, { kind: 'modification', title: '修改技术标准', bodyHtml: '<p>技术标准第2条修改。</p>' })
    ).json() as ClarificationView;
    // The preview is the issue's own decision: the same moved deadline, and nothing moves yet.
    const preview = (await call('GET', `/api/v1/clarifications/${draft.id}/effect`, r.managerCookie)).json() as DeadlineEffectView;
    expect(preview).toMatchObject({ status: 'deadlineMoves', deadline: new Date(deadline).toISOString() });
    expect(((await call('GET', `/api/v1/sections/${r.sectionId}`, r.managerCookie)).json() as SectionDetail).timetable.bidDeadline).toBe(deadline);
    const res = await call('POST', `/api/v1/clarifications/${draft.id}/issue`, r.managerCookie);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as ClarificationView;
    expect(c.deadline!.current).toBe(preview.newDeadline);
    expect(c).toMatchObject({ number: 2, label: '第2次修改', documentVersion: 3, deadline: { status: 'deadlineMoves', previous: new Date(deadline).toISOString() } });
    const moved = c.deadline!.current!;
    expect(Date.parse(moved) - t.clock.now().getTime()).toBeGreaterThanOrEqual(15 * DAY - DAY);
    expect(c.bodyHtml).toContain('顺延至');
    const after = (await call('GET', `/api/v1/sections/${r.sectionId}`, r.managerCookie)).json() as SectionDetail;
    expect(after.timetable.bidDeadline).toBe(moved);
    for (const x of [a, b]) {
      const told = (await messages(x.entityId, 'clarification')).find((m) => m.title.includes('第2次修改'));
      expect(told?.title).toContain('截止时间顺延');
      expect(told?.body).toContain('顺延至');
    }
    expect(await messages(outsider.entityId, 'clarification')).toEqual([]);
    // The document version records both, in order; the moved deadline is in the clarification's content.
    const list = (await call('GET', `/api/v1/tender-documents/${doc.id}/clarifications`, b.cookie)).json() as ClarificationView[];
    expect(list.map((x) => x.label)).toEqual(['第1次澄清', '第2次修改']);
  });
});
