import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodePem } from '../util/pem.ts';
import { createDemoCa, issueEntityCertificate, issueOcspResponderCertificate, type DemoCa } from './demo-pki.ts';
import type { Certificate } from './certificate.ts';
import { certIdOf, encodeOcspRequest, parseOcspRequest, parseOcspResponse, verifyOcspResponse } from './ocsp-message.ts';
import { createOcspResponder, type OcspStatusOf } from './ocsp-responder.ts';
import { keySigner } from './signer.ts';

const NOW = new Date('2026-03-02T02:00:00Z');
const DAY = 86_400_000;
let sm2: DemoCa;
let p256: DemoCa;
let other: DemoCa;
let good: Certificate;
let revoked: Certificate;
let intl: Certificate;

const validity = { notBefore: new Date(NOW.getTime() - DAY), notAfter: new Date(NOW.getTime() + 365 * DAY) };

beforeAll(async () => {
  sm2 = await createDemoCa({ id: 'o-sm2', organisation: '应答测试认证中心（虚构）', alg: 'sm2', withIntermediate: true, now: NOW });
  p256 = await createDemoCa({ id: 'o-p256', organisation: 'OCSP Test CA (fictional)', alg: 'p256', withIntermediate: false, now: NOW });
  other = await createDemoCa({ id: 'o-other', organisation: '另一测试认证中心（虚构）', alg: 'sm2', withIntermediate: false, now: NOW });
  const url = 'http://ocsp.example.test/o-sm2';
  good = (await issueEntityCertificate(sm2, { entityName: '应答甲公司', ...validity, ocspUrl: url })).cert;
  revoked = (await issueEntityCertificate(sm2, { entityName: '应答乙公司', ...validity, ocspUrl: url })).cert;
  intl = (await issueEntityCertificate(p256, { entityName: 'Responder C Ltd', ...validity })).cert;
});

const statusOf =
  (revokedSerials: string[]): OcspStatusOf =>
  (serial) =>
    revokedSerials.includes(serial) ? { status: 'revoked', revokedAt: new Date(NOW.getTime() - 60_000), reason: 'keyCompromise' } : { status: 'good' };

async function ask(responder: (d: Uint8Array) => Promise<Uint8Array>, cert: Certificate, issuer: Certificate, nonce = Uint8Array.of(1, 2, 3, 4)) {
  return responder(encodeOcspRequest([certIdOf(cert, issuer)], nonce));
}

describe('OCSP (RFC 6960)', () => {
  it('[F-09] a certificate names its responder, and the CA answers good or revoked, signed and fresh', async () => {
    expect(good.ocspUrls).toEqual(['http://ocsp.example.test/o-sm2']);
    expect(intl.ocspUrls).toBeUndefined();
    const responder = createOcspResponder({ issuer: sm2.issuing, signer: keySigner(sm2.issuingKey), status: statusOf([revoked.serialNumber]), now: () => NOW });
    expect(await verifyOcspResponse(await ask(responder, good, sm2.issuing), good, sm2.issuing, { at: NOW, nonce: Uint8Array.of(1, 2, 3, 4) })).toEqual({ status: 'good' });
    const answer = await verifyOcspResponse(await ask(responder, revoked, sm2.issuing), revoked, sm2.issuing, { at: NOW });
    expect(answer).toMatchObject({ status: 'revoked', reason: 'keyCompromise' });
  });

  it('a delegated responder (id-kp-OCSPSigning) may answer; a certificate without that purpose may not', async () => {
    const delegated = await issueOcspResponderCertificate(p256, validity);
    const responder = createOcspResponder({ issuer: p256.issuing, signer: keySigner(delegated.key), responderCert: delegated.cert, status: statusOf([]), now: () => NOW });
    expect(await verifyOcspResponse(await ask(responder, intl, p256.issuing), intl, p256.issuing, { at: NOW })).toEqual({ status: 'good' });

    // An ordinary end-entity key of the same CA claims to answer.
    const impostor = await issueEntityCertificate(p256, { entityName: 'Impostor Ltd', ...validity });
    const forged = createOcspResponder({ issuer: p256.issuing, signer: keySigner(impostor.key), responderCert: impostor.cert, status: statusOf([]), now: () => NOW });
    await expect(verifyOcspResponse(await ask(forged, intl, p256.issuing), intl, p256.issuing, { at: NOW })).rejects.toMatchObject({ code: 'OCSP_INVALID' });
  });

  it('refuses an answer by another CA, a stale one, one for another nonce, and says unknown for certificates it does not issue', async () => {
    const wrongCa = createOcspResponder({ issuer: sm2.issuing, signer: keySigner(other.issuingKey), status: statusOf([]), now: () => NOW });
    await expect(verifyOcspResponse(await ask(wrongCa, good, sm2.issuing), good, sm2.issuing, { at: NOW })).rejects.toMatchObject({ code: 'OCSP_INVALID' });

    const responder = createOcspResponder({ issuer: sm2.issuing, signer: keySigner(sm2.issuingKey), status: statusOf([]), now: () => NOW });
    const der = await ask(responder, good, sm2.issuing);
    await expect(verifyOcspResponse(der, good, sm2.issuing, { at: new Date(NOW.getTime() + DAY) })).rejects.toMatchObject({ code: 'OCSP_INVALID' });
    await expect(verifyOcspResponse(der, good, sm2.issuing, { at: NOW, nonce: Uint8Array.of(9) })).rejects.toMatchObject({ code: 'OCSP_INVALID' });

    const foreign = parseOcspResponse(await ask(responder, intl, p256.issuing));
    expect(foreign.basic?.responses[0]?.status).toBe('unknown');
    expect(parseOcspResponse(await responder(Uint8Array.of(0x30, 0x00))).responseStatus).toBe('malformedRequest');
    expect(parseOcspRequest(encodeOcspRequest([certIdOf(good, sm2.issuing)], Uint8Array.of(7))).nonce).toEqual(Uint8Array.of(7));
  });

  it('OpenSSL reads our request and our P-256 answer', async (ctx) => {
    let version = '';
    try {
      version = execFileSync('openssl', ['version'], { encoding: 'utf8' });
    } catch {
      ctx.skip();
    }
    expect(version).toMatch(/OpenSSL 3/);
    const dir = mkdtempSync(join(tmpdir(), 'ocsp-'));
    try {
      const responder = createOcspResponder({ issuer: p256.issuing, signer: keySigner(p256.issuingKey), status: statusOf([]), now: () => new Date() });
      const request = encodeOcspRequest([certIdOf(intl, p256.issuing)], Uint8Array.of(5, 6, 7, 8));
      writeFileSync(join(dir, 'req.der'), request);
      writeFileSync(join(dir, 'resp.der'), await responder(request));
      writeFileSync(join(dir, 'ca.pem'), encodePem('CERTIFICATE', p256.root.der));
      writeFileSync(join(dir, 'leaf.pem'), encodePem('CERTIFICATE', intl.der));
      const text = execFileSync('openssl', ['ocsp', '-reqin', join(dir, 'req.der'), '-text', '-noverify'], { encoding: 'utf8' });
      expect(text).toContain('OCSP Nonce');
      expect(execFileSync('openssl', ['ocsp', '-respin', join(dir, 'resp.der'), '-text', '-noverify'], { encoding: 'utf8' })).toContain('05060708');
      const check = spawnSync(
        'openssl',
        ['ocsp', '-respin', join(dir, 'resp.der'), '-issuer', join(dir, 'ca.pem'), '-cert', join(dir, 'leaf.pem'), '-CAfile', join(dir, 'ca.pem'), '-no_nonce'],
        { encoding: 'utf8' },
      );
      expect(check.stderr).toContain('Response verify OK');
      expect(check.stdout).toContain('leaf.pem: good');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
