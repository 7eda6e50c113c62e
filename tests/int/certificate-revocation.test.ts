import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signCertificateChallenge, type KeyProvider } from '@bidhall/contracts';
import {
  createDemoCa,
  createOcspResponder,
  encodePem,
  issueDemoCrl,
  issueEntityCertificate,
  keySigner,
  parseCertificate,
  privateKeyToPem,
  type Certificate,
  type DemoCa,
} from '@bidhall/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileKeyProvider, pemKeyProvider } from '../../apps/cli/src/key-provider.ts';
import { loadDemoData } from '../../apps/server/src/demo/demo-data.ts';
import { revokeDemoCertificate } from '../../apps/server/src/demo/demo-ocsp.ts';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';
import { registrationBody } from '../support/registration-fixtures.ts';

const DAY = 86_400_000;
const START = '2026-03-02T02:00:00Z';
const dir = mkdtempSync(join(tmpdir(), 'bidhall-revocation-'));
const trustDir = join(dir, 'trust');

let t: TestApp;
let crlCa: DemoCa;
let ocspCa: DemoCa;
let adminCookie: string;
let responderServer: Server;
let ocspUrl: string;
/** Serials the OCSP responder of `ocspCa` answers "revoked" for. */
const revokedAtResponder = new Set<string>();

const pem = (c: Certificate) => encodePem('CERTIFICATE', c.der);

beforeAll(async () => {
  const now = new Date(START);
  crlCa = await createDemoCa({ id: 'crl-ca', organisation: '吊销测试认证中心（虚构）', alg: 'sm2', withIntermediate: true, now });
  ocspCa = await createDemoCa({ id: 'ocsp-ca', organisation: '在线状态测试认证中心（虚构）', alg: 'sm2', withIntermediate: true, now });
  mkdirSync(trustDir);
  for (const ca of [crlCa, ocspCa]) {
    writeFileSync(join(trustDir, `${ca.id}.pem`), pem(ca.root) + pem(ca.issuing));
    writeFileSync(join(trustDir, `${ca.id}.crl`), encodePem('X509 CRL', (await issueDemoCrl(ca, [], now, new Date(now.getTime() + 365 * DAY))).der));
  }
  t = await createTestApp({ now: START, config: { trustStoreDir: trustDir, certificateChallengeTtlSeconds: 120 } });

  // The CA's OCSP responder, over real HTTP, answering at the test's clock.
  const respond = createOcspResponder({
    issuer: ocspCa.issuing,
    signer: keySigner(ocspCa.issuingKey),
    now: () => t.clock.now(),
    status: (serial) => (revokedAtResponder.has(serial) ? { status: 'revoked', revokedAt: new Date(t.clock.now().getTime() - 1000), reason: 'keyCompromise' } : { status: 'good' }),
  });
  responderServer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void respond(new Uint8Array(Buffer.concat(chunks))).then((der) => {
        res.writeHead(200, { 'content-type': 'application/ocsp-response' });
        res.end(Buffer.from(der));
      });
    });
  });
  await new Promise<void>((resolve) => responderServer.listen(0, '127.0.0.1', resolve));
  ocspUrl = `http://127.0.0.1:${(responderServer.address() as AddressInfo).port}/ocsp`;

  await createPlatformUser(t, { username: 'rev.admin', kind: 'admin' });
  adminCookie = await login(t, 'rev.admin');
});
afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => responderServer?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const post = (url: string, payload: object, cookie?: string, ip?: string) =>
  t.built.app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {}, ...(ip ? { remoteAddress: ip } : {}) });
const me = (cookie: string) => t.built.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
const sessionCookie = (res: { cookies: { name: string; value: string }[] }) =>
  `bh_session=${res.cookies.find((c) => c.name === 'bh_session')?.value}`;

interface Holder {
  cert: Certificate;
  provider: KeyProvider;
  cookie: string;
  username: string;
}

/** A registered entity with a certificate of `ca` bound to it. */
async function certificateHolder(ca: DemoCa, withOcsp: boolean): Promise<Holder> {
  const body = registrationBody();
  expect((await post('/api/v1/registrations', body)).statusCode).toBe(201);
  const cookie = await login(t, body.account.username);
  const now = t.clock.now().getTime();
  const { cert, key } = await issueEntityCertificate(ca, {
    entityName: body.entity.name,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 365 * DAY),
    ...(withOcsp ? { ocspUrl } : {}),
  });
  const full = pem(cert) + pem(ca.issuing);
  const bound = await post('/api/v1/my/certificates', { certificate: full }, cookie);
  expect(bound.statusCode, bound.body).toBe(201);
  return { cert, provider: pemKeyProvider({ certificatePem: full, privateKeyPem: privateKeyToPem(key) }), cookie, username: body.account.username };
}

async function certificateLogin(provider: KeyProvider, ip?: string) {
  const challenge = await post('/api/v1/auth/certificate/challenge', {}, undefined, ip);
  expect(challenge.statusCode, challenge.body).toBe(200);
  return post('/api/v1/auth/certificate/login', await signCertificateChallenge(provider, challenge.json()), undefined, ip);
}

describe('a revoked certificate ends its sessions', () => {
  it("[F-04] a new CRL that lists a certificate ends the sessions opened with it as soon as the trust store reloads", async () => {
    const holder = await certificateHolder(crlCa, false);
    const res = await certificateLogin(holder.provider);
    expect(res.statusCode, res.body).toBe(200);
    const session = sessionCookie(res);
    expect((await me(session)).statusCode).toBe(200);

    const now = t.clock.now();
    const crl = await issueDemoCrl(crlCa, [{ cert: holder.cert, at: new Date(now.getTime() - 60_000), reason: 'keyCompromise' }], now, new Date(now.getTime() + 365 * DAY));
    writeFileSync(join(trustDir, `${crlCa.id}.crl`), encodePem('X509 CRL', crl.der));
    const reloaded = await post('/api/v1/trust-store/reload', {}, adminCookie);
    expect(reloaded.statusCode, reloaded.body).toBe(200);

    expect((await me(session)).statusCode).toBe(401);
    const row = await t.database.db.selectFrom('identity.session').select('revoked_reason').where('certificate_id', 'is not', null).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(row.revoked_reason).toBe('certificateRevoked');
    const audit = await t.database.db.selectFrom('platform.audit_event').select('details').where('action', '=', 'identity.certificate.revocationFound').execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it('[F-09] the OCSP responder a certificate names is asked besides the CRL: a certificate it calls revoked logs in no more, and its sessions end', async () => {
    const holder = await certificateHolder(ocspCa, true);
    expect(holder.cert.ocspUrls).toEqual([ocspUrl]);
    const first = await certificateLogin(holder.provider);
    expect(first.statusCode, first.body).toBe(200);
    const session = sessionCookie(first);

    // The CA revokes it; its CRL does not say so yet. A "good" answer is reused for a minute at most.
    revokedAtResponder.add(holder.cert.serialNumber);
    t.clock.advance(61_000);
    const again = await certificateLogin(holder.provider);
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('CERTIFICATE_REVOKED');
    expect(again.json().detail).toContain('OCSP');

    // The sweep the job runs every minute ends the session opened before.
    expect((await me(session)).statusCode).toBe(200);
    const swept = await t.built.identity.services.revocations.sweep({ ocsp: true });
    expect(swept.ended).toBeGreaterThanOrEqual(1);
    expect((await me(session)).statusCode).toBe(401);
  });

  it('an unreachable responder leaves the CRL to decide (and the login goes through)', async () => {
    const holder = await certificateHolder(ocspCa, true);
    await new Promise((resolve) => responderServer.close(resolve));
    try {
      const res = await certificateLogin(holder.provider);
      expect(res.statusCode, res.body).toBe(200);
    } finally {
      await new Promise<void>((resolve) => responderServer.listen(Number(new URL(ocspUrl).port), '127.0.0.1', resolve));
    }
  });
});

describe('certificate login challenges are bounded and expire', () => {
  let bounded: TestApp;
  beforeAll(async () => {
    bounded = await createTestApp({
      now: START,
      database: t.database,
      config: { trustStoreDir: trustDir, certificateChallengeTtlSeconds: 120, certificateChallengeBounds: { perClient: 3, total: 5 } },
    });
  });
  afterAll(async () => bounded?.close());

  const challenge = (ip: string) => bounded.built.app.inject({ method: 'POST', url: '/api/v1/auth/certificate/challenge', payload: {}, remoteAddress: ip });
  const stored = async () => Number((await bounded.database.db.selectFrom('identity.certificate_challenge').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('an address gets a few unanswered challenges, everyone together a bounded number; expired ones are removed', async () => {
    await bounded.database.db.deleteFrom('identity.certificate_challenge').execute();
    for (let i = 0; i < 3; i++) expect((await challenge('10.40.0.1')).statusCode).toBe(200);
    const fourth = await challenge('10.40.0.1');
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().code).toBe('RATE_LIMITED');
    expect(Number(fourth.headers['retry-after'])).toBe(120);

    for (let i = 0; i < 2; i++) expect((await challenge('10.40.0.2')).statusCode).toBe(200);
    const full = await challenge('10.40.0.3');
    expect(full.statusCode).toBe(503);
    expect(full.json().code).toBe('SERVICE_UNAVAILABLE');
    expect(await stored()).toBe(5);

    // Expired, the challenges count no more; a lifetime later they are gone.
    bounded.clock.advance(121_000);
    expect((await challenge('10.40.0.1')).statusCode).toBe(200);
    bounded.clock.advance(121_000);
    expect(await bounded.built.identity.services.certificateLogin.purgeExpired()).toBe(5);
    expect(await stored()).toBe(1);
  });
});

describe("the demo CAs' OCSP responder (sandbox)", () => {
  const demoDir = join(dir, 'demo');
  let demo: TestApp;
  beforeAll(async () => {
    demo = await createTestApp({ now: START, demoCaDir: join(demoDir, 'demo-ca'), config: { trustStoreDir: join(demoDir, 'trust') } });
    await loadDemoData(demo.built, demo.database.db, {
      demoCaDir: join(demoDir, 'demo-ca'),
      now: demo.clock.now(),
      ocspBaseUrl: 'http://localhost:3000/sandbox/ocsp',
    });
  }, 120_000);
  afterAll(async () => demo?.close());

  it('[F-09] demo certificates name the sandbox responder; a demo certificate revoked there logs in no more and its session ends', async () => {
    const entities = join(demoDir, 'demo-ca', 'entities');
    const certificatePem = readFileSync(join(entities, 'bidder.demo.cert.pem'), 'utf8');
    const provider = await fileKeyProvider(join(entities, 'bidder.demo.cert.pem'), join(entities, 'bidder.demo.key.pem'));
    const leaf = parseCertificate(certificatePem);
    expect(leaf.ocspUrls).toEqual(['http://localhost:3000/sandbox/ocsp/gm-a']);
    const loginWith = async (p: KeyProvider) => {
      const c = await demo.built.app.inject({ method: 'POST', url: '/api/v1/auth/certificate/challenge', payload: {} });
      return demo.built.app.inject({ method: 'POST', url: '/api/v1/auth/certificate/login', payload: await signCertificateChallenge(p, c.json()) });
    };
    const first = await loginWith(provider);
    expect(first.statusCode, first.body).toBe(200);
    const session = sessionCookie(first);

    await revokeDemoCertificate(join(demoDir, 'demo-ca'), 'gm-a', leaf.serialNumber, demo.clock.now());
    expect((await demo.built.identity.services.revocations.sweep({ ocsp: true })).ended).toBe(1);
    expect((await demo.built.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session } })).statusCode).toBe(401);
    demo.clock.advance(61_000);
    const again = await loginWith(provider);
    expect(again.json().code).toBe('CERTIFICATE_REVOKED');
  });
});
