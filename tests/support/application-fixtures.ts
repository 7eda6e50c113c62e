/**
 * Prequalification applications (decision 0023): a section tendered with prequalification whose
 * prequalification document is signed and issued with its notice, the opening custodians registered,
 * and applicants that obtained the document and seal their applications the way the bid tools do.
 */
import type { DocumentView, TimetableInput } from '@bidhall/contracts';
import { addDays, toBusinessDate } from '@bidhall/rules';
import { fromBase64 } from '@bidhall/crypto';
import { expect } from 'vitest';
import { certifiedBidder, registerCustodians, requirements, sealBid, submitBid, type Bidder, type BiddingSection } from './bidding-fixtures.ts';
import { api, type DocumentsTestApp } from './documents-fixtures.ts';
import { registeredSection, setTimetable, type RegisteredSection } from './tendering-fixtures.ts';
import type { TestApp } from './test-app.ts';

const day = (t: TestApp, days: number, hhmm: string) => `${addDays(toBusinessDate(t.clock.now()), days)}T${hhmm}:00+08:00`;

/** Lawful for a works prequalification: notice and documents 10 days, applications 10 days after (Reg. 16, 17). */
export function prequalificationTimetable(t: TestApp): TimetableInput {
  return {
    prequalificationNoticeStart: day(t, 1, '09:00'),
    prequalificationNoticeEnd: day(t, 11, '17:00'),
    prequalificationDocumentIssueStart: day(t, 1, '09:00'),
    prequalificationDocumentIssueEnd: day(t, 11, '17:00'),
    applicationDeadline: day(t, 22, '09:30'),
  };
}

const REVIEW = {
  type: 'pass',
  compliance: [{ number: '1.1', title: '申请函', requirement: '签章齐全' }],
  qualification: [{ number: '2.1', title: '资质', requirement: '市政公用工程施工总承包三级及以上' }],
};

/** The prequalification document filled, given its review method, packaged and signed by the tenderer (issued with the notice). */
async function signedPrequalificationDocument(d: DocumentsTestApp, r: RegisteredSection, instructions: Record<string, string>): Promise<string> {
  const { call } = api(d.t);
  const created = await call('POST', '/api/v1/tender-documents', r.managerCookie, { sectionId: r.sectionId, kind: 'prequalification' });
  expect(created.statusCode, created.body).toBe(201);
  const id = (created.json() as DocumentView).id;
  const values = {
    notice: { scope: '<p>道路改造工程施工</p>' },
    instructions: { qualificationRequirements: '<p>市政公用工程施工总承包三级及以上</p>', jointVenture: '不接受', ...instructions },
    applicationFormat: { formatNotes: '<p>按本章格式编制</p>' },
    projectOverview: { overview: '<p>全长 3.2 公里</p>' },
  };
  const filled = await call('PUT', `/api/v1/tender-documents/${id}/chapters`, r.managerCookie, { values });
  expect(filled.statusCode, filled.body).toBe(200);
  const method = await call('PUT', `/api/v1/tender-documents/${id}/method`, r.managerCookie, { method: REVIEW });
  expect(method.statusCode, method.body).toBe(200);
  const packaged = await call('POST', `/api/v1/tender-documents/${id}/package`, r.managerCookie);
  expect(packaged.statusCode, packaged.body).toBe(200);
  const manifest = Buffer.from(fromBase64((packaged.json() as { manifestBase64: string }).manifestBase64));
  const signed = await call('POST', `/api/v1/tender-documents/${id}/sign`, r.tenderer.cookie, { signature: d.sign(r.tenderer, manifest), commitmentAccepted: true });
  expect(signed.statusCode, signed.body).toBe(200);
  return id;
}

/** The prequalification notice drafted and verified by staff: published, and with it the document issued. */
async function publishPrequalificationNotice(t: TestApp, r: RegisteredSection) {
  const { call } = api(t);
  const created = await call('POST', '/api/v1/notices', r.managerCookie, { type: 'prequalificationNotice', sectionIds: [r.sectionId] });
  expect(created.statusCode, created.body).toBe(201);
  const noticeId = (created.json() as { id: string }).id;
  const submitted = await call('POST', `/api/v1/notices/${noticeId}/submit`, r.managerCookie);
  if ((submitted.json() as { status: string }).status === 'pendingReview') await call('POST', `/api/v1/notices/${noticeId}/review`, r.tenderer.cookie, { decision: 'approve' });
  const verified = await call('POST', `/api/v1/notices/${noticeId}/verification`, r.staffCookie, { decision: 'approve' });
  expect(verified.statusCode, verified.body).toBe(200);
}

export interface PrequalificationSection extends BiddingSection {
  applicationDeadline: string;
}

/** A prequalification section taking applications: its document issued, its custodians registered, the clock inside the issue period. */
export async function prequalificationSection(d: DocumentsTestApp, instructions: Record<string, string> = {}): Promise<PrequalificationSection> {
  const { t } = d;
  const r = await registeredSection(t, { method: 'prequalification' });
  await d.bindCertificate(r.tenderer);
  const timetable = prequalificationTimetable(t);
  await setTimetable(t, r.sectionId, timetable);
  const id = await signedPrequalificationDocument(d, r, { unsealWindowMinutes: '20', ...instructions });
  await publishPrequalificationNotice(t, r);
  const doc = (await api(t).call('GET', `/api/v1/tender-documents/${id}`, r.managerCookie)).json() as DocumentView;
  expect(doc.status).toBe('issued');
  const custodians = await registerCustodians(t, r);
  if (t.clock.now().getTime() < Date.parse(doc.issueStart!)) t.clock.set(new Date(Date.parse(doc.issueStart!) + 3_600_000));
  const applicationDeadline = new Date(timetable.applicationDeadline!).toISOString();
  // The hall fixtures move the clock to `bidDeadline`: for this sitting it is the application deadline.
  return { r, doc, custodians, bidDeadline: applicationDeadline, applicationDeadline };
}

/** The two files the prequalification document asks of an application. */
export const applicationFiles = (tag: string) => [
  { partKey: 'application', name: '资格预审申请文件.pdf', bytes: Buffer.from(`%PDF-1.7 资格预审申请文件 ${tag}`) },
  { partKey: 'qualification', name: '资格证明材料.pdf', bytes: Buffer.from(`%PDF-1.7 资格证明材料 ${tag}`) },
];

/** `n` applicants that obtained the document, each with a sealed application submitted. */
export async function applicantsWithApplications(d: DocumentsTestApp, s: PrequalificationSection, n: number): Promise<Bidder[]> {
  const applicants: Bidder[] = [];
  for (let i = 0; i < n; i++) {
    const b = await certifiedBidder(d, s.doc.id);
    const req = await requirements(d.t, s.r.sectionId, b.cookie);
    const sealed = await sealBid(req, b, { summary: {}, files: applicationFiles(String(i + 1)) });
    const res = await submitBid(d.t, b, s.r.sectionId, sealed);
    expect(res.statusCode, res.body).toBe(201);
    applicants.push(b);
  }
  return applicants;
}
