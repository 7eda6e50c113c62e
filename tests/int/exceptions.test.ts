import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../support/test-app.ts';
import { registrationBody } from '../support/registration-fixtures.ts';
import { lawfulTimetable, registeredSection, setTimetable } from '../support/tendering-fixtures.ts';

let t: TestApp;
let bidder: string;
beforeAll(async () => {
  t = await createTestApp({ startJobs: true });
  const body = registrationBody({ roles: ['bidder'] });
  await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body });
  bidder = await login(t, body.account.username);
});
afterAll(async () => t.close());

const call = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) =>
  t.built.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : method === 'POST' ? { payload: {} } : {}) });
const publicNotice = async (id: string) => (await t.built.app.inject({ method: 'GET', url: `/api/v1/public/notices/${id}` })).json();

async function publishedSection() {
  const s = await registeredSection(t);
  await setTimetable(t, s.sectionId, lawfulTimetable(t));
  const n = (await call('POST', '/api/v1/notices', s.managerCookie, { type: 'tenderNotice', sectionIds: [s.sectionId] })).json();
  await call('POST', `/api/v1/notices/${n.id}/submit`, s.managerCookie);
  const v = (await call('POST', `/api/v1/notices/${n.id}/verification`, s.staffCookie, { decision: 'approve' })).json();
  expect(v.status).toBe('published');
  return { s, notice: v };
}

describe('section exceptions', () => {
  it('[A-198] [A-197] terminating a section needs a reason, is published prominently and takes its notice off the portal list', async () => {
    const { s, notice } = await publishedSection();
    expect((await call('POST', `/api/v1/sections/${s.sectionId}/exceptions`, s.managerCookie, { kind: 'termination' })).statusCode).toBe(400);
    expect((await call('POST', `/api/v1/sections/${s.sectionId}/exceptions`, bidder, { kind: 'termination', reason: 'x' })).statusCode).toBe(403);
    const other = await registeredSection(t);
    expect((await call('POST', `/api/v1/sections/${s.sectionId}/exceptions`, other.managerCookie, { kind: 'termination', reason: 'x' })).json().code).toBe('NOT_YOUR_PROJECT');

    const res = await call('POST', `/api/v1/sections/${s.sectionId}/exceptions`, s.managerCookie, { kind: 'termination', reason: '项目资金未落实，终止招标' });
    expect(res.statusCode, res.body).toBe(201);
    const ex = res.json();
    expect(ex).toMatchObject({ kind: 'termination', round: 1, reason: '项目资金未落实，终止招标' });
    const page = await publicNotice(ex.publicationId);
    expect(page).toMatchObject({ type: 'termination', prominent: true });
    expect(page.bodyHtml).toContain('项目资金未落实');
    expect((await publicNotice(notice.publicationId)).status).not.toBe('published');
    expect((await call('GET', `/api/v1/notices/${notice.id}`, s.managerCookie)).json()).toMatchObject({ status: 'withdrawn' });
    expect(JSON.stringify((await call('GET', `/api/v1/sections/${s.sectionId}`, s.managerCookie)).json())).toContain('"stage":"terminated"');
    const again = await call('POST', `/api/v1/sections/${s.sectionId}/exceptions`, s.managerCookie, { kind: 'retender', reason: 'x' });
    expect(again.json().code).toBe('SECTION_STAGE_CONFLICT');
    const listed = (await call('GET', `/api/v1/sections/${s.sectionId}/exceptions`, s.staffCookie)).json();
    expect(listed).toHaveLength(1);
  });

  it('[A-197] a re-tender is published, moves the section to its next round and notifies the invitees of the round', async () => {
    const s = await registeredSection(t, { method: 'invitation' });
    await setTimetable(t, s.sectionId, lawfulTimetable(t));
    const invitees: { id: string; cookie: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const body = registrationBody({ roles: ['bidder'] });
      const r = await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body });
      invitees.push({ id: r.json().entity.id, cookie: await login(t, body.account.username) });
    }
    const replyDeadline = new Date(t.clock.now().getTime() + 48 * 3_600_000).toISOString();
    const inv = (await call('POST', '/api/v1/invitations', s.managerCookie, { sectionIds: [s.sectionId], replyDeadline, inviteeIds: invitees.map((i) => i.id) })).json();
    await call('POST', `/api/v1/invitations/${inv.id}/submit`, s.managerCookie);
    expect((await call('POST', `/api/v1/invitations/${inv.id}/verification`, s.staffCookie, { decision: 'approve' })).json().status).toBe('sent');

    const res = await call('POST', `/api/v1/sections/${s.sectionId}/exceptions`, s.managerCookie, { kind: 'retender', reason: '确认参加的单位不足三家' });
    expect(res.statusCode, res.body).toBe(201);
    const ex = res.json();
    expect(ex).toMatchObject({ kind: 'retender', round: 1, notified: 4 });
    expect(await publicNotice(ex.publicationId)).toMatchObject({ type: 'retender', round: 2 });
    const section = JSON.stringify((await call('GET', `/api/v1/sections/${s.sectionId}`, s.managerCookie)).json());
    expect(section).toContain('"stage":"registered"');
    expect(section).toContain('"round":2');
    expect((await call('GET', `/api/v1/invitations/${inv.id}`, s.managerCookie)).json().status).toBe('withdrawn');
    for (const i of invitees) {
      const messages = (await call('GET', '/api/v1/notifications', i.cookie)).json();
      expect(messages.items.some((m: { title: string }) => m.title.includes('重新招标公告'))).toBe(true);
      expect((await call('GET', '/api/v1/invitations/received', i.cookie)).json()[0]).toMatchObject({ open: false });
    }
    // The next round starts from a new invitation.
    await setTimetable(t, s.sectionId, lawfulTimetable(t));
    const next = await call('POST', '/api/v1/invitations', s.managerCookie, { sectionIds: [s.sectionId], replyDeadline, inviteeIds: invitees.map((i) => i.id) });
    expect(next.json()).toMatchObject({ round: 2, status: 'draft' });
  });
});
