import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PersonalCertificateView } from '@bidhall/contracts';
import { createDemoCa, createOcspResponder, encodePem, issueDemoCrl, issueEntityCertificate, keySigner, type Certificate, type DemoCa } from '@bidhall/crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindPersonal, type Signer } from '../support/evaluator-certificates.ts';
import { registrationBody } from '../support/registration-fixtures.ts';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';

/**
 * Evaluators' personal certificates (decision 0026) in the certificate jobs the entities' certificates
 * have: the expiry reminder (A-13's, to the account) and the revocation sweep (F-09's, which marks a
 * revoked personal certificate so that the port every sign-in and report signature goes through
 * refuses it), and one live binding per certificate across accounts and entities.
 */
const DAY = 86_400_000;
const START = '2026-03-02T02:00:00Z';
const dir = mkdtempSync(join(tmpdir(), 'bidhall-personal-certificates-'));
const trustDir = join(dir, 'trust');

let t: TestApp;
let ca: DemoCa;
let responderServer: Server;
let ocspUrl: string;
/** Serials the CA's OCSP responder answers "revoked" for. */
const revokedAtResponder = new Set<string>();

const pem = (c: Certificate) => encodePem('CERTIFICATE', c.der);
const call = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) =>
  t.built.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  const now = new Date(START);
  ca = await createDemoCa({ id: 'personal-ca', organisation: '个人证书测试认证中心（虚构）', alg: 'sm2', withIntermediate: true, now });
  mkdirSync(trustDir);
  writeFileSync(join(trustDir, `${ca.id}.pem`), pem(ca.root) + pem(ca.issuing));
  writeFileSync(join(trustDir, `${ca.id}.crl`), encodePem('X509 CRL', (await issueDemoCrl(ca, [], now, new Date(now.getTime() + 365 * DAY))).der));
  t = await createTestApp({ now: START, config: { trustStoreDir: trustDir } });

  // The CA's OCSP responder, over real HTTP, answering at the test's clock.
  const respond = createOcspResponder({
    issuer: ca.issuing,
    signer: keySigner(ca.issuingKey),
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
});
afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => responderServer?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** An expert account with a personal certificate of the CA, valid for `days` more, bound by proof of possession. */
async function evaluator(username: string, days: number, name = username): Promise<{ cookie: string; userId: string; signer: Signer; cert: Certificate }> {
  await createPlatformUser(t, { username, kind: 'expert', regionCode: '150602' });
  const cookie = await login(t, username);
  const now = t.clock.now().getTime();
  const { cert, key } = await issueEntityCertificate(ca, { entityName: name, notBefore: new Date(now - DAY), notAfter: new Date(now + days * DAY), ocspUrl });
  const signer = { certificatePem: pem(cert) + pem(ca.issuing), key };
  const bound = await bindPersonal(t, cookie, signer);
  expect(bound.statusCode, bound.body).toBe(201);
  const userId = ((await call('GET', '/api/v1/me', cookie)).json() as { id: string }).id;
  return { cookie, userId, signer, cert };
}

const listOf = async (cookie: string) => (await call('GET', '/api/v1/my/personal-certificates', cookie)).json() as PersonalCertificateView[];
const audits = async (action: string) =>
  (await sql<{ target_id: string; region_code: string | null; details: unknown }>`SELECT target_id, region_code, details FROM platform.audit_event WHERE action = ${action} ORDER BY id`.execute(t.database.db)).rows.map((r) => ({
    ...r,
    details: (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown>,
  }));

describe('personal certificates in the certificate jobs (decision 0026)', () => {
  it('an evaluator is reminded once of a personal certificate expiring within the entities’ window (30 days), in the app', async () => {
    const soon = await evaluator('personal.soon', 10);
    const later = await evaluator('personal.later', 45);
    expect((await listOf(soon.cookie)).map((c) => c.status)).toEqual(['expiring']);

    const remind = t.built.identity.services.remindExpiringCertificates;
    expect(await remind()).toBe(1);
    expect(await remind()).toBe(0);

    const reminders = async (cookie: string) =>
      ((await call('GET', '/api/v1/notifications', cookie)).json() as { items: { topic: string; title: string; body: string; link: string | null }[] }).items.filter((m) => m.topic === 'certificateExpiry');
    const [message, ...more] = await reminders(soon.cookie);
    expect(more).toEqual([]);
    expect(message!.title).toBe('个人数字证书将于 10 天后到期');
    expect(message!.body).toContain(soon.cert.serialNumber);
    expect(message!.body).toContain('签到评标和签署评标报告');
    expect(message!.link).toBe('/expert/invitations');
    expect(await reminders(later.cookie)).toEqual([]);
    const audited = await audits('identity.personalCertificate.expiryReminded');
    expect(audited).toEqual([{ target_id: (await listOf(soon.cookie))[0]!.id, region_code: '150602', details: expect.objectContaining({ userId: soon.userId, daysLeft: 10 }) }]);

    // Twenty days on, the other enters the window: its holder is reminded, the first not again.
    t.clock.advance(20 * DAY);
    expect(await remind()).toBe(1);
    expect((await reminders(await login(t, 'personal.later'))).map((m) => m.title)).toEqual(['个人数字证书将于 25 天后到期']);
    expect(await reminders(await login(t, 'personal.soon'))).toHaveLength(1);
  });

  it('[A-155] the revocation sweep asks the OCSP responder of every bound personal certificate; one revoked is marked and audited, and the evaluator can no longer sign in or sign a report with it', async () => {
    const revoked = await evaluator('personal.revoked', 365);
    const good = await evaluator('personal.good', 365);
    // The port every evaluation sign-in and report signature goes through (decision 0026).
    const port = (e: { userId: string; signer: Signer }) => t.built.identity.personalCertificate(t.database.db, e.userId, e.signer.certificatePem);
    expect((await port(revoked)).fingerprint).toBe((await listOf(revoked.cookie))[0]!.fingerprintSha256);

    // The CA revokes it at its responder; its CRL does not say so yet, and a use checks the CRL only.
    revokedAtResponder.add(revoked.cert.serialNumber);
    await expect(port(revoked)).resolves.toBeDefined();

    const swept = await t.built.identity.services.revocations.sweep({ ocsp: true });
    expect(swept.personalRevoked).toBe(1);
    const [view] = await listOf(revoked.cookie);
    expect(view!.status).toBe('revoked');
    expect((await listOf(good.cookie))[0]!.status).toBe('valid');
    const audited = await audits('identity.personalCertificate.revocationFound');
    expect(audited).toEqual([{ target_id: view!.id, region_code: '150602', details: expect.objectContaining({ userId: revoked.userId, serialNumber: revoked.cert.serialNumber, fingerprintSha256: view!.fingerprintSha256 }) }]);
    expect(String(audited[0]!.details.reason)).toContain('OCSP');

    // From now on the port refuses it, so the sign-in and the report's signature do; the other still signs.
    await expect(port(revoked)).rejects.toMatchObject({ code: 'CERTIFICATE_REVOKED' });
    await expect(port(good)).resolves.toBeDefined();
    // Found once: the next sweep neither marks nor audits it again.
    expect((await t.built.identity.services.revocations.sweep({ ocsp: true })).personalRevoked).toBe(0);
    expect(await audits('identity.personalCertificate.revocationFound')).toHaveLength(1);
    // Nor is its holder reminded to renew it.
    const goodId = (await listOf(good.cookie))[0]!.id;
    t.clock.advance(340 * DAY);
    expect(await t.built.identity.services.remindExpiringCertificates()).toBe(1);
    expect((await audits('identity.personalCertificate.expiryReminded')).at(-1)!.target_id).toBe(goodId);
  });

  it('a certificate has one live binding, among accounts and entities alike', async () => {
    const body = registrationBody();
    expect((await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body })).statusCode).toBe(201);
    const entityCookie = await login(t, body.account.username);
    // A certificate naming the entity, bound first by an expert as a personal one.
    const expert = await evaluator('personal.first', 365, body.entity.name);
    const refused = await call('POST', '/api/v1/my/certificates', entityCookie, { certificate: expert.signer.certificatePem });
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'CERTIFICATE_BOUND_ELSEWHERE']);
  });
});
