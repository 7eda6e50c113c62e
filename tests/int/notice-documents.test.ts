import type { DocumentView } from '@bidhall/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, bidder, createDocumentsTestApp, issuedDocument, type DocumentsTestApp } from '../support/documents-fixtures.ts';
import { lawfulTimetable, registeredSection, setTimetable } from '../support/tendering-fixtures.ts';
import type { TestApp } from '../support/test-app.ts';

let d: DocumentsTestApp;
let t: TestApp;
beforeAll(async () => {
  d = await createDocumentsTestApp();
  t = d.t;
}, 120_000);
afterAll(async () => d?.close());

describe('a notice and its documents', () => {
  it('[A-54] [A-66] the signed documents are issued in the same transaction that publishes the notice; the section becomes public', async () => {
    const { call } = api(t);
    const r = await registeredSection(t, { organisation: 'agency' });
    await d.bindCertificate(r.tenderer);
    await setTimetable(t, r.sectionId, lawfulTimetable(t));
    const { doc } = await issuedDocument(d, r, { issue: false });
    expect(doc.status).toBe('signed');
    const someone = await bidder(t);
    expect((await call('POST', `/api/v1/tender-documents/${doc.id}/downloads`, someone.cookie)).statusCode).not.toBe(201);

    const anonymous = () => t.built.app.inject({ method: 'GET', url: `/api/v1/public/sections/${r.sectionId}` });
    expect((await anonymous()).statusCode).toBe(404);

    const created = await call('POST', '/api/v1/notices', r.managerCookie, { type: 'tenderNotice', sectionIds: [r.sectionId] });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    const submitted = await call('POST', `/api/v1/notices/${id}/submit`, r.managerCookie);
    expect(submitted.statusCode, submitted.body).toBe(200);
    if ((submitted.json() as { status: string }).status === 'pendingReview') {
      expect((await call('POST', `/api/v1/notices/${id}/review`, r.tenderer.cookie, { decision: 'approve' })).statusCode).toBe(200);
    }
    const verified = await call('POST', `/api/v1/notices/${id}/verification`, r.staffCookie, { decision: 'approve' });
    expect(verified.statusCode, verified.body).toBe(200);

    const after = (await call('GET', `/api/v1/tender-documents/${doc.id}`, r.managerCookie)).json() as DocumentView;
    expect(after.status).toBe('issued');
    // The portal shows the section's current deadlines to anyone once its notice is out.
    const open = await anonymous();
    expect(open.statusCode, open.body).toBe(200);
    expect((open.json() as { timetable: { bidDeadline: string } }).timetable.bidDeadline).toBe(new Date(lawfulTimetable(t).bidDeadline!).toISOString());
    // Tomorrow (Shanghai) the issue period has begun: the bidder obtains it for free.
    t.clock.advance(30 * 3_600_000);
    const download = await call('POST', `/api/v1/tender-documents/${doc.id}/downloads`, await someone.relogin());
    expect(download.statusCode, download.body).toBe(201);
  });

  it('[A-197] [B-013] a termination reaches everyone who obtained the documents', async () => {
    const { call } = api(t);
    const r = await registeredSection(t, { organisation: 'agency' });
    await d.bindCertificate(r.tenderer);
    await setTimetable(t, r.sectionId, lawfulTimetable(t));
    const { doc } = await issuedDocument(d, r);
    t.clock.advance(30 * 3_600_000);
    const someone = await bidder(t);
    const bystander = await bidder(t);
    expect((await call('POST', `/api/v1/tender-documents/${doc.id}/downloads`, someone.cookie)).statusCode).toBe(201);

    const ended = await call('POST', `/api/v1/sections/${r.sectionId}/exceptions`, await r.agency!.relogin(), { kind: 'termination', reason: '项目资金来源调整，终止招标。' });
    expect(ended.statusCode, ended.body).toBe(201);
    const topics = async (cookie: string) =>
      ((await call('GET', '/api/v1/notifications', cookie)).json() as { items: { topic: string; body: string }[] }).items.filter((m) => m.topic === 'termination');
    const told = await topics(await someone.relogin());
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toContain('项目资金来源调整');
    expect(await topics(await bystander.relogin())).toEqual([]);
  });
});
