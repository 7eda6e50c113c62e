import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signCertificateChallenge, type KeyProvider } from '@bidhall/contracts';
import {
  signCmsDetached,
  createDemoCa,
  createDemoPki,
  encodePem,
  encodeSpki,
  gmSuite,
  issueCertificate,
  issueDemoCrl,
  issueEntityCertificate,
  keySigner,
  privateKeyToPem,
  toBase64,
  type Certificate,
  type DemoCa,
  type EntityCertSpec,
} from '@bidhall/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pemKeyProvider } from '../../apps/cli/src/key-provider.ts';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';
import { registrationBody } from '../support/registration-fixtures.ts';

const DAY = 86_400_000;
const START = '2026-03-02T02:00:00Z';
const dir = mkdtempSync(join(tmpdir(), 'bidhall-certs-'));
const trustDir = join(dir, 'trust');

let t: TestApp;
let gmA: DemoCa;
let gmB: DemoCa;
let intl: DemoCa;
let outsider: DemoCa;
let adminCookie: string;

/** The real application on a fresh database, with the trust folder of this file. */
const createApp = () => createTestApp({ config: { trustStoreDir: trustDir, certificateChallengeTtlSeconds: 120 } });

const pem = (c: Certificate) => encodePem('CERTIFICATE', c.der);

function writeCrl(ca: DemoCa, der: Uint8Array) {
  writeFileSync(join(trustDir, `${ca.id}.crl`), encodePem('X509 CRL', der));
}

beforeAll(async () => {
  const now = new Date(START);
  [gmA, gmB, intl] = (await createDemoPki(now)) as [DemoCa, DemoCa, DemoCa];
  outsider = await createDemoCa({
    id: 'outsider',
    organisation: '未被认可的演示认证机构（虚构）',
    alg: 'sm2',
    withIntermediate: false,
    now,
  });
  // Several CAs side by side, as separate files: roots and intermediates, PEM and DER, and a CRL.
  mkdirSync(trustDir);
  writeFileSync(join(trustDir, 'gm-a-root.pem'), pem(gmA.root));
  writeFileSync(join(trustDir, 'gm-a-issuing.der'), gmA.issuing.der);
  writeFileSync(join(trustDir, 'gm-b-root.crt'), pem(gmB.root));
  writeFileSync(join(trustDir, 'intl-c.pem'), pem(intl.root) + pem(intl.issuing));
  writeCrl(gmA, (await issueDemoCrl(gmA, [], now, new Date(now.getTime() + 365 * DAY))).der);
  t = await createApp();
  await createPlatformUser(t, { username: 'cert.admin', kind: 'admin' });
  adminCookie = await login(t, 'cert.admin');
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (url: string, payload: object, cookie?: string) =>
  t.built.app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {} });
const get = (url: string, cookie?: string) => t.built.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const del = (url: string, cookie?: string) => t.built.app.inject({ method: 'DELETE', url, headers: cookie ? { cookie } : {} });
const sessionCookie = (res: { cookies: { name: string; value: string }[] }) =>
  `bh_session=${res.cookies.find((c) => c.name === 'bh_session')?.value}`;

interface Registered {
  name: string;
  creditCode: string;
  username: string;
  cookie: string;
}

async function registerEntity(overrides: { name?: string } = {}): Promise<Registered> {
  const body = registrationBody(overrides);
  const res = await post('/api/v1/registrations', body);
  expect(res.statusCode, res.body).toBe(201);
  return {
    name: body.entity.name,
    creditCode: body.entity.creditCode,
    username: body.account.username,
    cookie: await login(t, body.account.username),
  };
}

interface Issued {
  cert: Certificate;
  /** The certificate followed by its chain, as a CA delivers it. */
  pem: string;
  provider: KeyProvider;
}

async function issue(
  ca: DemoCa,
  entity: { name: string; creditCode?: string },
  spec: Partial<EntityCertSpec> = {},
): Promise<Issued> {
  const now = t.clock.now().getTime();
  const { cert, key } = await issueEntityCertificate(ca, {
    entityName: entity.name,
    ...(entity.creditCode ? { creditCode: entity.creditCode } : {}),
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 365 * DAY),
    ...spec,
  });
  const full =
    pem(cert) +
    ca.chain
      .filter((c) => c !== ca.root)
      .map(pem)
      .join('');
  return { cert, pem: full, provider: pemKeyProvider({ certificatePem: full, privateKeyPem: privateKeyToPem(key) }) };
}

const bind = (who: Registered, certificate: string) => post('/api/v1/my/certificates', { certificate }, who.cookie);

async function challenge() {
  const res = await post('/api/v1/auth/certificate/challenge', {});
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { nonce: string; challenge: string; expiresAt: string };
}

async function certificateLogin(provider: KeyProvider) {
  return post('/api/v1/auth/certificate/login', await signCertificateChallenge(provider, await challenge()));
}

const code = (res: { json(): unknown }) => (res.json() as { code?: string }).code;

describe('binding certificates of the recognised CAs (A-12)', () => {
  it('[F-05] [F-09] [task-12] certificates of several CAs are accepted side by side', async () => {
    const a = await registerEntity();
    const b = await registerEntity();
    const fromGmA = await issue(gmA, a); // SM2, via an intermediate, PEM with its chain
    const fromIntl = await issue(intl, a); // P-256, sent as bare base64 DER
    const fromGmB = await issue(gmB, b); // SM2, issued by a root directly

    const r1 = await bind(a, fromGmA.pem);
    expect(r1.statusCode, r1.body).toBe(201);
    expect(r1.json()).toMatchObject({ serialNumber: fromGmA.cert.serialNumber, keyAlg: 'sm2', status: 'valid', unboundAt: null });
    const r2 = await bind(a, toBase64(fromIntl.cert.der));
    expect(r2.statusCode, r2.body).toBe(201);
    expect(r2.json()).toMatchObject({
      keyAlg: 'p256',
      subjectName: fromIntl.cert.subject.text,
      issuer: fromIntl.cert.issuer.text,
    });
    expect((await bind(b, fromGmB.pem)).statusCode).toBe(201);

    const listed = (await get('/api/v1/my/certificates', a.cookie)).json() as { issuer: string; status: string }[];
    expect(listed.map((c) => c.issuer).sort()).toEqual([fromGmA.cert.issuer.text, fromIntl.cert.issuer.text].sort());
    const workspace = (await get('/api/v1/my/workspace', a.cookie)).json() as { certificates: unknown[] };
    expect(workspace.certificates).toHaveLength(2);

    const row = await t.database.db
      .selectFrom('identity.certificate')
      .selectAll()
      .where('id', '=', r1.json().id)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(row.der as Uint8Array).equals(Buffer.from(fromGmA.cert.der))).toBe(true);
    expect(row.key_id).toMatch(/^[0-9a-f]{64}$/);
    expect(row.fingerprint_sha256).toMatch(/^[0-9a-f]{64}$/);
    const audit = await t.built.audit.list(t.database.db, { targetType: 'certificate', targetId: r1.json().id, limit: 10 });
    expect(audit.map((e) => e.action)).toEqual(['identity.certificate.bound']);
  });

  it('[A-12] a certificate that names another entity, or another credit code, is refused', async () => {
    const a = await registerEntity();
    const other = await issue(gmA, { name: '别家示范工程有限公司' });
    const res = await bind(a, other.pem);
    expect(res.statusCode).toBe(422);
    expect(code(res)).toBe('CERTIFICATE_NAME_MISMATCH');
    const wrongCode = await issue(gmA, { name: a.name, creditCode: registrationBody().entity.creditCode });
    expect(code(await bind(a, wrongCode.pem))).toBe('CERTIFICATE_NAME_MISMATCH');
    // Full-width brackets and spacing are not differences (NFKC).
    const spaced = await registerEntity({ name: `示范（鄂尔多斯）建设有限公司${Date.now() % 100000}` });
    const halfWidth = await issue(gmB, { name: spaced.name.replace('（', '(').replace('）', ')') });
    expect((await bind(spaced, halfWidth.pem)).statusCode).toBe(201);
    expect((await get('/api/v1/my/certificates', a.cookie)).json()).toEqual([]);
  });

  it('[A-12] a certificate is bound once: again to the same entity or to another one is refused; after unbinding it may be bound again', async () => {
    const suffix = Date.now() % 100000;
    const c = await registerEntity({ name: `双名示范（甲）有限公司${suffix}` });
    const d = await registerEntity({ name: `双名示范(甲)有限公司${suffix}` });
    const cert = await issue(gmA, { name: `双名示范(甲)有限公司${suffix}` });
    const first = await bind(c, cert.pem);
    expect(first.statusCode, first.body).toBe(201);
    expect(code(await bind(c, cert.pem))).toBe('CERTIFICATE_ALREADY_BOUND');
    const elsewhere = await bind(d, cert.pem);
    expect(elsewhere.statusCode).toBe(409);
    expect(code(elsewhere)).toBe('CERTIFICATE_BOUND_ELSEWHERE');

    const unbound = await del(`/api/v1/my/certificates/${first.json().id}`, c.cookie);
    expect(unbound.statusCode).toBe(200);
    expect(unbound.json()).toMatchObject({ status: 'unbound' });
    expect(code(await del(`/api/v1/my/certificates/${first.json().id}`, c.cookie))).toBe('CERTIFICATE_NOT_FOUND');
    expect((await bind(d, cert.pem)).statusCode).toBe(201);
    const history = (await get('/api/v1/my/certificates', c.cookie)).json() as { status: string }[];
    expect(history.map((h) => h.status)).toEqual(['unbound']);
    const audit = await t.built.audit.list(t.database.db, { targetType: 'certificate', targetId: first.json().id, limit: 10 });
    expect(audit.map((e) => e.action).sort()).toEqual(['identity.certificate.bound', 'identity.certificate.unbound']);
  });

  it('[task-12] untrusted, expired, not yet valid, wrong key usage and malformed certificates are refused with stable codes', async () => {
    const a = await registerEntity();
    const now = t.clock.now().getTime();
    const cases: [string, string][] = [
      [(await issue(outsider, a)).pem, 'CERTIFICATE_UNTRUSTED'],
      [(await issue(gmA, a, { notBefore: new Date(now - 30 * DAY), notAfter: new Date(now - DAY) })).pem, 'CERTIFICATE_EXPIRED'],
      [
        (await issue(gmB, a, { notBefore: new Date(now + DAY), notAfter: new Date(now + 30 * DAY) })).pem,
        'CERTIFICATE_NOT_YET_VALID',
      ],
      [(await issue(intl, a, { purpose: 'encrypt' })).pem, 'CERTIFICATE_KEY_USAGE'],
      ['bm90IGEgY2VydGlmaWNhdGUgYXQgYWxsLCBqdXN0IHNvbWUgdGV4dCB0aGF0IGlzIGJhc2U2NA==', 'CERTIFICATE_MALFORMED'],
      [
        '-----BEGIN CERTIFICATE-----\nMIIBAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n-----END CERTIFICATE-----',
        'CERTIFICATE_MALFORMED',
      ],
      [toBase64((await issue(gmA, a)).cert.der.subarray(0, 300)), 'CERTIFICATE_MALFORMED'],
      ['this is neither PEM nor base64 but long enough to pass the length check of the schema!', 'CERTIFICATE_MALFORMED'],
    ];
    for (const [input, expected] of cases) {
      const res = await bind(a, input);
      expect(res.statusCode, `${expected}: ${res.body}`).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(code(res), res.body).toBe(expected);
    }
    // An end-entity certificate is no CA: one signed by a leaf does not chain.
    const leaf = await issue(gmA, { name: 'leaf' });
    const key = gmSuite.generateKeyPair();
    const underLeaf = await issueCertificate({
      subject: { C: 'CN', O: a.name, CN: a.name },
      subjectSpki: encodeSpki(key.publicKey),
      issuer: leaf.cert,
      signer: keySigner(gmSuite.generateKeyPair()),
      notBefore: new Date(now - DAY),
      notAfter: new Date(now + DAY),
      keyUsage: ['digitalSignature'],
    });
    expect(code(await bind(a, pem(underLeaf)))).toBe('CERTIFICATE_UNTRUSTED');
    expect((await bind(a, '')).statusCode).toBe(400);
    expect((await get('/api/v1/my/certificates', a.cookie)).json()).toEqual([]);
  });

  it("[F-04] a certificate revoked in its CA's CRL is refused; the trust store reloads new CRLs and keeps the old store when a file is bad", async () => {
    const a = await registerEntity();
    const revoked = await issue(gmB, a);
    const now = t.clock.now();
    expect((await get('/api/v1/trust-store', adminCookie)).json().crls).toHaveLength(1);
    writeCrl(
      gmB,
      (
        await issueDemoCrl(
          gmB,
          [{ cert: revoked.cert, at: new Date(now.getTime() - 60_000), reason: 'keyCompromise' }],
          now,
          new Date(now.getTime() + 365 * DAY),
        )
      ).der,
    );
    const reloaded = await post('/api/v1/trust-store/reload', {}, adminCookie);
    expect(reloaded.statusCode, reloaded.body).toBe(200);
    expect(
      reloaded
        .json()
        .authorities.map((x: { kind: string }) => x.kind)
        .sort(),
    ).toEqual(['intermediate', 'intermediate', 'root', 'root', 'root']);
    expect(reloaded.json().crls).toHaveLength(2);
    expect(reloaded.json().crls.every((c: { issuerKnown: boolean; stale: boolean }) => c.issuerKnown && !c.stale)).toBe(true);

    const res = await bind(a, revoked.pem);
    expect(res.statusCode).toBe(422);
    expect(code(res)).toBe('CERTIFICATE_REVOKED');

    writeFileSync(join(trustDir, 'broken.pem'), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    const bad = await post('/api/v1/trust-store/reload', {}, adminCookie);
    expect(code(bad)).toBe('TRUST_STORE_INVALID');
    rmSync(join(trustDir, 'broken.pem'));
    expect((await bind(a, (await issue(gmB, a)).pem)).statusCode).toBe(201);
    expect((await post('/api/v1/trust-store/reload', {}, a.cookie)).statusCode).toBe(403);
  });
});

describe('certificate login by challenge–response', () => {
  it('[F-04] [F-05] [F-09] a bound SM2 or P-256 certificate logs in as the account that bound it', async () => {
    const a = await registerEntity();
    const sm2 = await issue(gmA, a);
    const p256 = await issue(intl, a);
    await bind(a, sm2.pem);
    await bind(a, p256.pem);

    const c = await challenge();
    expect(c.challenge).toBe(`bidhall certificate login v1\nnonce=${c.nonce}\nexpires=${c.expiresAt}`);
    expect(new Date(c.expiresAt).getTime() - t.clock.now().getTime()).toBe(120_000);

    for (const provider of [sm2.provider, p256.provider]) {
      const res = await certificateLogin(provider);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ stage: 'active', user: { username: a.username, entity: { name: a.name } } });
      expect(res.cookies.find((x) => x.name === 'bh_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
      expect((await get('/api/v1/me', sessionCookie(res))).json()).toMatchObject({ username: a.username });
    }
    const audit = await t.built.audit.list(t.database.db, { action: 'identity.login.certificateAccepted', limit: 10 });
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('[F-09] an RSA certificate binds and logs in too', async () => {
    const a = await registerEntity();
    const pair = await crypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['sign', 'verify'],
    );
    const now = t.clock.now().getTime();
    const cert = await issueCertificate({
      subject: { C: 'CN', O: a.name, CN: a.name },
      subjectSpki: new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)),
      issuer: gmA.issuing,
      signer: keySigner(gmA.issuingKey),
      notBefore: new Date(now - DAY),
      notAfter: new Date(now + 365 * DAY),
      keyUsage: ['digitalSignature', 'nonRepudiation'],
    });
    const keyPem = encodePem('PRIVATE KEY', new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey)));
    const bound = await bind(a, pem(cert));
    expect(bound.statusCode, bound.body).toBe(201);
    expect(bound.json().keyAlg).toBe('rsa');
    const res = await certificateLogin(pemKeyProvider({ certificatePem: pem(cert), privateKeyPem: keyPem }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user.username).toBe(a.username);
  });

  it('[F-04] a replayed, unknown or expired challenge and a wrong signature are refused', async () => {
    const a = await registerEntity();
    const sm2 = await issue(gmA, a);
    await bind(a, sm2.pem);
    const request = await signCertificateChallenge(sm2.provider, await challenge());
    expect((await post('/api/v1/auth/certificate/login', request)).statusCode).toBe(200);
    const replay = await post('/api/v1/auth/certificate/login', request);
    expect(replay.statusCode).toBe(401);
    expect(code(replay)).toBe('CHALLENGE_USED');
    expect(code(await post('/api/v1/auth/certificate/login', { ...request, nonce: 'A'.repeat(43) }))).toBe('CHALLENGE_UNKNOWN');

    const late = await signCertificateChallenge(sm2.provider, await challenge());
    t.clock.advance(121_000);
    expect(code(await post('/api/v1/auth/certificate/login', late))).toBe('CHALLENGE_EXPIRED');

    // A signature over other bytes, or by another key, proves nothing.
    const c = await challenge();
    const otherText = await signCertificateChallenge(sm2.provider, { nonce: c.nonce, challenge: `${c.challenge}!` });
    expect(code(await post('/api/v1/auth/certificate/login', otherText))).toBe('SIGNATURE_INVALID');
    const stranger = await issue(gmA, a);
    const c2 = await challenge();
    const foreign = await signCertificateChallenge(stranger.provider, c2);
    expect(code(await post('/api/v1/auth/certificate/login', { ...foreign, certificate: sm2.pem }))).toBe('SIGNATURE_INVALID');
    // The failed attempt used the challenge up as well.
    expect(code(await post('/api/v1/auth/certificate/login', await signCertificateChallenge(sm2.provider, c2)))).toBe(
      'CHALLENGE_USED',
    );
    expect(
      (await post('/api/v1/auth/certificate/login', { nonce: 'short', certificate: sm2.pem, signature: 'AAAA' })).statusCode,
    ).toBe(400);
  });

  it('[A-12] certificate login only after binding: a trusted but unbound certificate is refused, and unbinding ends its session', async () => {
    const a = await registerEntity();
    const never = await issue(gmA, a);
    const res = await certificateLogin(never.provider);
    expect(res.statusCode).toBe(401);
    expect(code(res)).toBe('CERTIFICATE_NOT_BOUND');

    const cert = await issue(gmB, a);
    const bound = (await bind(a, cert.pem)).json() as { id: string };
    const session = sessionCookie(await certificateLogin(cert.provider));
    expect((await get('/api/v1/me', session)).statusCode).toBe(200);
    expect((await del(`/api/v1/my/certificates/${bound.id}`, session)).statusCode).toBe(200);
    expect((await get('/api/v1/me', session)).statusCode).toBe(401);
    expect(code(await certificateLogin(cert.provider))).toBe('CERTIFICATE_NOT_BOUND');
    // The password still works.
    expect((await get('/api/v1/me', await login(t, a.username))).statusCode).toBe(200);
  });

  it('[F-12] a new certificate login ends the previous session', async () => {
    const a = await registerEntity();
    const first = await issue(gmA, a);
    const second = await issue(intl, a);
    await bind(a, first.pem);
    await bind(a, second.pem);
    const byPassword = await login(t, a.username);
    const s1 = sessionCookie(await certificateLogin(first.provider));
    expect((await get('/api/v1/me', byPassword)).statusCode).toBe(401);
    expect((await get('/api/v1/me', s1)).statusCode).toBe(200);
    const s2 = sessionCookie(await certificateLogin(second.provider));
    expect((await get('/api/v1/me', s1)).statusCode).toBe(401);
    expect((await get('/api/v1/me', s2)).statusCode).toBe(200);
    const sessions = await t.database.db
      .selectFrom('identity.session as s')
      .innerJoin('identity.user_account as u', 'u.id', 's.user_id')
      .select(['s.revoked_reason'])
      .where('u.username', '=', a.username)
      .execute();
    expect(sessions.filter((s) => s.revoked_reason === null)).toHaveLength(1);
  });

  it('[F-04] a certificate revoked after binding can no longer log in; the refusal is recorded', async () => {
    const a = await registerEntity();
    const cert = await issue(gmA, a);
    await bind(a, cert.pem);
    expect((await certificateLogin(cert.provider)).statusCode).toBe(200);
    const now = t.clock.now();
    writeCrl(
      gmA,
      (
        await issueDemoCrl(
          gmA,
          [{ cert: cert.cert, at: new Date(now.getTime() - 1000), reason: 'keyCompromise' }],
          now,
          new Date(now.getTime() + 365 * DAY),
        )
      ).der,
    );
    expect((await post('/api/v1/trust-store/reload', {}, adminCookie)).statusCode).toBe(200);
    const res = await certificateLogin(cert.provider);
    expect(code(res)).toBe('CERTIFICATE_REVOKED');
    const refused = await t.built.audit.list(t.database.db, { action: 'identity.login.certificateRefused', limit: 10 });
    expect(refused.some((e) => e.details.code === 'CERTIFICATE_REVOKED')).toBe(true);
  });

  it('[A-13] an expired certificate cannot log in; before that it is reminded of', async () => {
    const a = await registerEntity();
    const now = t.clock.now().getTime();
    const soon = await issue(gmB, a, { notBefore: new Date(now - DAY), notAfter: new Date(now + 10 * DAY) });
    const bound = await bind(a, soon.pem);
    expect(bound.json()).toMatchObject({ status: 'expiring', expiresWithinDays: 10 });
    expect((await certificateLogin(soon.provider)).statusCode).toBe(200);
    expect(await t.built.identity.services.remindExpiringCertificates()).toBeGreaterThanOrEqual(1);

    t.clock.advance(11 * DAY);
    const res = await certificateLogin(soon.provider);
    expect(res.statusCode).toBe(422);
    expect(code(res)).toBe('CERTIFICATE_EXPIRED');
    const cookie = await login(t, a.username);
    expect((await get('/api/v1/my/certificates', cookie)).json()).toMatchObject([{ status: 'expired', expiresWithinDays: null }]);
    // Nor can an expired certificate be bound (A-13: restrict expired certificates).
    expect(
      code(
        await bind(
          { ...a, cookie },
          (await issue(gmA, a, { notBefore: new Date(now - DAY), notAfter: new Date(now + DAY) })).pem,
        ),
      ),
    ).toBe('CERTIFICATE_EXPIRED');
  });
});

describe('signatures over documents', () => {
  it('[F-08] the server verifies a detached SM2 signature against the recognised CAs and refuses an altered document or an unknown CA', async () => {
    const now = new Date(START);
    const doc = new TextEncoder().encode('招标文件（第1版）\n'.repeat(30));
    const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
    const signer = await issueEntityCertificate(gmA, { entityName: '鄂尔多斯市签名测试有限公司', notBefore: now, notAfter: new Date(now.getTime() + 300 * DAY) });
    const cms = signCmsDetached(doc, { key: signer.key, cert: signer.cert, chain: [gmA.issuing] }, { signingTime: now });
    const body = registrationBody();
    await post('/api/v1/registrations', body);
    const cookie = await login(t, body.account.username);

    const ok = await post('/api/v1/signatures/verify', { content: b64(doc), signature: b64(cms) }, cookie);
    expect(ok.json()).toMatchObject({ valid: true, form: 'gmt0010' });
    expect(ok.json().signers[0].subject).toContain('鄂尔多斯市签名测试有限公司');

    const altered = Uint8Array.from(doc);
    altered[3]! ^= 1;
    const bad = await post('/api/v1/signatures/verify', { content: b64(altered), signature: b64(cms) }, cookie);
    expect(bad.json()).toMatchObject({ valid: false, code: 'BAD_SIGNATURE' });

    const stranger = await issueEntityCertificate(outsider, { entityName: '外来证书公司', notBefore: now, notAfter: new Date(now.getTime() + 300 * DAY) });
    const foreign = signCmsDetached(doc, { key: stranger.key, cert: stranger.cert }, { signingTime: now });
    const untrusted = await post('/api/v1/signatures/verify', { content: b64(doc), signature: b64(foreign) }, cookie);
    expect(untrusted.json()).toMatchObject({ valid: false });
    expect(untrusted.json().code).toMatch(/UNTRUSTED/);

    const malformed = await post('/api/v1/signatures/verify', { content: b64(doc), signature: 'AAAA' }, cookie);
    expect(malformed.json()).toMatchObject({ valid: false });
  });
});

