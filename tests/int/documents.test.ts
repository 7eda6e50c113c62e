import type { DocumentView, DownloadView, PackageView, TemplateView } from '@bidhall/contracts';
import { fromBase64, publicKeyFromPem, sm3, toHex, verifyJson } from '@bidhall/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTimestampToken } from '../../apps/server/src/platform/time/time-authority.ts';
import {
  api,
  bidder,
  createDocumentsTestApp,
  issuedDocument,
  obtain,
  scoringMethod,
  uploadAttachment,
  worksValues,
  type DocumentsTestApp,
} from '../support/documents-fixtures.ts';
import { lawfulTimetable, registeredSection, setTimetable, type RegisteredSection } from '../support/tendering-fixtures.ts';
import type { TestApp } from '../support/test-app.ts';

const HOUR = 3_600_000;
let d: DocumentsTestApp;
let t: TestApp;

beforeAll(async () => {
  d = await createDocumentsTestApp();
  t = d.t;
});
afterAll(async () => d?.close());

const call = (...args: Parameters<ReturnType<typeof api>['call']>) => api(t).call(...args);
const code = (res: { json(): unknown }) => (res.json() as { code: string }).code;
const details = (res: { json(): unknown }) => (res.json() as { details: Record<string, unknown> }).details;

async function newSection(opts: Parameters<typeof registeredSection>[1] = {}): Promise<RegisteredSection> {
  const r = await registeredSection(t, { organisation: 'agency', ...opts });
  await d.bindCertificate(r.tenderer);
  return r;
}

async function draft(r: RegisteredSection, kind: 'tender' | 'prequalification' = 'tender'): Promise<DocumentView> {
  const res = await call('POST', '/api/v1/tender-documents', r.managerCookie, { sectionId: r.sectionId, kind });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as DocumentView;
}

const countRows = async (table: string, column: string, value: string) =>
  Number(
    (await t.database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .where(column, '=', value)
      .executeTakeFirstOrThrow()).n,
  );

describe('the document builder', () => {
  it('[A-59] [A-60] [A-61] a works document comes from the standard template; fields are filled and section data is pulled in', async () => {
    const r = await newSection();
    await setTimetable(t, r.sectionId, lawfulTimetable(t));
    const templates = (await call('GET', '/api/v1/document-templates?kind=tender', r.managerCookie)).json() as TemplateView[];
    expect(templates.map((x) => x.code)).toEqual(['tender-goods-2017', 'tender-services-2017', 'tender-works-2007']);

    const doc = await draft(r);
    expect(doc).toMatchObject({ templateCode: 'tender-works-2007', status: 'draft', version: 0, round: 1, requiresBillOfQuantities: true, canManage: true });
    expect(doc.chapters.map((c) => `${c.number} ${c.title}`)).toEqual([
      '1 招标公告（投标邀请书）',
      '2 投标人须知',
      '3 评标办法',
      '4 合同条款及格式',
      '5 工程量清单',
      '6 图纸',
      '7 技术标准和要求',
      '8 投标文件格式',
    ]);
    const notice = doc.chapters[0]!.fields;
    const value = (key: string) => notice.find((f) => f.key === key)!.value;
    expect(value('sectionName')).toBe('第1标段');
    expect(value('ceilingPriceFen')).toBe('120000000');
    expect(value('tendererName')).toBe(r.tenderer.name);
    expect(value('agencyName')).toBe(r.agency!.name);
    expect(value('approvalCode')).toBe(r.approvalCode);
    expect(value('bidDeadline')).toBe(new Date(lawfulTimetable(t).bidDeadline!).toISOString());

    const filled = await call('PUT', `/api/v1/tender-documents/${doc.id}/chapters`, r.managerCookie, { values: worksValues });
    expect(filled.statusCode, filled.body).toBe(200);
    expect((filled.json() as DocumentView).chapters[1]!.fields.find((f) => f.key === 'durationDays')!.value).toBe('180');

    // Section data is pulled, never typed; values fit their types; unknown fields are named.
    const typed = await call('PUT', `/api/v1/tender-documents/${doc.id}/chapters`, r.managerCookie, { values: { notice: { sectionName: '别的名字' } } });
    expect([typed.statusCode, code(typed), details(typed)]).toEqual([422, 'FIELD_FROM_SECTION', { chapter: 'notice', field: 'sectionName' }]);
    const bad = await call('PUT', `/api/v1/tender-documents/${doc.id}/chapters`, r.managerCookie, { values: { instructions: { bidBondFen: '12.5', qualityStandard: '极好' } } });
    expect(code(bad)).toBe('FIELD_INVALID');
    expect((bad.json() as { detail: string }).detail).toContain('instructions.bidBondFen');
    expect((bad.json() as { detail: string }).detail).toContain('instructions.qualityStandard');
    expect(code(await call('PUT', `/api/v1/tender-documents/${doc.id}/chapters`, r.managerCookie, { values: { nosuch: { x: '1' } } }))).toBe('FIELD_UNKNOWN');
    const script = await call('PUT', `/api/v1/tender-documents/${doc.id}/chapters`, r.managerCookie, { values: { notice: { scope: '<p>x</p><script>alert(1)</script>' } } });
    expect(code(script)).toBe('CONTENT_UNSAFE');
    const after = (await call('GET', `/api/v1/tender-documents/${doc.id}`, r.managerCookie)).json() as DocumentView;
    expect(after.chapters[1]!.fields.find((f) => f.key === 'qualityStandard')!.value).toBe('合格');

    // Another entity does not see a draft; one document per section, round and kind.
    const other = await bidder(t);
    expect(code(await call('GET', `/api/v1/tender-documents/${doc.id}`, other.cookie))).toBe('DOCUMENT_NOT_FOUND');
    expect(code(await call('POST', '/api/v1/tender-documents', r.managerCookie, { sectionId: r.sectionId, kind: 'tender' }))).toBe('DOCUMENT_EXISTS');
    expect(code(await call('POST', '/api/v1/tender-documents', r.managerCookie, { sectionId: r.sectionId, kind: 'prequalification' }))).toBe('TEMPLATE_NOT_APPLICABLE');
  });

  it('[A-62] the evaluation method is data; duplicate numbers, weights not adding up to 100 and bad ranges are refused naming the clause, and nothing is stored', async () => {
    const r = await newSection();
    const doc = await draft(r);
    const url = `/api/v1/tender-documents/${doc.id}/method`;

    const duplicate = scoringMethod();
    duplicate.compliance[1]!.number = '1.2';
    const dup = await call('PUT', url, r.managerCookie, { method: duplicate });
    expect([dup.statusCode, code(dup)]).toEqual([422, 'EVALUATION_METHOD_INVALID']);
    expect((dup.json() as { detail: string }).detail).toContain('clause number 1.2 is used twice');
    expect((details(dup).issues as { clause: string }[])[0]!.clause).toBe('1.2');

    const weights = scoringMethod();
    if (weights.type !== 'scoring') throw new Error('scoring');
    weights.factors[0]!.weight = 35;
    const w = await call('PUT', url, r.managerCookie, { method: weights });
    expect(code(w)).toBe('EVALUATION_METHOD_INVALID');
    expect((w.json() as { detail: string }).detail).toContain('add up to 105, not 100');

    const points = scoringMethod();
    if (points.type !== 'scoring') throw new Error('scoring');
    points.factors[0]!.points[1]!.maxScore = 5;
    points.factors[2]!.scoreRange = { min: 50, max: 50 };
    points.priceFormula.benchmark.coefficient = { min: 1, max: 0.95, step: 0.01 };
    const p = await call('PUT', url, r.managerCookie, { method: points });
    const issues = details(p).issues as { clause: string | null; message: string }[];
    expect(issues.map((i) => i.clause)).toEqual(expect.arrayContaining(['3.1', '3.3']));
    expect(issues.map((i) => i.message).join('\n')).toMatch(/factor 3.1: its scoring points add up to 25/);
    expect(issues.map((i) => i.message).join('\n')).toMatch(/coefficient range is empty/);

    const shape = await call('PUT', url, r.managerCookie, { method: { type: 'scoring', factors: [] } });
    expect(code(shape)).toBe('EVALUATION_METHOD_INVALID');
    expect(((await call('GET', `/api/v1/tender-documents/${doc.id}`, r.managerCookie)).json() as DocumentView).method).toBeNull();

    const ok = await call('PUT', url, r.managerCookie, { method: scoringMethod() });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as DocumentView).method).toEqual(scoringMethod());
    const lowest = await call('PUT', url, r.managerCookie, {
      method: { type: 'lowestEvaluatedPrice', qualification: [], compliance: [{ number: '1', title: '签章', requirement: '电子签章齐全' }], adjustments: [], candidates: 3 },
    });
    expect((lowest.json() as DocumentView).method).toMatchObject({ type: 'lowestEvaluatedPrice' });
  });

  it('[A-63] the parts of a bid and the bidSummary fields; a tender without a price to read out is refused', async () => {
    const r = await newSection();
    const doc = await draft(r);
    expect(doc.parts.map((p) => p.name)).toEqual(['商务文件', '技术文件', '资格审查资料', '已标价工程量清单']);
    expect(doc.bidSummaryFields.map((f) => f.key)).toEqual(['price', 'durationDays', 'quality']);
    const url = `/api/v1/tender-documents/${doc.id}/bid-structure`;
    const parts = [{ key: 'commercial', name: '商务文件', required: true, fileTypes: ['pdf'], maxSizeMiB: 100 }];
    const noPrice = await call('PUT', url, r.managerCookie, { parts, bidSummaryFields: [{ key: 'durationDays', label: '工期', type: 'integer', required: true }] });
    expect([code(noPrice), details(noPrice)]).toEqual(['DOCUMENT_PART_MISSING', { missing: ['bidSummary.price'] }]);
    const fields = [
      { key: 'price', label: '投标报价', type: 'money', required: true, unit: '分' },
      { key: 'durationDays', label: '工期', type: 'integer', required: true, unit: '日历天' },
      { key: 'projectManager', label: '项目经理', type: 'text', required: false },
    ];
    const ok = await call('PUT', url, r.managerCookie, { parts, bidSummaryFields: fields });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as DocumentView).bidSummaryFields).toEqual(fields);
    const dup = await call('PUT', url, r.managerCookie, { parts: [...parts, ...parts], bidSummaryFields: fields });
    expect(code(dup)).toBe('VALIDATION_FAILED');
  });

  it('[A-65] attachments are uploaded and deleted; a works document without its bill of quantities is refused naming it, and nothing is packaged', async () => {
    const r = await newSection();
    await setTimetable(t, r.sectionId, lawfulTimetable(t));
    const doc = await draft(r);
    await call('PUT', `/api/v1/tender-documents/${doc.id}/chapters`, r.managerCookie, { values: worksValues });
    await call('PUT', `/api/v1/tender-documents/${doc.id}/method`, r.managerCookie, { method: scoringMethod() });
    const drawing = Buffer.from('%PDF-1.7 drawing');
    const up = await uploadAttachment(t, doc.id, r.managerCookie, '施工图.pdf', 'drawing', drawing);
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({ name: '施工图.pdf', kind: 'drawing', mediaType: 'application/pdf', sm3: toHex(sm3(drawing)), size: drawing.length });

    const missing = await call('POST', `/api/v1/tender-documents/${doc.id}/package`, r.managerCookie);
    expect([missing.statusCode, code(missing)]).toEqual([422, 'DOCUMENT_PART_MISSING']);
    expect(details(missing).missing).toEqual(['billOfQuantities (工程量清单)']);
    expect(await countRows('documents.document_version', 'document_id', doc.id)).toBe(0);

    const bill = await uploadAttachment(t, doc.id, r.managerCookie, '工程量清单.xml', 'billOfQuantities', Buffer.from('<清单/>'));
    const billId = (bill.json() as { id: string }).id;
    const json = await t.built.app.inject({ method: 'PUT', url: `/api/v1/tender-documents/${doc.id}/attachments?name=a.pdf&kind=other`, headers: { cookie: r.managerCookie }, payload: { file: 'x' } });
    expect([json.statusCode, code(json)]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const stranger = await bidder(t);
    expect((await uploadAttachment(t, doc.id, stranger.cookie, 'x.pdf', 'other', Buffer.from('x'))).statusCode).toBe(403);
    const del = await call('DELETE', `/api/v1/tender-documents/${doc.id}/attachments/${billId}`, r.managerCookie);
    expect(del.statusCode, del.body).toBe(200);
    expect(((await call('GET', `/api/v1/tender-documents/${doc.id}`, r.managerCookie)).json() as DocumentView).attachments.map((a) => a.name)).toEqual(['施工图.pdf']);
    expect(code(await call('POST', `/api/v1/tender-documents/${doc.id}/package`, r.managerCookie))).toBe('DOCUMENT_PART_MISSING');
    await uploadAttachment(t, doc.id, r.managerCookie, '工程量清单.xml', 'billOfQuantities', Buffer.from('<清单/>'));
    expect((await call('POST', `/api/v1/tender-documents/${doc.id}/package`, r.managerCookie)).statusCode).toBe(200);
  });

  it('[A-69] a document that no longer agrees with its section is refused at packaging, naming the fields, until the section data is pulled again', async () => {
    const r = await newSection();
    await setTimetable(t, r.sectionId, lawfulTimetable(t));
    const doc = await draft(r);
    await call('PUT', `/api/v1/tender-documents/${doc.id}/chapters`, r.managerCookie, { values: worksValues });
    await call('PUT', `/api/v1/tender-documents/${doc.id}/method`, r.managerCookie, { method: scoringMethod() });
    await uploadAttachment(t, doc.id, r.managerCookie, '工程量清单.xml', 'billOfQuantities', Buffer.from('<清单/>'));
    await setTimetable(t, r.sectionId, lawfulTimetable(t, { days: 35 }));
    const res = await call('POST', `/api/v1/tender-documents/${doc.id}/package`, r.managerCookie);
    expect([res.statusCode, code(res)]).toEqual([422, 'DOCUMENT_INCONSISTENT']);
    const fields = (details(res).fields as { field: string }[]).map((f) => f.field);
    expect(fields).toEqual(['bidDeadline', 'questionsDeadline']);
    expect((res.json() as { detail: string }).detail).toContain('投标截止时间（开标时间） (notice.bidDeadline)');
    expect((await call('POST', `/api/v1/tender-documents/${doc.id}/sync-section`, r.managerCookie)).statusCode).toBe(200);
    expect((await call('POST', `/api/v1/tender-documents/${doc.id}/package`, r.managerCookie)).statusCode).toBe(200);
  });

  it('[A-66] [A-67] [task-18] one manifest with attachments by SM3, e-signed by the tenderer together with the commitment that replaces filing', async () => {
    const r = await newSection();
    await setTimetable(t, r.sectionId, lawfulTimetable(t));
    const { doc, pkg, manifest } = await issuedDocument(d, r, { issue: false });
    const m = JSON.parse(manifest.toString('utf8')) as Record<string, unknown>;
    expect(pkg.contentSm3).toBe(toHex(sm3(manifest)));
    expect(m).toMatchObject({ format: 'bidhall.tenderDocument/1', version: 1, documentId: doc.id, tenderer: { entityId: r.tendererEntityId } });
    expect(m.attachments).toEqual([expect.objectContaining({ name: '工程量清单.xml', kind: 'billOfQuantities', sm3: doc.attachments[0]!.sm3 })]);
    expect(m.method).toEqual(scoringMethod());
    expect((m.commitment as { sm3: string }).sm3).toBe(pkg.commitment.sm3);
    expect(pkg.commitment.text).toContain('告知承诺');
    expect(doc).toMatchObject({ status: 'signed', contentSm3: pkg.contentSm3, signature: { commitmentSm3: pkg.commitment.sm3, commitmentVersion: pkg.commitment.version } });
    expect(doc.signature!.signerSubject).toContain(r.tenderer.name);
    const audit = await t.database.db.selectFrom('platform.audit_event').select(['details', 'log_index']).where('action', '=', 'documents.document.signed').where('target_id', '=', doc.id).executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ contentSm3: pkg.contentSm3, commitmentSm3: pkg.commitment.sm3 });
    expect(audit.log_index).not.toBeNull();
    // When the tendering module publishes the section's notice, the signed document is issued with it.
    const issued = await t.database.db.transaction().execute((trx) => t.built.documents.issueForSection(trx, r.sectionId, { kind: 'system', label: 'notice published' }));
    expect(issued).toEqual([doc.id]);
    expect(((await call('GET', `/api/v1/tender-documents/${doc.id}`, r.managerCookie)).json() as DocumentView).status).toBe('issued');
  });

  it('[A-66] only the tenderer signs, over exactly the packaged bytes; an edit after packaging needs a new package', async () => {
    const r = await newSection();
    await setTimetable(t, r.sectionId, lawfulTimetable(t));
    await d.bindCertificate(r.agency!);
    const doc = await draft(r);
    await call('PUT', `/api/v1/tender-documents/${doc.id}/chapters`, r.managerCookie, { values: worksValues });
    await call('PUT', `/api/v1/tender-documents/${doc.id}/method`, r.managerCookie, { method: scoringMethod() });
    await uploadAttachment(t, doc.id, r.managerCookie, '工程量清单.xml', 'billOfQuantities', Buffer.from('<清单/>'));
    const pkg = (await call('POST', `/api/v1/tender-documents/${doc.id}/package`, r.managerCookie)).json() as PackageView;
    const bytes = fromBase64(pkg.manifestBase64);
    const byAgency = await call('POST', `/api/v1/tender-documents/${doc.id}/sign`, r.agency!.cookie, { signature: d.sign(r.agency!, bytes), commitmentAccepted: true });
    expect(byAgency.statusCode).toBe(403);
    const other = await call('POST', `/api/v1/tender-documents/${doc.id}/sign`, r.tenderer.cookie, { signature: d.sign(r.tenderer, new TextEncoder().encode('something else')), commitmentAccepted: true });
    expect(code(other)).toBe('SIGNATURE_INVALID');
    const noCommitment = await call('POST', `/api/v1/tender-documents/${doc.id}/sign`, r.tenderer.cookie, { signature: d.sign(r.tenderer, bytes), commitmentAccepted: false });
    expect(code(noCommitment)).toBe('VALIDATION_FAILED');
    // An edit after packaging returns the document to draft; the old signature no longer applies.
    await call('PUT', `/api/v1/tender-documents/${doc.id}/chapters`, r.managerCookie, { values: { contract: { paymentTerms: '按节点付款' } } });
    const stale = await call('POST', `/api/v1/tender-documents/${doc.id}/sign`, r.tenderer.cookie, { signature: d.sign(r.tenderer, bytes), commitmentAccepted: true });
    expect(code(stale)).toBe('DOCUMENT_STATE_CONFLICT');
    expect(code(await call('POST', `/api/v1/tender-documents/${doc.id}/issue`, r.managerCookie))).toBe('DOCUMENT_STATE_CONFLICT');
  });
});

describe('free downloads with receipts', () => {
  let r: RegisteredSection;
  let doc: DocumentView;
  let manifest: Buffer;

  beforeAll(async () => {
    r = await newSection();
    await setTimetable(t, r.sectionId, lawfulTimetable(t));
    ({ doc, manifest } = await issuedDocument(d, r));
  });

  it('[B-009] documents are obtained only during the issue period of the timetable', async () => {
    expect(doc).toMatchObject({ status: 'issued', availableNow: false });
    const b = await bidder(t);
    const early = await call('POST', `/api/v1/tender-documents/${doc.id}/downloads`, b.cookie);
    expect([early.statusCode, code(early)]).toEqual([409, 'DOCUMENT_NOT_AVAILABLE']);
    expect(await countRows('documents.download', 'document_id', doc.id)).toBe(0);
    // Into the period (the documents are issued from 09:00 the next day, Shanghai).
    t.clock.set(new Date(Date.parse(doc.issueStart!) + HOUR));
  });

  it('[A-68] [task-24] any active bidder downloads for free, each download is recorded, the tenderer sees them, and the receipt verifies', async () => {
    const a = await bidder(t);
    const b = await bidder(t);
    const receiptA = await obtain(t, doc.id, a.cookie);
    const receiptB = await obtain(t, doc.id, b.cookie);
    const again = await obtain(t, doc.id, a.cookie);
    expect(receiptA).toMatchObject({ documentId: doc.id, version: 1, contentSm3: doc.contentSm3, entity: { id: a.entityId, name: a.name }, subject: 'document' });

    // The receipt: the platform's JSON signature, a timestamp over the content, and a public log entry.
    const { publicKeyPem } = (await call('GET', '/api/v1/log/key', a.cookie)).json() as { publicKeyPem: string };
    const key = publicKeyFromPem(publicKeyPem);
    const { signature, ...body } = receiptA;
    expect(verifyJson(body, signature, key)).toBe(true);
    expect(verifyJson({ ...body, contentSm3: '0'.repeat(64) }, signature, key)).toBe(false);
    expect(verifyTimestampToken(receiptA.timestamp, key, doc.contentSm3!)).toBe(true);
    const entries = (await call('GET', `/api/v1/log/entries?start=${receiptA.logIndex}&end=${receiptA.logIndex + 1}`, a.cookie)).json() as { entry: string }[];
    expect(JSON.parse(entries[0]!.entry)).toMatchObject({ type: 'auditEvent', action: 'documents.document.downloaded', targetId: doc.id });

    // The package itself: exactly the bytes whose SM3 the receipt names; attachments by SM3.
    const pkg = await call('GET', `/api/v1/tender-documents/${doc.id}/download`, a.cookie);
    expect(pkg.statusCode).toBe(200);
    expect(pkg.headers['x-content-sm3']).toBe(receiptA.contentSm3);
    expect(toHex(sm3(pkg.rawPayload))).toBe(receiptA.contentSm3);
    expect(pkg.rawPayload.equals(manifest)).toBe(true);
    const file = await call('GET', `/api/v1/tender-documents/${doc.id}/attachments/${doc.attachments[0]!.id}/content`, a.cookie);
    expect(toHex(sm3(file.rawPayload))).toBe(doc.attachments[0]!.sm3);

    // A bidder who has not obtained it gets nothing but the hint to do so; a tenderer-only entity cannot download.
    const c = await bidder(t);
    expect(code(await call('GET', `/api/v1/tender-documents/${doc.id}/download`, c.cookie))).toBe('DOWNLOAD_REQUIRED');
    // The clock moved past the morning's sessions.
    const tenderer = await r.tenderer.relogin();
    const manager = await r.agency!.relogin();
    expect((await call('POST', `/api/v1/tender-documents/${doc.id}/downloads`, tenderer)).statusCode).toBe(403);

    // The tenderer (and its agency) sees every download; a bidder sees its own receipts only.
    const all = (await call('GET', `/api/v1/tender-documents/${doc.id}/downloads`, tenderer)).json() as DownloadView[];
    expect(all.map((x) => x.id).sort()).toEqual([receiptA.downloadId, receiptB.downloadId, again.downloadId].sort());
    expect(all.every((x) => x.sectionName === '第1标段')).toBe(true);
    expect((await call('GET', `/api/v1/tender-documents/${doc.id}/downloads`, a.cookie)).statusCode).toBe(403);
    const mine = (await call('GET', '/api/v1/downloads/mine', a.cookie)).json() as DownloadView[];
    expect(mine.map((x) => x.id).sort()).toEqual([receiptA.downloadId, again.downloadId].sort());
    expect(mine.find((x) => x.id === receiptA.downloadId)!.receipt).toEqual(receiptA);
    const listed = (await call('GET', '/api/v1/tender-documents?sectionId=' + r.sectionId, a.cookie)).json() as { id: string; availableNow: boolean }[];
    expect(listed).toEqual([expect.objectContaining({ id: doc.id, availableNow: true })]);
    expect(code(await call('PUT', `/api/v1/tender-documents/${doc.id}/chapters`, manager, { values: worksValues }))).toBe('DOCUMENT_NOT_EDITABLE');
  });

  it('[B-009] after the issue period the documents are no longer obtained', async () => {
    t.clock.set(new Date(Date.parse(doc.issueEnd!) + HOUR));
    const late = await bidder(t);
    const res = await call('POST', `/api/v1/tender-documents/${doc.id}/downloads`, late.cookie);
    expect([res.statusCode, code(res)]).toEqual([409, 'DOCUMENT_NOT_AVAILABLE']);
    expect((res.json() as { detail: string }).detail).toContain('the issue period ended');
    t.clock.set(new Date('2026-03-02T02:00:00Z'));
  });
});

describe('prequalification documents', () => {
  it('[A-71] [A-72] [A-73] [A-74] [A-75] the same machinery: template, pulled fields, a review method, the parts of an application', async () => {
    const r = await newSection({ method: 'prequalification' });
    const doc = await draft(r, 'prequalification');
    expect(doc).toMatchObject({ templateCode: 'prequalification-2007', requiresBillOfQuantities: false });
    expect(doc.chapters.map((c) => c.title)).toEqual(['资格预审公告', '申请人须知', '资格审查办法', '资格预审申请文件格式', '项目建设概况']);
    expect(doc.chapters[0]!.fields.find((f) => f.key === 'sectionCode')!.value).toBe('001');
    expect(doc.parts.map((p) => p.name)).toEqual(['资格预审申请文件', '资格证明材料']);
    const url = `/api/v1/tender-documents/${doc.id}/method`;
    const review = {
      type: 'limitedNumber',
      compliance: [{ number: '1.1', title: '申请函', requirement: '签章齐全' }],
      qualification: [{ number: '2.1', title: '资质', requirement: '三级及以上' }],
      factors: [
        { number: '3.1', name: '财务状况', category: 'commercial', weight: 40, scoreRange: { min: 0, max: 40 }, points: [{ number: '3.1.1', description: '近三年盈利', maxScore: 40 }] },
        { number: '3.2', name: '类似业绩', category: 'technical', weight: 50, scoreRange: { min: 0, max: 50 }, points: [{ number: '2.1', description: '每项10分', maxScore: 50 }] },
      ],
      limit: 9,
    };
    const refused = await call('PUT', url, r.managerCookie, { method: review });
    const messages = (details(refused).issues as { message: string }[]).map((i) => i.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining('clause number 2.1 is used twice'), expect.stringContaining('add up to 90, not 100')]));
    review.factors[1]!.points[0]!.number = '3.2.1';
    review.factors[1]!.weight = 60;
    review.factors[1]!.scoreRange.max = 60;
    review.factors[1]!.points[0]!.maxScore = 60;
    const ok = await call('PUT', url, r.managerCookie, { method: review });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(code(await call('PUT', url, r.managerCookie, { method: scoringMethod() }))).toBe('EVALUATION_METHOD_INVALID');
    // Without the prequalification timetable the pulled dates are empty: the package names them.
    await call('PUT', `/api/v1/tender-documents/${doc.id}/chapters`, r.managerCookie, {
      values: { notice: { scope: '<p>施工</p>' }, instructions: { qualificationRequirements: '<p>三级</p>', jointVenture: '不接受' }, projectOverview: { overview: '<p>概况</p>' } },
    });
    const incomplete = await call('POST', `/api/v1/tender-documents/${doc.id}/package`, r.managerCookie);
    expect(code(incomplete)).toBe('DOCUMENT_INCOMPLETE');
    expect((details(incomplete).fields as { field: string }[]).map((f) => f.field)).toEqual(['documentIssueStart', 'documentIssueEnd', 'applicationDeadline']);
  });
});

