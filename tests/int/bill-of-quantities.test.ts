import { readFileSync } from 'node:fs';
import type { BillOfQuantitiesView, BoqSummary, DocumentView, PackageView } from '@bidhall/contracts';
import { fromBase64, sm3, toHex } from '@bidhall/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, bidder, createDocumentsTestApp, obtain, scoringMethod, uploadAttachment, worksValues, type DocumentsTestApp } from '../support/documents-fixtures.ts';
import { lawfulTimetable, registeredSection, setTimetable, type RegisteredSection } from '../support/tendering-fixtures.ts';
import type { TestApp } from '../support/test-app.ts';

const HOUR = 3_600_000;
const spec = readFileSync(new URL('../../docs/boq-interface.md', import.meta.url), 'utf8');
const example = (lang: string) => new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(spec)![1]!;
const JSON_BILL = example('json');
const XML_BILL = example('xml');

let d: DocumentsTestApp;
let t: TestApp;

beforeAll(async () => {
  d = await createDocumentsTestApp();
  t = d.t;
});
afterAll(async () => d?.close());

const call = (...args: Parameters<ReturnType<typeof api>['call']>) => api(t).call(...args);
const code = (res: { json(): unknown }) => (res.json() as { code: string }).code;
const issues = (res: { json(): unknown }) =>
  ((res.json() as { details: { issues: { path: string; code: string; otherPath?: string }[] } }).details.issues).map((i) => [i.path, i.code, ...(i.otherPath ? [i.otherPath] : [])]);

function importBill(id: string, cookie: string, body: string | Buffer, contentType = 'application/json', name?: string) {
  const query = name ? `?name=${encodeURIComponent(name)}` : '';
  return t.built.app.inject({ method: 'PUT', url: `/api/v1/tender-documents/${id}/bill-of-quantities${query}`, headers: { cookie, 'content-type': contentType }, payload: body });
}
const readBill = (id: string, cookie: string) => call('GET', `/api/v1/tender-documents/${id}/bill-of-quantities`, cookie);

async function draftWorks(opts: Parameters<typeof registeredSection>[1] = {}): Promise<{ r: RegisteredSection; id: string }> {
  const r = await registeredSection(t, { organisation: 'agency', ...opts });
  await d.bindCertificate(r.tenderer);
  // The notice chapter pulls the timetable from the section; packaging needs it.
  await setTimetable(t, r.sectionId, lawfulTimetable(t));
  const created = await call('POST', '/api/v1/tender-documents', r.managerCookie, { sectionId: r.sectionId, kind: 'tender' });
  expect(created.statusCode, created.body).toBe(201);
  const id = (created.json() as DocumentView).id;
  expect((await call('PUT', `/api/v1/tender-documents/${id}/chapters`, r.managerCookie, { values: worksValues })).statusCode).toBe(200);
  expect((await call('PUT', `/api/v1/tender-documents/${id}/method`, r.managerCookie, { method: scoringMethod() })).statusCode).toBe(200);
  return { r, id };
}

describe('importing the bill of quantities', () => {
  it('[A-64] the JSON and XML encodings of one bill import to the identical normalised bill and SM3; a re-import of the draft is a new version', async () => {
    const { r, id } = await draftWorks();
    const first = await importBill(id, r.managerCookie, JSON_BILL, 'application/json', '门诊楼清单.json');
    expect(first.statusCode, first.body).toBe(200);
    const json = first.json() as BoqSummary;
    expect(json).toMatchObject({
      documentId: id,
      version: 1,
      sourceEncoding: 'json',
      sourceName: '门诊楼清单.json',
      sourceSm3: toHex(sm3(Buffer.from(JSON_BILL))),
      sourceSize: Buffer.byteLength(JSON_BILL),
      counts: { units: 1, divisions: 2, items: 4, unitPriceMeasures: 1, lumpSumMeasures: 2, otherItems: 6, fees: 2, taxes: 1 },
      provisionalSumFen: '5000000',
    });
    const asJson = (await readBill(id, r.managerCookie)).json() as BillOfQuantitiesView;

    const second = await importBill(id, r.managerCookie, XML_BILL, 'application/xml');
    expect(second.statusCode, second.body).toBe(200);
    const xml = second.json() as BoqSummary;
    expect(xml).toMatchObject({ version: 2, sourceEncoding: 'xml', sourceName: null, sourceSm3: toHex(sm3(Buffer.from(XML_BILL))) });
    expect(xml.billSm3).toBe(json.billSm3);
    const asXml = (await readBill(id, r.managerCookie)).json() as BillOfQuantitiesView;
    expect(asXml.bill).toEqual(asJson.bill);
    expect(asXml.summary.version).toBe(2);
    expect(asXml.bill.units[0]!.divisions[1]!.items[1]).toEqual({ code: '010515001001', name: '现浇构件钢筋', features: '钢筋种类、规格：HRB400 Φ12 以上', unit: 't', quantity: '18.625', remark: '含措施钢筋' });

    // The original file, byte for byte, for a bidder's own costing tool.
    const source = await call('GET', `/api/v1/tender-documents/${id}/bill-of-quantities/source`, r.managerCookie);
    expect(source.statusCode).toBe(200);
    expect(source.headers['content-type']).toContain('application/xml');
    expect(source.rawPayload.equals(Buffer.from(XML_BILL))).toBe(true);
    expect(source.headers['x-content-sm3']).toBe(xml.sourceSm3);

    // Both imports are audited with what was imported.
    const events = await t.database.db
      .selectFrom('platform.audit_event')
      .select(['details'])
      .where('action', '=', 'documents.document.billOfQuantitiesImported')
      .where('target_id', '=', id)
      .orderBy('log_index')
      .execute();
    expect(events.map((e) => e.details)).toMatchObject([
      { version: 1, replacedVersion: null, encoding: 'json', billSm3: json.billSm3, sourceSm3: json.sourceSm3 },
      { version: 2, replacedVersion: 1, encoding: 'xml', billSm3: json.billSm3, sourceSm3: xml.sourceSm3 },
    ]);
  });

  it('[A-64] each refusal names its path and code; garbage, truncated and oversized files are refused, never a 500, and nothing is stored', async () => {
    const { r, id } = await draftWorks();
    const bad = JSON.parse(JSON_BILL) as { units: { divisions: { items: Record<string, unknown>[] }[] }[] };
    const items = bad.units[0]!.divisions[1]!.items;
    items[0]!.code = '010101001001';
    items[1]!.code = '1005150010';
    items[1]!.features = ' ';
    bad.units[0]!.divisions[0]!.items[0]!.quantity = '620.505';
    bad.units[0]!.divisions[0]!.items[1]!.quantity = '-845.36';
    const invalid = await importBill(id, r.managerCookie, JSON.stringify(bad));
    expect([invalid.statusCode, code(invalid)]).toEqual([422, 'BOQ_INVALID']);
    expect(issues(invalid)).toEqual([
      ['units[0].divisions[0].items[0].quantity', 'quantityPrecision'],
      ['units[0].divisions[0].items[1].quantity', 'quantityNotPositive'],
      ['units[0].divisions[1].items[0].code', 'codeDuplicate', 'units[0].divisions[0].items[0].code'],
      ['units[0].divisions[1].items[1].code', 'codeInvalid'],
      ['units[0].divisions[1].items[1].features', 'featuresMissing'],
    ]);
    expect((invalid.json() as { detail: string }).detail).toContain('units[0].divisions[0].items[0].quantity');

    const xmlDup = XML_BILL.replace('code="010501003001"', 'code="010101004001"');
    expect(issues(await importBill(id, r.managerCookie, xmlDup, 'text/xml'))).toEqual([['units[0].divisions[1].items[0].code', 'codeDuplicate', 'units[0].divisions[0].items[1].code']]);

    const refusals: [string | Buffer, string, string][] = [
      ['garbage', 'text/plain', 'BOQ_FORMAT_UNKNOWN'],
      [Buffer.from([0x00, 0xff, 0x13, 0x37]), 'application/octet-stream', 'BOQ_FORMAT_UNKNOWN'],
      [XML_BILL.slice(0, 900), 'application/xml', 'BOQ_FORMAT_UNKNOWN'],
      [JSON_BILL.slice(0, 900), 'application/octet-stream', 'BOQ_FORMAT_UNKNOWN'],
      ['<BillOfQuantities format="bidhall-boq" version="7"/>', 'application/xml', 'BOQ_FORMAT_UNKNOWN'],
      ['{"format":"bidhall-boq","version":1,"units":"many"}', 'application/json', 'BOQ_INVALID'],
      ['{"format":"bidhall-boq","version":1,"project":{"name":"p"},"units":[{"name":"u","divisions":[{"name":"d","items":[{"name":"i"}]}]}]}', 'application/json', 'BOQ_INVALID'],
    ];
    for (const [body, type, expected] of refusals) {
      const res = await importBill(id, r.managerCookie, body, type);
      expect([res.statusCode, code(res)], String(body).slice(0, 40)).toEqual([422, expected]);
    }
    const missing = await importBill(id, r.managerCookie, '{"format":"bidhall-boq","version":1,"project":{"name":"p"},"units":[{"name":"u","divisions":[{"name":"d","items":[{"name":"i"}]}]}]}');
    expect(issues(missing)).toEqual([
      ['units[0].divisions[0].items[0].code', 'codeInvalid'],
      ['units[0].divisions[0].items[0].features', 'featuresMissing'],
      ['units[0].divisions[0].items[0].unit', 'unitUnknown'],
      ['units[0].divisions[0].items[0].quantity', 'quantityInvalid'],
    ]);
    // As application/json the platform's JSON rules hold; a bigger JSON file goes as octet-stream.
    const truncated = await importBill(id, r.managerCookie, JSON_BILL.slice(0, 900), 'application/json');
    expect([truncated.statusCode, code(truncated)]).toEqual([400, 'MALFORMED_JSON']);
    const bigJson = JSON.stringify({ ...JSON.parse(JSON_BILL), pad: 'x'.repeat(1_100_000) });
    expect(code(await importBill(id, r.managerCookie, bigJson, 'application/json'))).toBe('PAYLOAD_TOO_LARGE');
    const bigAsFile = await importBill(id, r.managerCookie, bigJson, 'application/octet-stream');
    expect([bigAsFile.statusCode, issues(bigAsFile)]).toEqual([422, [['pad', 'unknownField']]]);
    const empty = await t.built.app.inject({ method: 'PUT', url: `/api/v1/tender-documents/${id}/bill-of-quantities`, headers: { cookie: r.managerCookie } });
    expect([empty.statusCode, code(empty)]).toEqual([422, 'BOQ_FORMAT_UNKNOWN']);
    const huge = await importBill(id, r.managerCookie, Buffer.alloc(16 * 1024 * 1024 + 1, 0x20), 'application/xml');
    expect([huge.statusCode, code(huge)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);

    expect(code(await readBill(id, r.managerCookie))).toBe('BOQ_NOT_FOUND');
    const rows = await t.database.db.selectFrom('documents.bill_of_quantities').select('version').where('document_id', '=', id).execute();
    expect(rows).toEqual([]);
  });

  it('[A-64] only the document\'s managers import, and only into a works tender document', async () => {
    const { r, id } = await draftWorks();
    const other = await bidder(t);
    expect(code(await importBill(id, other.cookie, JSON_BILL))).toBe('FORBIDDEN');
    const goods = await registeredSection(t, { kind: 'goods' });
    const stranger = await importBill(id, goods.tenderer.cookie, JSON_BILL);
    // Another tenderer is told nothing of a draft it does not manage.
    expect([stranger.statusCode, code(stranger)]).toEqual([404, 'DOCUMENT_NOT_FOUND']);
    // The tenderer manages its section beside its agency.
    const own = await importBill(id, r.tenderer.cookie, JSON_BILL);
    expect([own.statusCode, (own.json() as BoqSummary).version]).toEqual([200, 1]);
    const created = await call('POST', '/api/v1/tender-documents', goods.managerCookie, { sectionId: goods.sectionId, kind: 'tender' });
    const refused = await importBill((created.json() as DocumentView).id, goods.managerCookie, JSON_BILL);
    expect([refused.statusCode, code(refused)]).toEqual([422, 'BOQ_NOT_APPLICABLE']);
  });
});

describe('the bill in the signed package', () => {
  let r: RegisteredSection;
  let id: string;
  let bill: BoqSummary;

  beforeAll(async () => {
    ({ r, id } = await draftWorks());
  });

  it('[A-65] [A-64] a works document is not packaged without its bill; the imported bill satisfies the check', async () => {
    const without = await call('POST', `/api/v1/tender-documents/${id}/package`, r.managerCookie);
    expect([without.statusCode, code(without)]).toEqual([422, 'DOCUMENT_PART_MISSING']);
    expect((without.json() as { details: { missing: string[] } }).details.missing).toEqual(['billOfQuantities (工程量清单)']);
    const res = await importBill(id, r.managerCookie, XML_BILL, 'application/xml', '门诊楼清单.xml');
    expect(res.statusCode, res.body).toBe(200);
    bill = res.json() as BoqSummary;
    // The agency imported it; readers see who, by name and organisation.
    expect(bill.importedByName).toContain(`（${r.agency!.name}）`);
    const viewed = (await call('GET', `/api/v1/tender-documents/${id}`, r.managerCookie)).json() as DocumentView;
    expect(viewed.billOfQuantities).toEqual({ version: 1, billSm3: bill.billSm3, items: 4 });
    const packaged = await call('POST', `/api/v1/tender-documents/${id}/package`, r.managerCookie);
    expect(packaged.statusCode, packaged.body).toBe(200);
  });

  it('[A-67] [A-66] the package manifest carries the bill\'s SM3, so the tenderer\'s signature covers it; a new bill after signing returns the document to draft to be signed again', async () => {
    const packaged = await call('POST', `/api/v1/tender-documents/${id}/package`, r.managerCookie);
    const pkg = packaged.json() as PackageView;
    const bytes = Buffer.from(fromBase64(pkg.manifestBase64));
    const manifest = JSON.parse(bytes.toString('utf8')) as { billOfQuantities: unknown; attachments: unknown[] };
    expect(manifest.billOfQuantities).toEqual({ format: 'bidhall-boq/1', version: 1, sm3: bill.billSm3, sourceEncoding: 'xml', sourceSm3: bill.sourceSm3, items: 4 });
    expect(manifest.attachments).toEqual([]);
    // The stored bill is exactly the bytes that SM3 names.
    const stored = await t.database.db.selectFrom('documents.bill_of_quantities').select(['bill']).where('document_id', '=', id).executeTakeFirstOrThrow();
    expect(toHex(sm3(Buffer.from(stored.bill, 'utf8')))).toBe(bill.billSm3);

    const signed = await call('POST', `/api/v1/tender-documents/${id}/sign`, r.tenderer.cookie, { signature: d.sign(r.tenderer, bytes), commitmentAccepted: true });
    expect(signed.statusCode, signed.body).toBe(200);
    // A new bill is an edit like any other: the signature no longer covers the document.
    const again = await importBill(id, r.managerCookie, XML_BILL, 'application/xml', '门诊楼清单.xml');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ version: 2, billSm3: bill.billSm3 });
    bill = again.json() as BoqSummary;
    const draft = (await call('GET', `/api/v1/tender-documents/${id}`, r.managerCookie)).json() as DocumentView;
    expect(draft.status).toBe('draft');
    const stale = await call('POST', `/api/v1/tender-documents/${id}/sign`, r.tenderer.cookie, { signature: d.sign(r.tenderer, bytes), commitmentAccepted: true });
    expect(stale.statusCode).toBeGreaterThanOrEqual(400);
    const repackaged = (await call('POST', `/api/v1/tender-documents/${id}/package`, r.managerCookie)).json() as PackageView;
    const newBytes = Buffer.from(fromBase64(repackaged.manifestBase64));
    expect((JSON.parse(newBytes.toString('utf8')) as { billOfQuantities: { version: number } }).billOfQuantities.version).toBe(2);
    const resigned = await call('POST', `/api/v1/tender-documents/${id}/sign`, r.tenderer.cookie, { signature: d.sign(r.tenderer, newBytes), commitmentAccepted: true });
    expect(resigned.statusCode, resigned.body).toBe(200);
  });

  it('[A-64] a bidder reads the bill once the document is issued and obtained, not before', async () => {
    const b = await bidder(t);
    expect(code(await readBill(id, b.cookie))).toBe('DOCUMENT_NOT_FOUND');
    expect(code(await call('GET', `/api/v1/tender-documents/${id}/bill-of-quantities/source`, b.cookie))).toBe('DOCUMENT_NOT_FOUND');
    const issued = await call('POST', `/api/v1/tender-documents/${id}/issue`, r.managerCookie);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(code(await readBill(id, b.cookie))).toBe('DOWNLOAD_REQUIRED');
    expect(code(await importBill(id, r.managerCookie, JSON_BILL))).toBe('DOCUMENT_NOT_EDITABLE');

    const doc = (await call('GET', `/api/v1/tender-documents/${id}`, r.managerCookie)).json() as DocumentView;
    t.clock.set(new Date(Date.parse(doc.issueStart!) + HOUR));
    try {
      const cookie = await b.relogin();
      await obtain(t, id, cookie);
      const read = await readBill(id, cookie);
      expect(read.statusCode, read.body).toBe(200);
      const view = read.json() as BillOfQuantitiesView;
      expect(view.summary.billSm3).toBe(bill.billSm3);
      expect(view.bill.units[0]!.others.daywork.map((w) => `${w.name} ${w.quantity} ${w.unit}`)).toEqual(['普工 50.00 工日', '履带式挖掘机 1 m³ 2.00 台班']);
      const source = await call('GET', `/api/v1/tender-documents/${id}/bill-of-quantities/source`, cookie);
      expect(source.rawPayload.equals(Buffer.from(XML_BILL))).toBe(true);
    } finally {
      t.clock.set(new Date('2026-03-02T02:00:00Z'));
    }
  });

  it('[A-65] an opaque bill attachment still satisfies the check (documents made before the import)', async () => {
    const { r: r2, id: id2 } = await draftWorks();
    expect((await uploadAttachment(t, id2, r2.managerCookie, '工程量清单.pdf', 'billOfQuantities', Buffer.from('%PDF-1.7'))).statusCode).toBe(200);
    const packaged = await call('POST', `/api/v1/tender-documents/${id2}/package`, r2.managerCookie);
    expect(packaged.statusCode, packaged.body).toBe(200);
    expect(JSON.parse(Buffer.from(fromBase64((packaged.json() as PackageView).manifestBase64)).toString('utf8'))).not.toHaveProperty('billOfQuantities');
  });
});
