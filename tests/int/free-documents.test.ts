import type { DocumentView, DownloadReceipt, NoticePage } from '@bidhall/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, bidder, createDocumentsTestApp, issuedDocument, type DocumentsTestApp } from '../support/documents-fixtures.ts';
import { lawfulTimetable, publishNotice, registeredSection, setTimetable } from '../support/tendering-fixtures.ts';
import type { TestApp } from '../support/test-app.ts';

// Task 14 of the action plan: tender documents are free, with no document fee anywhere in the flow
// from the notice to the documents in the bidder's hands.
let d: DocumentsTestApp;
let t: TestApp;
beforeAll(async () => {
  d = await createDocumentsTestApp();
  t = d.t;
}, 120_000);
afterAll(async () => d?.close());

/** Every key of a JSON value that names a fee, a charge or a payment, with its path. */
function feeKeys(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => feeKeys(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(/fee|charge|payment|paid|cost|amount/i.test(k) ? [`${path}.${k}`] : []),
    ...feeKeys(v, `${path}.${k}`),
  ]);
}

// What a notice would say if the documents were sold: a price, a sale, an on-site purchase or registration.
const SALE_WORDS = /售价|工本费|文件费|报名费|购买|现场报名|汇款|缴纳/;

describe('free tender documents', () => {
  it("[task-14] from the published notice to the documents in a bidder's hands, nothing is charged, asked to be paid or stated as a price", async () => {
    const { call } = api(t);
    const r = await registeredSection(t, { organisation: 'agency' });
    await d.bindCertificate(r.tenderer);
    await setTimetable(t, r.sectionId, lawfulTimetable(t));
    const { doc } = await issuedDocument(d, r, { issue: false });

    // The notice goes out through review and staff verification; its documents are issued with it.
    const { publicationId } = await publishNotice(t, r);

    // Anyone reads the notice: it says the documents are downloaded free and no fee is charged, and names no price.
    const notice = (
      await t.built.app.inject({ method: 'GET', url: `/api/v1/public/notices/${publicationId}` })
    ).json() as NoticePage;
    const text = notice.bodyHtml.replace(/<[^>]+>/g, '');
    expect(text).toContain('免费下载招标文件，不收取任何费用');
    expect(text).not.toMatch(SALE_WORDS);
    const section = (await t.built.app.inject({ method: 'GET', url: `/api/v1/public/sections/${r.sectionId}` })).json();

    // A bidder admitted on its commitment, with nothing but a login, obtains the documents in the issue period.
    const a = await bidder(t);
    t.clock.set(new Date(Date.parse(doc.issueStart!) + 3_600_000));
    const cookieA = await a.relogin();
    const view = (await call('GET', `/api/v1/tender-documents/${doc.id}`, cookieA)).json() as DocumentView;
    expect(view).toMatchObject({ status: 'issued', availableNow: true });
    const obtained = await call('POST', `/api/v1/tender-documents/${doc.id}/downloads`, cookieA);
    expect(obtained.statusCode, obtained.body).toBe(201);
    const receipt = obtained.json() as DownloadReceipt;
    const pkg = await call('GET', `/api/v1/tender-documents/${doc.id}/download`, cookieA);
    expect(pkg.statusCode).toBe(200);
    expect(pkg.headers['x-content-sm3']).toBe(receipt.contentSm3);
    expect(Buffer.from(pkg.rawPayload).toString('utf8')).not.toMatch(SALE_WORDS);

    // A second bidder the same; the tenderer sees both downloads, and no record of the flow carries a fee.
    const b = await bidder(t);
    expect((await call('POST', `/api/v1/tender-documents/${doc.id}/downloads`, await b.relogin())).statusCode).toBe(201);
    const downloads = (
      await call('GET', `/api/v1/tender-documents/${doc.id}/downloads`, await r.tenderer.relogin())
    ).json() as unknown[];
    expect(downloads).toHaveLength(2);
    const mine = (await call('GET', '/api/v1/downloads/mine', cookieA)).json();
    expect(feeKeys({ notice, section, view, receipt, downloads, mine })).toEqual([]);
  });
});
