/**
 * Documents fixtures (issue 4): an app with a recognised demo CA, certificates bound to tenderers, a
 * complete evaluation method, and a tender document taken through the real routes from template to issue.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentView, DownloadReceipt, EvaluationMethod, PackageView } from '@bidhall/contracts';
import {
  createDemoPki,
  encodePem,
  fromBase64,
  issueDemoCrl,
  issueEntityCertificate,
  signCmsDetached,
  toBase64,
  type Certificate,
  type DemoCa,
  type PrivateKey,
} from '@bidhall/crypto';
import { expect } from 'vitest';
import { SCORING_METHOD, WORKS_VALUES } from '../../apps/server/src/demo/demo-tendering.ts';
import { createTestApp, login, type TestApp, type TestAppOptions } from './test-app.ts';
import { registrationBody } from './registration-fixtures.ts';
import type { FixtureParty, RegisteredSection } from './tendering-fixtures.ts';

const DAY = 86_400_000;
export const DOCUMENTS_START = '2026-03-02T02:00:00Z';

export interface DocumentsTestApp {
  t: TestApp;
  ca: DemoCa;
  bindCertificate(party: FixtureParty): Promise<void>;
  /** A detached CMS by the party's bound certificate over the bytes, base64. */
  sign(party: FixtureParty, bytes: Uint8Array): string;
  close(): Promise<void>;
}

export async function createDocumentsTestApp(options: TestAppOptions = {}): Promise<DocumentsTestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'bidhall-documents-'));
  const trustDir = join(dir, 'trust');
  const pem = (c: Certificate) => encodePem('CERTIFICATE', c.der);
  const now = new Date(options.now ?? DOCUMENTS_START);
  const [ca] = (await createDemoPki(now)) as [DemoCa];
  mkdirSync(trustDir);
  writeFileSync(join(trustDir, 'gm-a-root.pem'), pem(ca.root));
  writeFileSync(join(trustDir, 'gm-a-issuing.pem'), pem(ca.issuing));
  writeFileSync(join(trustDir, `${ca.id}.crl`), encodePem('X509 CRL', (await issueDemoCrl(ca, [], now, new Date(now.getTime() + 365 * DAY))).der));
  const t = await createTestApp({ now: DOCUMENTS_START, ...options, config: { trustStoreDir: trustDir, ...options.config } });
  const keys = new Map<string, { cert: Certificate; key: PrivateKey }>();
  return {
    t,
    ca,
    async bindCertificate(party) {
      const at = t.clock.now().getTime();
      const issued = await issueEntityCertificate(ca, { entityName: party.name, creditCode: party.creditCode, notBefore: new Date(at - DAY), notAfter: new Date(at + 365 * DAY) });
      const res = await t.built.app.inject({ method: 'POST', url: '/api/v1/my/certificates', payload: { certificate: pem(issued.cert) + pem(ca.issuing) }, headers: { cookie: party.cookie } });
      expect(res.statusCode, res.body).toBe(201);
      keys.set(party.entityId, issued);
    },
    sign(party, bytes) {
      const k = keys.get(party.entityId);
      if (!k) throw new Error('bind a certificate first');
      return toBase64(signCmsDetached(bytes, { key: k.key, cert: k.cert, chain: [ca.issuing] }, { signingTime: t.clock.now() }));
    },
    async close() {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The demo's scoring method (weights 30 + 20 + 50, unique numbers, a drawn coefficient), a fresh copy. */
export function scoringMethod(): EvaluationMethod {
  return structuredClone(SCORING_METHOD);
}

/** The chapter fields a works template requires, filled as in the demo. */
export const worksValues = WORKS_VALUES;

export interface Api {
  call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object): Promise<{ statusCode: number; body: string; json(): unknown; headers: Record<string, unknown>; rawPayload: Buffer }>;
}

export function api(t: TestApp): Api {
  return {
    // An action without input still sends an empty JSON object (emptyBody refuses null).
    call: (method, url, cookie, payload) => t.built.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : method === 'POST' ? { payload: {} } : {}) }),
  };
}

export async function uploadAttachment(t: TestApp, documentId: string, cookie: string, name: string, kind: string, bytes: Buffer) {
  return t.built.app.inject({
    method: 'PUT',
    url: `/api/v1/tender-documents/${documentId}/attachments?name=${encodeURIComponent(name)}&kind=${kind}`,
    headers: { cookie, 'content-type': 'application/octet-stream' },
    payload: bytes,
  });
}

/** Creates, fills, packages, signs (by the tenderer) and — unless told otherwise — issues a works tender document. */
export async function issuedDocument(
  d: DocumentsTestApp,
  r: RegisteredSection,
  opts: { issue?: boolean } = {},
): Promise<{ doc: DocumentView; pkg: PackageView; manifest: Buffer }> {
  const { t } = d;
  const { call } = api(t);
  const created = await call('POST', '/api/v1/tender-documents', r.managerCookie, { sectionId: r.sectionId, kind: 'tender' });
  expect(created.statusCode, created.body).toBe(201);
  const id = (created.json() as DocumentView).id;
  expect((await call('PUT', `/api/v1/tender-documents/${id}/chapters`, r.managerCookie, { values: worksValues })).statusCode).toBe(200);
  const m = await call('PUT', `/api/v1/tender-documents/${id}/method`, r.managerCookie, { method: scoringMethod() });
  expect(m.statusCode, m.body).toBe(200);
  const up = await uploadAttachment(t, id, r.managerCookie, '工程量清单.xml', 'billOfQuantities', Buffer.from('<清单><项目 编码="040101001">挖一般土方</项目></清单>'));
  expect(up.statusCode, up.body).toBe(200);
  const packaged = await call('POST', `/api/v1/tender-documents/${id}/package`, r.managerCookie);
  expect(packaged.statusCode, packaged.body).toBe(200);
  const pkg = packaged.json() as PackageView;
  const manifest = Buffer.from(fromBase64(pkg.manifestBase64));
  const signed = await call('POST', `/api/v1/tender-documents/${id}/sign`, r.tenderer.cookie, { signature: d.sign(r.tenderer, manifest), commitmentAccepted: true });
  expect(signed.statusCode, signed.body).toBe(200);
  if (opts.issue !== false) {
    const issued = await call('POST', `/api/v1/tender-documents/${id}/issue`, r.managerCookie);
    expect(issued.statusCode, issued.body).toBe(200);
  }
  const doc = (await call('GET', `/api/v1/tender-documents/${id}`, r.managerCookie)).json() as DocumentView;
  return { doc, pkg, manifest };
}

/** An active bidder entity with a session. */
export async function bidder(t: TestApp): Promise<{ entityId: string; name: string; username: string; cookie: string; relogin(): Promise<string> }> {
  const body = registrationBody({ roles: ['bidder'] });
  const res = await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  const entityId = (res.json() as { entity: { id: string } }).entity.id;
  return { entityId, name: body.entity.name, username: body.account.username, cookie: await login(t, body.account.username), relogin: () => login(t, body.account.username) };
}

export async function obtain(t: TestApp, documentId: string, cookie: string): Promise<DownloadReceipt> {
  const res = await api(t).call('POST', `/api/v1/tender-documents/${documentId}/downloads`, cookie);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as DownloadReceipt;
}
