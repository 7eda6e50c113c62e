import type { DocumentView, TimeSourceView } from '@bidhall/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNtpServer } from '../../apps/server/src/platform/time/sntp.ts';
import { api, bidder, createDocumentsTestApp, issuedDocument, type DocumentsTestApp } from '../support/documents-fixtures.ts';
import { startSntpResponder, type SntpResponder } from '../support/sntp-responder.ts';
import { lawfulTimetable, registeredSection, setTimetable, type RegisteredSection } from '../support/tendering-fixtures.ts';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';

const HOUR = 3_600_000;
const MAX_AGE_S = 300;
let d: DocumentsTestApp;
let t: TestApp;
let ntp: SntpResponder;
let r: RegisteredSection;
let doc: DocumentView;
let bidderCookie: string;
let staff: string;

// The responder answers from the test's own clock, moved by `skewMs`: the platform's clock is "off" by -skewMs.
beforeAll(async () => {
  ntp = await startSntpResponder({ now: () => t.clock.now() });
  d = await createDocumentsTestApp({
    config: {
      timeTrust: 'strict',
      ntpServers: [parseNtpServer(ntp.address)],
      timeMaxOffsetMs: 1000,
      timeMaxAgeSeconds: MAX_AGE_S,
    },
  });
  t = d.t;
  await t.built.timeSource.measure();
  r = await registeredSection(t, { organisation: 'agency' });
  await d.bindCertificate(r.tenderer);
  await setTimetable(t, r.sectionId, lawfulTimetable(t));
  ({ doc } = await issuedDocument(d, r));
  t.clock.set(new Date(Date.parse(doc.issueStart!) + HOUR));
  await t.built.timeSource.measure();
  r.managerCookie = await r.agency!.relogin();
  bidderCookie = (await bidder(t)).cookie;
  await createPlatformUser(t, { username: 'time.staff', kind: 'staff', regionCode: '150600' });
  staff = await login(t, 'time.staff');
});
afterAll(async () => {
  await d?.close();
  await ntp?.close().catch(() => undefined);
});

const call = (...args: Parameters<ReturnType<typeof api>['call']>) => api(t).call(...args);
const problem = (res: { statusCode: number; json(): unknown }) => ({
  status: res.statusCode,
  code: (res.json() as { code?: string }).code,
});
const source = async (cookie = staff) => (await call('GET', '/api/v1/time/source', cookie)).json() as TimeSourceView;
const downloads = async () =>
  Number(
    (await sql<{ n: string }>`SELECT count(*) AS n FROM documents.download WHERE document_id = ${doc.id}`.execute(t.database.db))
      .rows[0]!.n,
  );
const imprint = { hashAlg: 'SM3', messageImprint: 'ab'.repeat(32) };

describe('the time source (F-07, decision 0015)', () => {
  it('in sync: staff see the offset, delay, server and time of the last measurement; /api/v1/time says synchronised; others do not read the measurement', async () => {
    ntp.skewMs = 120;
    const measured = await call('POST', '/api/v1/time/source/measure', staff);
    expect(measured.statusCode, measured.body).toBe(200);
    const view = await source();
    expect(view).toMatchObject({
      state: 'synchronised',
      mode: 'strict',
      trusted: true,
      servers: [ntp.address],
      maxOffsetMs: 1000,
      maxAgeSeconds: MAX_AGE_S,
      lastFailure: null,
    });
    expect(view.last).toMatchObject({ server: ntp.address, stratum: 1, at: t.clock.now().toISOString() });
    expect(view.last!.offsetMs).toBeGreaterThanOrEqual(119);
    expect(view.last!.offsetMs).toBeLessThanOrEqual(121);
    expect(view.last!.delayMs).toBeGreaterThanOrEqual(0);

    const time = await t.built.app.inject({ method: 'GET', url: '/api/v1/time' });
    expect(time.json()).toMatchObject({ synchronised: true, epochMs: t.clock.now().getTime() });
    expect((await t.built.app.inject({ method: 'GET', url: '/api/v1/time/source' })).statusCode).toBe(401);
    expect(problem(await call('GET', '/api/v1/time/source', bidderCookie))).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(problem(await call('POST', '/api/v1/time/source/measure', bidderCookie))).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect((await call('POST', '/api/v1/timestamps', bidderCookie, imprint)).statusCode).toBe(200);
  });

  it('[F-07] while the clock is off by more than the limit, a bidder cannot obtain tender documents: 503 TIME_UNTRUSTED and nothing is recorded; in sync again, it goes through', async () => {
    ntp.skewMs = -5000;
    await t.built.timeSource.measure();
    const view = await source();
    expect(view).toMatchObject({ state: 'skewed', trusted: false });
    expect(view.last!.offsetMs).toBeLessThanOrEqual(-4999);
    expect((await t.built.app.inject({ method: 'GET', url: '/api/v1/time' })).json()).toMatchObject({ synchronised: false });

    const before = await downloads();
    const refused = await call('POST', `/api/v1/tender-documents/${doc.id}/downloads`, bidderCookie);
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'TIME_UNTRUSTED', details: { state: 'skewed' } });
    expect(await downloads()).toEqual(before);
    expect(problem(await call('POST', '/api/v1/timestamps', bidderCookie, imprint))).toEqual({
      status: 503,
      code: 'TIME_UNTRUSTED',
    });

    ntp.skewMs = 0;
    await t.built.timeSource.measure();
    const obtained = await call('POST', `/api/v1/tender-documents/${doc.id}/downloads`, bidderCookie);
    expect(obtained.statusCode, obtained.body).toBe(201);
  });

  it('[F-07] issuing a clarification (it may move the deadline) and publishing a notice (it fixes the deadlines) wait for a trusted clock', async () => {
    const draft = await call('POST', `/api/v1/tender-documents/${doc.id}/clarifications`, r.managerCookie, {
      kind: 'clarification',
      title: '澄清',
      bodyHtml: '<p>更正。</p>',
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const clarificationId = (draft.json() as { id: string }).id;

    const s = await registeredSection(t);
    await setTimetable(t, s.sectionId, lawfulTimetable(t));
    const notice = (
      await call('POST', '/api/v1/notices', s.managerCookie, { type: 'tenderNotice', sectionIds: [s.sectionId] })
    ).json() as { id: string };
    expect((await call('POST', `/api/v1/notices/${notice.id}/submit`, s.managerCookie)).json()).toMatchObject({
      status: 'pendingVerification',
    });

    ntp.skewMs = 2000;
    await t.built.timeSource.measure();
    expect(problem(await call('POST', `/api/v1/clarifications/${clarificationId}/issue`, r.managerCookie))).toEqual({
      status: 503,
      code: 'TIME_UNTRUSTED',
    });
    expect((await call('GET', `/api/v1/clarifications/${clarificationId}`, r.managerCookie)).json()).toMatchObject({
      status: 'draft',
      number: null,
    });
    expect(
      problem(await call('POST', `/api/v1/notices/${notice.id}/verification`, s.staffCookie, { decision: 'approve' })),
    ).toEqual({ status: 503, code: 'TIME_UNTRUSTED' });
    expect((await call('GET', `/api/v1/notices/${notice.id}`, s.staffCookie)).json()).toMatchObject({
      status: 'pendingVerification',
    });
    // Sending a notice back fixes nothing: it is not held up.
    expect(
      (
        await call('POST', `/api/v1/notices/${notice.id}/verification`, s.staffCookie, {
          decision: 'reject',
          reason: '请补充联系方式',
        })
      ).statusCode,
    ).toBe(200);

    ntp.skewMs = 0;
    await t.built.timeSource.measure();
    const issued = await call('POST', `/api/v1/clarifications/${clarificationId}/issue`, r.managerCookie);
    expect(issued.statusCode, issued.body).toBe(200);
    await call('POST', `/api/v1/notices/${notice.id}/submit`, s.managerCookie);
    const published = await call('POST', `/api/v1/notices/${notice.id}/verification`, s.staffCookie, { decision: 'approve' });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published' });
  });

  it('[F-07] when the time servers stop answering, the last measurement vouches until it is stale; then deadline-critical actions are refused and staff see why', async () => {
    await t.built.timeSource.measure();
    await ntp.close();
    const failed = await t.built.timeSource.measure();
    // A fresh good measurement still stands.
    expect(failed).toMatchObject({ state: 'synchronised', trusted: true });
    expect(failed.lastFailure!.reasons).toEqual([`${ntp.address}: no answer in time`]);

    t.clock.advance(MAX_AGE_S * 1000 + 1000);
    const refused = await call('POST', '/api/v1/timestamps', bidderCookie, imprint);
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toMatchObject({ code: 'TIME_UNTRUSTED', details: { state: 'stale' } });
    expect(await source()).toMatchObject({ state: 'stale', trusted: false, last: { server: ntp.address } });
  }, 15_000);
});

describe('lenient mode (the demo, development)', () => {
  let lenient: TestApp;
  beforeAll(async () => {
    lenient = await createTestApp({ database: t.database, config: { ntpServers: [] } });
  });
  afterAll(async () => lenient?.close());

  it('an unmeasured clock is shown as such but does not refuse: `npm start` works offline', async () => {
    const view = await lenient.built.timeSource.measure();
    expect(view).toMatchObject({
      state: 'unmeasured',
      mode: 'lenient',
      trusted: true,
      last: null,
      lastFailure: { reasons: ['no time server configured'] },
    });
    expect((await lenient.built.app.inject({ method: 'GET', url: '/api/v1/time' })).json()).toMatchObject({
      synchronised: false,
    });
    await createPlatformUser(lenient, { username: 'time.lenient', kind: 'staff' });
    const cookie = await login(lenient, 'time.lenient');
    const res = await lenient.built.app.inject({
      method: 'POST',
      url: '/api/v1/timestamps',
      headers: { cookie },
      payload: imprint,
    });
    expect(res.statusCode, res.body).toBe(200);
  });
});
