import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../support/test-app.ts';
import { registrationBody } from '../support/registration-fixtures.ts';
import { lawfulTimetable, registeredSection, setTimetable } from '../support/tendering-fixtures.ts';

let t: TestApp;
const BASE = 'https://ggzy.example.cn';
const bidders: { id: string; name: string; cookie: string; username: string }[] = [];
/** Sessions last 12 hours: tests that move the clock further log in again. */
const refresh = async () => {
  for (const b of bidders) b.cookie = await login(t, b.username);
};

beforeAll(async () => {
  t = await createTestApp({ config: { publicBaseUrl: BASE }, startJobs: true });
  for (let i = 0; i < 4; i++) {
    const body = registrationBody({ roles: ['bidder'], name: `受邀建设有限公司${i}${Math.floor(Math.random() * 1e6)}` });
    const res = await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body });
    bidders.push({ id: res.json().entity.id, name: body.entity.name, username: body.account.username, cookie: await login(t, body.account.username) });
  }
});
afterAll(async () => t.close());

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
  t.built.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : method === 'POST' ? { payload: {} } : {}) });
const count = async (table: string) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(t.database.db)).rows[0]!.n);
const inHours = (h: number) => new Date(t.clock.now().getTime() + h * 3_600_000).toISOString();

async function invitationSection(opts: Parameters<typeof registeredSection>[1] = {}) {
  const s = await registeredSection(t, { method: 'invitation', ...opts });
  await setTimetable(t, s.sectionId, lawfulTimetable(t));
  return s;
}

describe('invitations', () => {
  it('[A-56] the bidder database lists active bidders by name for tenderers and agencies only', async () => {
    const s = await invitationSection();
    const res = await call('GET', `/api/v1/bidders?q=${encodeURIComponent('受邀建设')}`, s.managerCookie);
    expect(res.statusCode).toBe(200);
    const ids = res.json().map((b: { entityId: string }) => b.entityId);
    for (const b of bidders) expect(ids).toContain(b.id);
    expect(ids).not.toContain(s.tendererEntityId);
    expect(res.json()[0]).toEqual({ entityId: expect.any(String), name: expect.any(String), creditCode: expect.stringMatching(/^.{18}$/), regionCode: '150602' });
    expect((await call('GET', '/api/v1/bidders', bidders[0]!.cookie)).statusCode).toBe(403);
  });

  it('[B-006] an invitation goes to at least three bidders of the database; fewer or non-bidders are refused and nothing is stored', async () => {
    const s = await invitationSection();
    const before = await count('tendering.invitation');
    const few = await call('POST', '/api/v1/invitations', s.managerCookie, { sectionIds: [s.sectionId], replyDeadline: inHours(48), inviteeIds: [bidders[0]!.id, bidders[1]!.id] });
    expect(few.statusCode).toBe(422);
    expect(few.json()).toMatchObject({ code: 'INVITEES_TOO_FEW', details: { minimum: 3, picked: 2 } });
    const stranger = await call('POST', '/api/v1/invitations', s.managerCookie, {
      sectionIds: [s.sectionId],
      replyDeadline: inHours(48),
      inviteeIds: [bidders[0]!.id, bidders[1]!.id, s.tendererEntityId],
    });
    expect(stranger.json().code).toBe('INVITEE_NOT_BIDDER');
    const script = await call('POST', '/api/v1/invitations', s.managerCookie, {
      sectionIds: [s.sectionId],
      replyDeadline: inHours(48),
      inviteeIds: bidders.slice(0, 3).map((b) => b.id),
      bodyHtml: `<p>${BASE}</p><img src=x onerror="alert(1)">`,
    });
    expect(script.json().code).toBe('NOTICE_HTML_UNSAFE');
    expect(await count('tendering.invitation')).toBe(before);
    const open = await registeredSection(t);
    const wrongMethod = await call('POST', '/api/v1/invitations', open.managerCookie, { sectionIds: [open.sectionId], replyDeadline: inHours(48), inviteeIds: bidders.slice(0, 3).map((b) => b.id) });
    expect(wrongMethod.json().code).toBe('NOTICE_TYPE_MISMATCH');
  });

  it('[A-55] [A-57] [A-58] [B-008] drafted from the standard text, reviewed and verified, sent to each invitee, who accepts or declines before the deadline; the tenderer sees the replies', async () => {
    const s = await invitationSection({ organisation: 'agency' });
    const created = await call('POST', '/api/v1/invitations', s.agencyCookie!, { sectionIds: [s.sectionId], replyDeadline: inHours(48), inviteeIds: bidders.slice(0, 3).map((b) => b.id) });
    expect(created.statusCode, created.body).toBe(201);
    const inv = created.json();
    expect(inv.bodyHtml).toContain(BASE);
    expect(inv.bodyHtml).toContain('确认');
    expect(inv.bodyHtml).toContain('使用方法');
    expect(inv.invitees).toHaveLength(3);
    // Not sent yet: invitees see nothing.
    expect((await call('GET', '/api/v1/invitations/received', bidders[0]!.cookie)).json()).toEqual([]);
    expect((await call('POST', `/api/v1/invitations/${inv.id}/reply`, bidders[0]!.cookie, { decision: 'accept' })).json().code).toBe('INVITATION_NOT_FOUND');

    const edited = await call('PUT', `/api/v1/invitations/${inv.id}`, s.agencyCookie!, { inviteeIds: bidders.map((b) => b.id) });
    expect(edited.json().invitees).toHaveLength(4);
    expect((await call('POST', `/api/v1/invitations/${inv.id}/submit`, s.agencyCookie!)).json().status).toBe('pendingReview');
    expect((await call('PUT', `/api/v1/invitations/${inv.id}`, s.agencyCookie!, { title: 'x' })).json().code).toBe('INVITATION_STATE_CONFLICT');
    expect((await call('POST', `/api/v1/invitations/${inv.id}/review`, s.tendererCookie, { decision: 'approve' })).json().status).toBe('pendingVerification');
    const queue = (await call('GET', '/api/v1/invitations/verification-queue', s.staffCookie)).json();
    expect(queue.items.map((x: { id: string }) => x.id)).toContain(inv.id);
    const sent = await call('POST', `/api/v1/invitations/${inv.id}/verification`, s.staffCookie, { decision: 'approve' });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'sent', verifiedBy: s.staffUserId, sentAt: t.clock.now().toISOString() });
    // Invitations are not public; the sending is in the audit trail and so in the public log.
    const audit = await t.database.db.selectFrom('platform.audit_event').select(['action', 'log_index']).where('target_id', '=', inv.id).where('action', '=', 'tendering.invitation.sent').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.log_index).not.toBeNull();
    expect(await t.database.db.selectFrom('disclosure.publication').select('id').where('source_id', '=', inv.id).execute()).toEqual([]);

    for (const b of bidders) {
      const messages = (await call('GET', '/api/v1/notifications', b.cookie)).json();
      expect(messages.items.some((m: { title: string; link: string }) => m.title === '投标邀请书' && m.link.includes(inv.id))).toBe(true);
    }
    const received = (await call('GET', '/api/v1/invitations/received', bidders[0]!.cookie)).json();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ id: inv.id, reply: 'pending', open: true });
    expect(JSON.stringify(received[0])).not.toContain(bidders[1]!.id);

    expect((await call('POST', `/api/v1/invitations/${inv.id}/reply`, bidders[0]!.cookie, { decision: 'accept' })).json()).toMatchObject({ reply: 'accepted', open: false });
    expect((await call('POST', `/api/v1/invitations/${inv.id}/reply`, bidders[0]!.cookie, { decision: 'decline' })).json().code).toBe('ALREADY_REPLIED');
    expect((await call('POST', `/api/v1/invitations/${inv.id}/reply`, bidders[1]!.cookie, { decision: 'decline', note: '产能不足' })).json().reply).toBe('declined');
    expect((await call('POST', `/api/v1/invitations/${inv.id}/reply`, s.tendererCookie, { decision: 'accept' })).statusCode).toBe(403);
    expect((await call('POST', `/api/v1/invitations/${inv.id}/result`, s.agencyCookie!)).json().code).toBe('INVITATION_RESULT_EARLY');

    t.clock.advance(49 * 3_600_000);
    await refresh();
    const tenderer = await s.tenderer.relogin();
    const late = await call('POST', `/api/v1/invitations/${inv.id}/reply`, bidders[2]!.cookie, { decision: 'accept' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('REPLY_DEADLINE_PASSED');

    const view = (await call('GET', `/api/v1/invitations/${inv.id}`, tenderer)).json();
    expect(view.replies).toEqual({ accepted: 1, declined: 1, pending: 2 });
    expect(view.invitees.find((i: { entityId: string }) => i.entityId === bidders[1]!.id)).toMatchObject({ reply: 'declined', replyNote: '产能不足' });
    expect(view.history.map((h: { action: string }) => h.action)).toEqual(['created', 'submitted', 'reviewApproved', 'verified', 'sent']);

    const result = await call('POST', `/api/v1/invitations/${inv.id}/result`, (await s.agency!.relogin()));
    expect(result.statusCode, result.body).toBe(200);
    const page = (await t.built.app.inject({ method: 'GET', url: `/api/v1/public/notices/${result.json().resultPublicationId}` })).json();
    expect(page.type).toBe('invitationResult');
    for (const b of bidders) expect(page.bodyHtml).not.toContain(b.name);
  });

  it('wrong roles and strangers are refused', async () => {
    const s = await invitationSection();
    const inv = (await call('POST', '/api/v1/invitations', s.managerCookie, { sectionIds: [s.sectionId], replyDeadline: inHours(24), inviteeIds: bidders.slice(0, 3).map((b) => b.id) })).json();
    expect((await call('POST', '/api/v1/invitations', bidders[0]!.cookie, { sectionIds: [s.sectionId], replyDeadline: inHours(24), inviteeIds: [] })).statusCode).toBe(403);
    expect((await call('GET', `/api/v1/invitations/${inv.id}`, bidders[0]!.cookie)).statusCode).toBe(403);
    expect((await call('POST', `/api/v1/invitations/${inv.id}/verification`, s.managerCookie, { decision: 'approve' })).statusCode).toBe(403);
    const past = await call('PUT', `/api/v1/invitations/${inv.id}`, s.managerCookie, { replyDeadline: inHours(-1) });
    expect(past.json().code).toBe('REPLY_DEADLINE_INVALID');
  });
});
