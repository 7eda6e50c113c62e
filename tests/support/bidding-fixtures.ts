/**
 * Bidding fixtures (issue 10): a section with an issued tender document, the opening custodians' keys
 * registered by the centre, the supervisor and the tenderer, bidders with bound certificates that
 * obtained the document, and real sealed bids (sealBytes / sealBidSummary) uploaded with tus and submitted.
 */
import { BID_SUMMARY_FORMAT, type BiddingRequirements, type BidReceiptResponse, type BidSummaryPayload, type DocumentView } from '@bidhall/contracts';
import {
  buildManifest,
  encodePem,
  fromBase64,
  gmSuite,
  issueEntityCertificate,
  manifestPart,
  publicKeyFromPem,
  publicKeyToPem,
  sealBidSummary,
  sealBytes,
  signJson,
  signManifest,
  toBase64,
  type Certificate,
  type CustodianKey,
  type PrivateKey,
  type SignedManifest,
} from '@bidhall/crypto';
import { expect } from 'vitest';
import { api, obtain, scoringMethod, uploadAttachment, worksValues, type DocumentsTestApp } from './documents-fixtures.ts';
import { registrationBody } from './registration-fixtures.ts';
import { lawfulTimetable, publishNotice, registeredSection, setTimetable, type RegisteredSection } from './tendering-fixtures.ts';
import { createPlatformUser, login, type TestApp } from './test-app.ts';

const DAY = 86_400_000;
const pem = (c: Certificate) => encodePem('CERTIFICATE', c.der);

export interface Custodians {
  centre: PrivateKey;
  supervisor: PrivateKey;
  tenderer: PrivateKey;
  /** Fresh sessions of the city's staff member and supervisor who registered the keys. */
  staffLogin(): Promise<string>;
  supervisorLogin(): Promise<string>;
}

export interface BiddingSection {
  r: RegisteredSection;
  doc: DocumentView;
  custodians: Custodians;
  bidDeadline: string;
}

export interface Bidder {
  entityId: string;
  name: string;
  username: string;
  cookie: string;
  cert: Certificate;
  key: PrivateKey;
  certificatePem: string;
  relogin(): Promise<string>;
}

/** A works tender document taken from template to signed (by the tenderer), with chapter values changed as given. */
async function signedDocument(d: DocumentsTestApp, r: RegisteredSection, values: object): Promise<string> {
  const { t } = d;
  const { call } = api(t);
  const created = await call('POST', '/api/v1/tender-documents', r.managerCookie, { sectionId: r.sectionId, kind: 'tender' });
  expect(created.statusCode, created.body).toBe(201);
  const id = (created.json() as DocumentView).id;
  const filled = await call('PUT', `/api/v1/tender-documents/${id}/chapters`, r.managerCookie, { values });
  expect(filled.statusCode, filled.body).toBe(200);
  expect((await call('PUT', `/api/v1/tender-documents/${id}/method`, r.managerCookie, { method: scoringMethod() })).statusCode).toBe(200);
  const up = await uploadAttachment(t, id, r.managerCookie, '工程量清单.xml', 'billOfQuantities', Buffer.from('<清单><项目 编码="040101001">挖一般土方</项目></清单>'));
  expect(up.statusCode, up.body).toBe(200);
  const packaged = await call('POST', `/api/v1/tender-documents/${id}/package`, r.managerCookie);
  expect(packaged.statusCode, packaged.body).toBe(200);
  const manifest = Buffer.from(fromBase64((packaged.json() as { manifestBase64: string }).manifestBase64));
  const signed = await call('POST', `/api/v1/tender-documents/${id}/sign`, r.tenderer.cookie, { signature: d.sign(r.tenderer, manifest), commitmentAccepted: true });
  expect(signed.statusCode, signed.body).toBe(200);
  return id;
}

let supervisors = 0;
const regional = new WeakMap<TestApp, Omit<Custodians, 'tenderer'>>();

/** Custodian keys: the city's trading centre and a supervisor of the city (once per app), and the section's tenderer. */
export async function registerCustodians(t: TestApp, r: RegisteredSection): Promise<Custodians> {
  const { call } = api(t);
  const register = async (cookie: string, label: string, key: PrivateKey) => {
    const res = await call('POST', '/api/v1/custodian-keys', cookie, { label, publicKeyPem: publicKeyToPem(key.publicKey) });
    expect(res.statusCode, res.body).toBe(201);
  };
  let city = regional.get(t);
  if (!city) {
    const n = `${++supervisors}.${Math.floor(Math.random() * 1e6)}`;
    await createPlatformUser(t, { username: `staff.bids.${n}`, kind: 'staff', regionCode: '150600' });
    await createPlatformUser(t, { username: `supervisor.bids.${n}`, kind: 'supervisor', regionCode: '150600' });
    city = {
      centre: gmSuite.generateKeyPair(),
      supervisor: gmSuite.generateKeyPair(),
      staffLogin: () => login(t, `staff.bids.${n}`),
      supervisorLogin: () => login(t, `supervisor.bids.${n}`),
    };
    await register(await city.staffLogin(), '鄂尔多斯市公共资源交易中心', city.centre);
    await register(await city.supervisorLogin(), '市住房和城乡建设局', city.supervisor);
    regional.set(t, city);
  }
  const tenderer = gmSuite.generateKeyPair();
  await register(await r.tenderer.relogin(), r.tenderer.name, tenderer);
  return { ...city, tenderer };
}

/**
 * A published section of the fixtures' tenderer with a signed, issued works tender document (values
 * changed by `instructions`, e.g. a bid bond), its custodians registered, the clock inside the issue period.
 */
export async function biddingSection(d: DocumentsTestApp, opts: { instructions?: Record<string, string>; custodians?: boolean; regionCode?: string } = {}): Promise<BiddingSection> {
  const { t } = d;
  const r = await registeredSection(t, opts.regionCode ? { regionCode: opts.regionCode } : {});
  await d.bindCertificate(r.tenderer);
  await setTimetable(t, r.sectionId, lawfulTimetable(t));
  const values = { ...worksValues, instructions: { ...worksValues.instructions, ...opts.instructions } };
  const id = await signedDocument(d, r, values);
  await publishNotice(t, r);
  const doc = (await api(t).call('GET', `/api/v1/tender-documents/${id}`, r.managerCookie)).json() as DocumentView;
  expect(doc.status).toBe('issued');
  const section = (await api(t).call('GET', `/api/v1/sections/${r.sectionId}`, r.managerCookie)).json() as { timetable: { bidDeadline: string } };
  const custodians = opts.custodians === false ? (undefined as unknown as Custodians) : await registerCustodians(t, r);
  if (t.clock.now().getTime() < Date.parse(doc.issueStart!)) t.clock.set(new Date(Date.parse(doc.issueStart!) + 3_600_000));
  return { r, doc, custodians, bidDeadline: section.timetable.bidDeadline };
}

/** An active bidder with a certificate of the fixtures' CA bound to its entity; it obtains the document when given one. */
export async function certifiedBidder(d: DocumentsTestApp, documentId?: string): Promise<Bidder> {
  const { t, ca } = d;
  const body = registrationBody({ roles: ['bidder'] });
  const res = await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  const entityId = (res.json() as { entity: { id: string } }).entity.id;
  const cookie = await login(t, body.account.username);
  const at = t.clock.now().getTime();
  const issued = await issueEntityCertificate(ca, { entityName: body.entity.name, creditCode: body.entity.creditCode, notBefore: new Date(at - DAY), notAfter: new Date(at + 365 * DAY) });
  const bound = await t.built.app.inject({ method: 'POST', url: '/api/v1/my/certificates', payload: { certificate: pem(issued.cert) + pem(ca.issuing) }, headers: { cookie } });
  expect(bound.statusCode, bound.body).toBe(201);
  if (documentId) await obtain(t, documentId, cookie);
  return {
    entityId,
    name: body.entity.name,
    username: body.account.username,
    cookie,
    cert: issued.cert,
    key: issued.key,
    certificatePem: pem(issued.cert) + pem(ca.issuing),
    relogin: () => login(t, body.account.username),
  };
}

export async function requirements(t: TestApp, sectionId: string, cookie: string): Promise<BiddingRequirements> {
  const res = await api(t).call('GET', `/api/v1/sections/${sectionId}/bidding`, cookie);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as BiddingRequirements;
}

export interface SealedPart {
  partId: string;
  name: string;
  sealed: Uint8Array;
}

export interface SealedBid {
  signed: SignedManifest;
  parts: SealedPart[];
}

export interface SealOptions {
  /** Seal to these custodians instead of the section's. */
  custodians?: CustodianKey[];
  threshold?: number;
  /** Wrap the content keys to this key instead of the bidder's. */
  wrapTo?: PrivateKey;
  documentVersion?: { version: number; contentSm3: string };
  bond?: { form: 'deposit' | 'guarantee'; reference?: string };
  price?: string;
  /** The bidSummary fields instead of the default price, duration and quality. */
  summary?: Record<string, string | number>;
  /** Files by part key; default one small PDF for each PDF part and an XML priced bill. */
  files?: { partKey: string; name: string; bytes: Uint8Array }[];
  /** Parts of an earlier sealed bid to list again unchanged (a supplement keeps them). */
  keep?: SealedBid['signed']['manifest']['parts'];
}

export function defaultFiles(tag = ''): { partKey: string; name: string; bytes: Uint8Array }[] {
  return [
    { partKey: 'commercial', name: '商务文件.pdf', bytes: Buffer.from(`%PDF-1.7 商务文件 ${tag}`) },
    { partKey: 'technical', name: '技术文件.pdf', bytes: Buffer.from(`%PDF-1.7 技术文件 ${tag}`) },
    { partKey: 'qualification', name: '资格审查资料.pdf', bytes: Buffer.from(`%PDF-1.7 资格审查资料 ${tag}`) },
    { partKey: 'pricedBill', name: '已标价工程量清单.xml', bytes: Buffer.from(`<清单 报价="${tag}"/>`) },
  ];
}

/** Seals a bid the way the bid tool does: the bidSummary and each file to the bidder and the section's custodians, then signs the manifest. */
export async function sealBid(req: BiddingRequirements, bidder: Bidder, opts: SealOptions = {}): Promise<SealedBid> {
  const recipients = {
    bidder: (opts.wrapTo ?? bidder.key).publicKey,
    custodians: opts.custodians ?? req.sealing.custodians.map((c) => ({ publicKey: publicKeyFromPem(c.publicKeyPem), label: c.label })),
    threshold: opts.threshold ?? req.sealing.threshold,
  };
  // The bidSummary as the bid tools seal it (bidhall-bid-summary/1): the document's fields, read out at opening.
  const fields = opts.summary ?? { price: opts.price ?? '1234500000', durationDays: 180, quality: '合格' };
  const payload: BidSummaryPayload = { format: BID_SUMMARY_FORMAT, sectionId: req.sectionId, fields, projectManager: null, team: [], bond: opts.bond ? { form: opts.bond.form, reference: opts.bond.reference ?? null } : null };
  const summary = await sealBidSummary(payload, { recipients });
  const parts: SealedPart[] = [{ partId: summary.header.partId, name: 'bidSummary', sealed: summary.sealed }];
  const entries = [manifestPart(summary.header, summary.digest, 'bidSummary')];
  const keptKeys = new Set((opts.keep ?? []).map((p) => p.partKey));
  for (const f of (opts.files ?? defaultFiles()).filter((x) => !keptKeys.has(x.partKey))) {
    const s = await sealBytes(f.bytes, { name: f.name, recipients });
    parts.push({ partId: s.header.partId, name: f.name, sealed: s.sealed });
    entries.push({ ...manifestPart(s.header, s.digest, 'file'), partKey: f.partKey, mediaType: f.name.endsWith('.pdf') ? 'application/pdf' : 'application/xml' });
  }
  const manifest = buildManifest({
    sectionId: req.sectionId,
    bidderId: bidder.entityId,
    createdAt: new Date(),
    suite: 'gm',
    parts: [...entries, ...(opts.keep ?? [])],
    document: { id: req.document.id, version: opts.documentVersion?.version ?? req.document.version, contentSm3: opts.documentVersion?.contentSm3 ?? req.document.contentSm3 },
    ...(opts.bond ? { bond: opts.bond } : {}),
    preparation: { tool: 'cli', toolVersion: 'test', deviceHash: '0'.repeat(64), fileMetaHashes: [] },
  });
  return { signed: signManifest(manifest, bidder.key), parts };
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** A tus 1.0 upload of one sealed part (create, then one PATCH); returns the upload id. */
export async function uploadPart(t: TestApp, cookie: string, sectionId: string, part: SealedPart): Promise<{ uploadId: string; status: number; body: string }> {
  const created = await t.built.app.inject({
    method: 'POST',
    url: '/api/v1/bid-uploads',
    headers: {
      cookie,
      'tus-resumable': '1.0.0',
      'upload-length': String(part.sealed.length),
      'upload-metadata': `sectionId ${b64(sectionId)},partId ${b64(part.partId)},name ${b64(part.name)}`,
    },
  });
  if (created.statusCode !== 201) return { uploadId: '', status: created.statusCode, body: created.body };
  const location = String(created.headers.location);
  const patched = await t.built.app.inject({
    method: 'PATCH',
    url: location.startsWith('http') ? new URL(location).pathname : location,
    headers: { cookie, 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    payload: Buffer.from(part.sealed),
  });
  return { uploadId: location.split('/').pop()!, status: patched.statusCode, body: patched.body };
}

/** Uploads every part and submits the bid; `keep` lists parts kept from the replaced bid. */
export async function submitBid(
  t: TestApp,
  bidder: Bidder,
  sectionId: string,
  bid: SealedBid,
  opts: { replaces?: string; keep?: string[]; certificatePem?: string } = {},
): Promise<{ statusCode: number; body: string; json(): unknown }> {
  const refs: { partId: string; uploadId?: string; keep?: true }[] = [];
  for (const part of bid.parts) {
    const up = await uploadPart(t, bidder.cookie, sectionId, part);
    expect(up.status, up.body).toBeLessThan(300);
    refs.push({ partId: part.partId, uploadId: up.uploadId });
  }
  for (const partId of opts.keep ?? []) refs.push({ partId, keep: true });
  return api(t).call('POST', `/api/v1/sections/${sectionId}/bids`, bidder.cookie, {
    signedManifest: bid.signed,
    certificatePem: opts.certificatePem ?? bidder.certificatePem,
    parts: refs,
    ...(opts.replaces ? { replaces: opts.replaces } : {}),
  });
}

export async function withdrawBid(t: TestApp, bidder: Bidder, bidId: string) {
  return api(t).call('POST', `/api/v1/bids/${bidId}/withdrawal`, bidder.cookie, {
    certificatePem: bidder.certificatePem,
    signature: signJson({ bidId, action: 'withdraw' }, bidder.key),
  });
}

export type { BidReceiptResponse };
export { toBase64 };
