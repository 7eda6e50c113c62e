import { randomUUID } from 'node:crypto';
import type { NoticePage, OutboxDestination, OutboxMessageView, OutboxPage, TimetableInput } from '@bidhall/contracts';
import { sm3, toHex } from '@bidhall/crypto';
import { addDays, toBusinessDate } from '@bidhall/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_MAX_ATTEMPTS, OUTBOX_SWEEP_JOB, retryDelayMs } from '../../apps/server/src/modules/exchange/index.ts';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';
import { lawfulTimetable, registeredSection, setTimetable } from '../support/tendering-fixtures.ts';

let t: TestApp;
let staff: string;
beforeAll(async () => {
  t = await createTestApp({ startJobs: true });
  await createPlatformUser(t, { username: 'media.staff', kind: 'staff' });
  staff = await login(t, 'media.staff');
});
afterAll(async () => t.close());

const SANDBOX = { publicService: '/sandbox/public-service/v1', designatedMedia: '/sandbox/designated-media/v1', supervision: '/sandbox/supervision/v1' } as const;
const sm3Hex = (text: string) => toHex(sm3(new TextEncoder().encode(text)));
const call = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) =>
  t.built.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : method === 'POST' ? { payload: {} } : {}) });
const outbox = () => t.built.exchange.outbox;
const publicView = async (id: string) => (await t.built.app.inject({ method: 'GET', url: `/api/v1/public/notices/${id}` })).json<NoticePage>();

/** The staff list of messages about one subject, oldest first. */
async function messagesFor(subjectId: string, destination?: OutboxDestination): Promise<OutboxMessageView[]> {
  const res = await call('GET', `/api/v1/exchange/outbox?subjectId=${subjectId}${destination ? `&destination=${destination}` : ''}`, staff);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<OutboxPage>().items.reverse();
}

async function until(messageId: string, done: (m: OutboxMessageView) => boolean): Promise<OutboxMessageView> {
  const stop = performance.now() + 30_000;
  for (;;) {
    const m = await outbox().get(messageId);
    if (done(m)) return m;
    if (performance.now() > stop) throw new Error(`message to ${m.destination} stayed ${m.status} (${m.attempts} attempts)`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function received(destination: OutboxDestination, subjectId: string) {
  const res = await t.built.app.inject({ method: 'GET', url: `${SANDBOX[destination]}/messages?subjectId=${subjectId}` });
  expect(res.statusCode).toBe(200);
  return res.json() as { messageId: string; content: string; contentSm3: string; kind: string }[];
}

const day = (days: number, hhmm: string) => `${addDays(toBusinessDate(t.clock.now()), days)}T${hhmm}:00+08:00`;

/** Lawful for a prequalification of works: notice and documents 10 days, applications 10 days after. */
function prequalificationTimetable(): TimetableInput {
  return {
    prequalificationNoticeStart: day(1, '09:00'),
    prequalificationNoticeEnd: day(11, '17:00'),
    prequalificationDocumentIssueStart: day(1, '09:00'),
    prequalificationDocumentIssueEnd: day(11, '17:00'),
    applicationDeadline: day(22, '09:30'),
  };
}

/** A notice drafted from the standard text, submitted and verified by staff: published at once. */
async function publishedNotice(opts: { mandatory: boolean; type?: 'tenderNotice' | 'prequalificationNotice' }) {
  const type = opts.type ?? 'tenderNotice';
  const s = await registeredSection(t, { mandatory: opts.mandatory, method: type === 'tenderNotice' ? 'open' : 'prequalification' });
  await setTimetable(t, s.sectionId, type === 'tenderNotice' ? lawfulTimetable(t) : prequalificationTimetable());
  const n = await call('POST', '/api/v1/notices', s.managerCookie, { type, sectionIds: [s.sectionId] });
  expect(n.statusCode, n.body).toBe(201);
  const submitted = await call('POST', `/api/v1/notices/${n.json().id}/submit`, s.managerCookie);
  expect(submitted.statusCode, submitted.body).toBe(200);
  const verified = await call('POST', `/api/v1/notices/${n.json().id}/verification`, s.staffCookie, { decision: 'approve' });
  expect(verified.statusCode, verified.body).toBe(200);
  const v = verified.json() as { status: string; publicationId: string; contentSm3: string; bodyHtml: string };
  expect(v.status).toBe('published');
  return { s, publicationId: v.publicationId, contentSm3: v.contentSm3, bodyHtml: v.bodyHtml };
}

/** Both media received the portal's content byte for byte, each with its own delivered message. */
async function expectInBothMedia(publicationId: string, contentSm3: string) {
  const page = await publicView(publicationId);
  expect(page.media).toEqual(['publicService', 'designatedMedia']);
  const messages = await messagesFor(publicationId);
  expect(messages.map((m) => m.destination).sort()).toEqual(['designatedMedia', 'publicService']);
  for (const m of messages) {
    expect(m).toMatchObject({ kind: 'publication', contentSm3 });
    expect((await until(m.id, (x) => x.status === 'delivered')).receipt).toBeTruthy();
    const [got, ...more] = await received(m.destination, publicationId);
    expect(more).toEqual([]);
    expect(got!.messageId).toBe(m.id);
    expect(got!.content).toBe(page.content);
    expect(sm3Hex(got!.content)).toBe(contentSm3);
    expect(got!.contentSm3).toBe(page.contentSm3);
  }
}

async function expectPublicServiceOnly(publicationId: string, contentSm3: string) {
  expect((await publicView(publicationId)).media).toEqual(['publicService']);
  const [only, ...more] = await messagesFor(publicationId);
  expect(more).toEqual([]);
  expect(only).toMatchObject({ destination: 'publicService', contentSm3 });
  await until(only!.id, (m) => m.status === 'delivered');
  expect((await received('publicService', publicationId)).map((r) => r.contentSm3)).toEqual([contentSm3]);
  expect(await received('designatedMedia', publicationId)).toEqual([]);
}

describe('notices of mandatory projects in the national designated media', () => {
  it('[B-001] [B-003] a mandatory section\'s tender notice reaches the public service platform and the designated media with identical content; a non-mandatory one only the public service platform', async () => {
    const mandatory = await publishedNotice({ mandatory: true });
    // The standard text names the national media exactly when the notice goes there.
    expect(mandatory.bodyHtml).toContain('中国招标投标公共服务平台');
    await expectInBothMedia(mandatory.publicationId, mandatory.contentSm3);

    const voluntary = await publishedNotice({ mandatory: false });
    expect(voluntary.bodyHtml).not.toContain('中国招标投标公共服务平台');
    await expectPublicServiceOnly(voluntary.publicationId, voluntary.contentSm3);
  });

  it('[B-037] [B-036] a prequalification notice of a mandatory project is in both media with the same content; a non-mandatory one only on the public service platform', async () => {
    const mandatory = await publishedNotice({ mandatory: true, type: 'prequalificationNotice' });
    expect((await publicView(mandatory.publicationId)).type).toBe('prequalificationNotice');
    await expectInBothMedia(mandatory.publicationId, mandatory.contentSm3);

    const voluntary = await publishedNotice({ mandatory: false, type: 'prequalificationNotice' });
    await expectPublicServiceOnly(voluntary.publicationId, voluntary.contentSm3);
  });

  it('[B-001] a clarification follows its notice into the designated media, an invitation result does not; a withdrawal reaches every medium that carried the publication', async () => {
    const mandatory = await publishedNotice({ mandatory: true });
    const clarification = await t.database.db.transaction().execute((trx) =>
      t.built.publish(trx, {
        type: 'clarification',
        sourceId: randomUUID(),
        sectionIds: [mandatory.s.sectionId],
        regionCode: mandatory.s.regionCode,
        category: 'works',
        title: '招标文件第1次澄清与修改',
        bodyHtml: '<p>投标截止时间不变。</p>',
        prominent: true,
        publishedAt: t.clock.now().toISOString(),
        round: 1,
        links: {},
      }),
    );
    await expectInBothMedia(clarification.publicationId, clarification.contentSm3);
    const invitationResult = await t.database.db.transaction().execute((trx) =>
      t.built.publish(trx, {
        type: 'invitationResult',
        sourceId: randomUUID(),
        sectionIds: [mandatory.s.sectionId],
        regionCode: mandatory.s.regionCode,
        category: 'works',
        title: '邀请结果',
        bodyHtml: '<p>受邀单位确认期已截止。</p>',
        prominent: false,
        publishedAt: t.clock.now().toISOString(),
        round: 1,
        links: {},
        mandatory: true,
      }),
    );
    await expectPublicServiceOnly(invitationResult.publicationId, invitationResult.contentSm3);

    // A withdrawal goes wherever the publication went, with one content for all.
    const withdraw = (id: string) => t.database.db.transaction().execute((trx) => t.built.disclosure.withdraw(trx, id, '发布有误'));
    const withdrawals = async (id: string) => (await messagesFor(id)).filter((m) => m.kind === 'publicationWithdrawal');
    await withdraw(clarification.publicationId);
    await withdraw(invitationResult.publicationId);
    const both = await withdrawals(clarification.publicationId);
    expect(both.map((m) => m.destination).sort()).toEqual(['designatedMedia', 'publicService']);
    expect(new Set(both.map((m) => m.contentSm3)).size).toBe(1);
    for (const m of both) await until(m.id, (x) => x.status === 'delivered');
    expect((await received('designatedMedia', clarification.publicationId)).map((r) => r.kind).sort()).toEqual(['publication', 'publicationWithdrawal']);
    expect((await withdrawals(invitationResult.publicationId)).map((m) => m.destination)).toEqual(['publicService']);
  });

  it('[B-001] a termination of a section whose notice is in the designated media is published there too; a voluntary section\'s termination is not', async () => {
    const mandatory = await publishedNotice({ mandatory: true });
    const ended = await call('POST', `/api/v1/sections/${mandatory.s.sectionId}/exceptions`, mandatory.s.managerCookie, { kind: 'termination', reason: '项目资金未落实，终止招标' });
    expect(ended.statusCode, ended.body).toBe(201);
    const termination = await publicView(ended.json().publicationId);
    await expectInBothMedia(termination.id, termination.contentSm3);

    const voluntary = await publishedNotice({ mandatory: false });
    const voluntaryEnd = await call('POST', `/api/v1/sections/${voluntary.s.sectionId}/exceptions`, voluntary.s.managerCookie, { kind: 'termination', reason: '需求变更' });
    const voluntaryTermination = await publicView(voluntaryEnd.json().publicationId);
    await expectPublicServiceOnly(voluntaryTermination.id, voluntaryTermination.contentSm3);
  });

  it('[B-001] a designated-media failure is retried on its own with backoff while the public service delivery is done; after the last attempt staff retry it alone', async () => {
    // The failure switch of the designated media's sandbox is its own: the public service platform accepts.
    expect((await call('POST', `${SANDBOX.designatedMedia}/failures`, staff, { failNext: 1 })).json()).toEqual({ failNext: 1 });
    const notice = await publishedNotice({ mandatory: true });
    const [publicService] = await messagesFor(notice.publicationId, 'publicService');
    const [media] = await messagesFor(notice.publicationId, 'designatedMedia');
    const delivered = await until(publicService!.id, (m) => m.status === 'delivered');
    expect(delivered.attempts).toBe(1);
    const failed = await until(media!.id, (m) => m.status === 'retrying');
    expect(failed).toMatchObject({ attempts: 1, destination: 'designatedMedia' });
    expect(failed.lastError).toContain('503');
    expect(Date.parse(failed.nextAttemptAt!) - t.clock.now().getTime()).toBe(retryDelayMs(1));

    t.clock.advance(retryDelayMs(1));
    await t.jobs.runNow(OUTBOX_SWEEP_JOB);
    expect(await outbox().get(media!.id)).toMatchObject({ status: 'delivered', attempts: 2, lastError: null });
    // The public service message was delivered once and left alone.
    expect(await outbox().get(publicService!.id)).toMatchObject({ status: 'delivered', attempts: 1, deliveredAt: delivered.deliveredAt });
    expect(await received('designatedMedia', notice.publicationId)).toHaveLength(1);

    // A designated media that keeps failing: the message waits for staff, the public service one is long done.
    t.built.exchange.sandboxes!.designatedMedia.failNext(100);
    const second = await publishedNotice({ mandatory: true });
    const [ps2] = await messagesFor(second.publicationId, 'publicService');
    const [dm2] = await messagesFor(second.publicationId, 'designatedMedia');
    await until(ps2!.id, (m) => m.status === 'delivered');
    await until(dm2!.id, (m) => m.status === 'retrying');
    for (let i = 0; i < OUTBOX_MAX_ATTEMPTS * 2; i++) {
      const m = await outbox().get(dm2!.id);
      if (m.status === 'failed') break;
      t.clock.advance(retryDelayMs(m.attempts));
      await outbox().deliverDue();
    }
    expect((await outbox().get(dm2!.id)).status).toBe('failed');
    const failedList = (await call('GET', '/api/v1/exchange/outbox?status=failed&destination=designatedMedia', staff)).json<OutboxPage>();
    expect(failedList.items.map((m) => m.id)).toContain(dm2!.id);
    t.built.exchange.sandboxes!.designatedMedia.failNext(0);
    const retried = await call('POST', `/api/v1/exchange/outbox/${dm2!.id}/retry`, staff);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ id: dm2!.id, destination: 'designatedMedia', status: 'delivered' });
    expect(await outbox().get(ps2!.id)).toMatchObject({ status: 'delivered', attempts: 1 });
    const audit = await t.built.audit.list(t.database.db, { targetType: 'outboxMessage', targetId: dm2!.id, limit: 20 });
    expect(audit.find((a) => a.action === 'exchange.outbox.retried')?.details).toMatchObject({ destination: 'designatedMedia' });
  });

  it('the staff list filters by destination and shows it on each message; an unknown destination is refused', async () => {
    const notice = await publishedNotice({ mandatory: true });
    const media = await messagesFor(notice.publicationId, 'designatedMedia');
    const ps = await messagesFor(notice.publicationId, 'publicService');
    expect(media.map((m) => m.destination)).toEqual(['designatedMedia']);
    expect(ps.map((m) => m.destination)).toEqual(['publicService']);
    expect(media[0]!.id).not.toBe(ps[0]!.id);
    const all = (await call('GET', '/api/v1/exchange/outbox?destination=designatedMedia&limit=200', staff)).json<OutboxPage>();
    expect(all.items.length).toBeGreaterThan(0);
    expect(all.items.every((m) => m.destination === 'designatedMedia')).toBe(true);
    const one = (await call('GET', `/api/v1/exchange/outbox/${media[0]!.id}`, staff)).json<OutboxMessageView & { content: string }>();
    expect(one.destination).toBe('designatedMedia');
    expect(one.content).toBe((await publicView(notice.publicationId)).content);

    const bad = await call('GET', '/api/v1/exchange/outbox?destination=newspaper', staff);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad.json())).toContain('destination');
  });
});
