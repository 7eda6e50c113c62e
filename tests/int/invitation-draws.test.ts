import { addDays, toBusinessDate, type BusinessDate } from '@bidhall/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDraw } from '../../apps/cli/src/draw-verify.ts';
import { injectFetch } from '../support/inject-fetch.ts';
import { registrationBody } from '../support/registration-fixtures.ts';
import { registeredSection, setTimetable, type RegisteredSection } from '../support/tendering-fixtures.ts';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const suppliers: { id: string; name: string; username: string; cookie: string }[] = [];

beforeAll(async () => {
  t = await createTestApp({ config: { publicBaseUrl: 'https://ggzy.example.cn' } });
  for (let i = 0; i < 7; i++) {
    const body = registrationBody({ roles: ['bidder'], name: `抽取供应商有限公司${i}${Math.floor(Math.random() * 1e6)}` });
    const res = await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body });
    suppliers.push({ id: res.json().entity.id, name: body.entity.name, username: body.account.username, cookie: '' });
  }
  await createPlatformUser(t, { username: 'b007.staff', kind: 'staff', regionCode: '150600' });
});
afterAll(async () => t.close());

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) =>
  t.built.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : method === 'POST' ? { payload: {} } : {}) });
/** A Shanghai date and time `days` from the test clock's start. */
const start = () => toBusinessDate(t.clock.now());
let origin: BusinessDate | undefined;
const day = (days: number, hhmm: string) => `${addDays(origin!, days)}T${hhmm}:00+08:00`;

/** A government goods section tendered by invitation after a prequalification (B-007). */
async function governmentSection(): Promise<RegisteredSection> {
  origin = start();
  const s = await registeredSection(t, { method: 'invitation', kind: 'governmentGoods', category: 'governmentProcurement', mandatory: false, organisation: 'agency' });
  await setTimetable(t, s.sectionId, {
    prequalificationNoticeStart: day(1, '09:00'),
    prequalificationNoticeEnd: day(15, '17:00'),
    prequalificationDocumentIssueStart: day(1, '09:00'),
    prequalificationDocumentIssueEnd: day(15, '17:00'),
    applicationDeadline: day(16, '09:30'),
    documentIssueStart: day(20, '09:00'),
    documentIssueEnd: day(32, '17:00'),
    bidDeadline: day(46, '09:30'),
  });
  return s;
}

const qualified = (n: number) => suppliers.slice(0, n).map((s, i) => ({ entityId: s.id, evidence: `资格预审合格通知书 ZG-2026-${String(i + 1).padStart(3, '0')}` }));

describe('invitees drawn at random among the qualified (B-007)', () => {
  it('[B-007] a government goods tender by invitation: the tenderer names the qualified suppliers, the platform draws three with a verifiable draw that anyone re-checks, and only they are invited', async () => {
    const s = await governmentSection();
    const replyDeadline = day(26, '17:00');
    const base = { sectionIds: [s.sectionId], replyDeadline };

    // The agency cannot hand-pick the invitees.
    const picked = await call('POST', '/api/v1/invitations', s.agencyCookie!, { ...base, inviteeIds: suppliers.slice(0, 3).map((x) => x.id) });
    expect(picked.statusCode).toBe(422);
    expect(picked.json().code).toBe('INVITEES_DRAWN');
    // The qualified are known once prequalification applications close.
    const early = await call('POST', '/api/v1/invitations', s.agencyCookie!, { ...base, draw: { source: 'prequalification', count: 3, qualified: qualified(6) } });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('PREQUALIFICATION_OPEN');

    t.clock.advance(17 * 86_400_000);
    const agency = await s.agency!.relogin();
    const tenderer = await s.tenderer.relogin();
    const staff = await login(t, 'b007.staff');
    // From a supplier database, at least twice as many qualified as are drawn (Order 87 art. 14).
    const few = await call('POST', '/api/v1/invitations', agency, { ...base, draw: { source: 'supplierDatabase', count: 3, qualified: qualified(5) } });
    expect(few.statusCode).toBe(422);
    expect(few.json()).toMatchObject({ code: 'INVITATION_POOL_TOO_SMALL', details: { minimum: 6, qualified: 5 } });

    // The qualified list is fixed, and the draw committed in the public log, before anything is drawn.
    const created = await call('POST', '/api/v1/invitations', agency, { ...base, draw: { source: 'prequalification', count: 3, qualified: qualified(6) } });
    expect(created.statusCode, created.body).toBe(201);
    const inv = created.json();
    expect(inv.invitees).toEqual([]);
    expect(inv.draw).toMatchObject({ source: 'prequalification', count: 3, drawnAt: null });
    expect(inv.draw.qualified).toHaveLength(6);
    expect(inv.draw.qualified.every((q: { drawn: boolean; label: string }) => !q.drawn && /^[0-9a-f]{16}$/.test(q.label))).toBe(true);
    expect(inv.draw.qualified.find((q: { entityId: string }) => q.entityId === suppliers[0]!.id).evidence).toBe('资格预审合格通知书 ZG-2026-001');
    const committed = (await t.built.app.inject({ method: 'GET', url: `/api/v1/draws/${inv.draw.drawId}` })).json();
    expect(committed).toMatchObject({ state: 'committed', purpose: 'tendering.invitees', subjectId: s.sectionId, count: 3, pool: null });

    expect((await call('POST', `/api/v1/invitations/${inv.id}/submit`, agency)).json().code).toBe('INVITEES_NOT_DRAWN');
    expect((await call('PUT', `/api/v1/invitations/${inv.id}`, agency, { inviteeIds: suppliers.slice(0, 3).map((x) => x.id) })).json().code).toBe('INVITEES_DRAWN');

    // The draw: performed from a signed head that contains the commitment, revealed, the drawn invited.
    const drawn = await call('POST', `/api/v1/invitations/${inv.id}/draw`, agency);
    expect(drawn.statusCode, drawn.body).toBe(200);
    const view = drawn.json();
    expect(view.invitees).toHaveLength(3);
    expect(view.draw.drawnAt).toBe(t.clock.now().toISOString());
    const drawnIds = view.draw.qualified.filter((q: { drawn: boolean }) => q.drawn).map((q: { entityId: string }) => q.entityId).sort();
    expect(view.invitees.map((i: { entityId: string }) => i.entityId).sort()).toEqual(drawnIds);

    // As the public sees it: labels, no supplier; and the draw re-checks from public data alone.
    const pub = (await t.built.app.inject({ method: 'GET', url: `/api/v1/draws/${inv.draw.drawId}` })).json();
    expect(pub.state).toBe('revealed');
    expect(pub.pool.sort()).toEqual(view.draw.qualified.map((q: { label: string }) => q.label).sort());
    const labelOf = new Map(view.draw.qualified.map((q: { entityId: string; label: string }) => [q.entityId, q.label]));
    expect(pub.selected.map(String).sort()).toEqual(drawnIds.map((id: string) => labelOf.get(id)).sort());
    for (const x of suppliers) {
      expect(JSON.stringify(pub)).not.toContain(x.id);
      expect(JSON.stringify(pub)).not.toContain(x.name);
    }
    expect(await verifyDraw({ url: 'https://ggzy.example.cn', id: inv.draw.drawId, fetcher: injectFetch(t) })).toMatchObject({ ok: true });

    // The round's one draw: not again, not through another invitation, and the drawn draft stays.
    expect((await call('POST', `/api/v1/invitations/${inv.id}/draw`, agency)).json().code).toBe('INVITATION_STATE_CONFLICT');
    const second = await call('POST', '/api/v1/invitations', agency, { ...base, draw: { source: 'prequalification', count: 3, qualified: qualified(6) } });
    expect(second.json().code).toBe('INVITEES_ALREADY_DRAWN');
    expect((await call('DELETE', `/api/v1/invitations/${inv.id}`, agency)).json().code).toBe('INVITATION_STATE_CONFLICT');

    // Reviewed, verified by staff (who see the qualified with their evidence), sent to the drawn only.
    expect((await call('POST', `/api/v1/invitations/${inv.id}/submit`, agency)).json().status).toBe('pendingReview');
    expect((await call('POST', `/api/v1/invitations/${inv.id}/review`, tenderer, { decision: 'approve' })).json().status).toBe('pendingVerification');
    const staffView = (await call('GET', `/api/v1/invitations/${inv.id}`, staff)).json();
    expect(staffView.draw.qualified).toHaveLength(6);
    const sent = await call('POST', `/api/v1/invitations/${inv.id}/verification`, staff, { decision: 'approve' });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().status).toBe('sent');
    for (const x of suppliers.slice(0, 6)) {
      x.cookie = await login(t, x.username);
      const received = (await call('GET', '/api/v1/invitations/received', x.cookie)).json();
      expect(received.some((r: { id: string }) => r.id === inv.id), x.name).toBe(drawnIds.includes(x.id));
    }

    // Once everyone replied, the public notice of the result says where to re-check the draw, and names nobody.
    for (const x of suppliers.filter((y) => drawnIds.includes(y.id))) {
      expect((await call('POST', `/api/v1/invitations/${inv.id}/reply`, x.cookie, { decision: 'accept' })).statusCode).toBe(200);
    }
    const result = await call('POST', `/api/v1/invitations/${inv.id}/result`, agency);
    expect(result.statusCode, result.body).toBe(200);
    const notice = (await t.built.app.inject({ method: 'GET', url: `/api/v1/public/notices/${result.json().resultPublicationId}` })).json();
    const drawId = /抽取编号 ([0-9a-f-]{36})/.exec(notice.bodyHtml)?.[1];
    expect(drawId).toBe(inv.draw.drawId);
    for (const x of suppliers) expect(notice.bodyHtml).not.toContain(x.name);
    expect(await verifyDraw({ url: 'https://ggzy.example.cn', id: drawId!, fetcher: injectFetch(t) })).toMatchObject({ ok: true });
  });

  it('one draw per section and round: a second drawn invitation is refused, a draft is deleted only while nothing was drawn, and a draw the staff performed stays', async () => {
    const s = await governmentSection();
    const staff = await login(t, 'b007.staff');
    const body = { sectionIds: [s.sectionId], replyDeadline: day(26, '17:00'), draw: { source: 'recommendation', count: 3, qualified: qualified(6) } };
    const first = await call('POST', '/api/v1/invitations', s.agencyCookie!, body);
    expect(first.statusCode, first.body).toBe(201);
    expect((await call('POST', '/api/v1/invitations', s.agencyCookie!, body)).json().code).toBe('INVITEES_ALREADY_DRAWN');
    // Nothing drawn yet: the draft may go, and another take its place.
    expect((await call('DELETE', `/api/v1/invitations/${first.json().id}`, s.agencyCookie!)).statusCode).toBe(200);
    const inv = (await call('POST', '/api/v1/invitations', s.agencyCookie!, body)).json();
    expect(inv.draw.drawId).not.toBe(first.json().draw.drawId);

    // The region's staff perform and reveal it over the draw's own routes: the result is public, so the
    // draft stays and the tenderer's draw takes that result.
    expect((await call('POST', `/api/v1/draws/${inv.draw.drawId}/perform`, staff)).statusCode).toBe(200);
    const revealed = await call('POST', `/api/v1/draws/${inv.draw.drawId}/reveal`, staff);
    expect(revealed.statusCode).toBe(200);
    expect((await call('DELETE', `/api/v1/invitations/${inv.id}`, s.agencyCookie!)).json().code).toBe('INVITATION_STATE_CONFLICT');
    const drawn = (await call('POST', `/api/v1/invitations/${inv.id}/draw`, s.agencyCookie!)).json();
    const labelOf = new Map(drawn.draw.qualified.map((q: { entityId: string; label: string }) => [q.entityId, q.label]));
    expect(drawn.invitees.map((i: { entityId: string }) => labelOf.get(i.entityId)).sort()).toEqual([...revealed.json().selected].sort());
  });

  it('the draw is for government procurement by invitation only where it is required: other invitation tenders still name their invitees', async () => {
    const s = await registeredSection(t, { method: 'invitation' });
    origin = start();
    await setTimetable(t, s.sectionId, { documentIssueStart: day(1, '09:00'), documentIssueEnd: day(12, '17:00'), bidDeadline: day(31, '09:30') });
    const res = await call('POST', '/api/v1/invitations', s.managerCookie, { sectionIds: [s.sectionId], replyDeadline: day(5, '17:00'), inviteeIds: suppliers.slice(0, 3).map((x) => x.id) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().draw).toBeNull();
    const both = await call('POST', '/api/v1/invitations', s.managerCookie, {
      sectionIds: [s.sectionId],
      replyDeadline: day(5, '17:00'),
      inviteeIds: suppliers.slice(0, 3).map((x) => x.id),
      draw: { source: 'recommendation', count: 3, qualified: qualified(6) },
    });
    expect(both.statusCode).toBe(400);
  });
});
