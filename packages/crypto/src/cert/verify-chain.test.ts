import { beforeAll, describe, expect, it } from 'vitest';
import { rsaSigner, keySigner } from './signer.ts';
import { createDemoCa, issueDemoCrl, issueEntityCertificate, type DemoCa } from './demo-pki.ts';
import { issueCertificate } from './issue.ts';
import { parseCertificate, type Certificate } from './certificate.ts';
import { TrustStore } from './trust-store.ts';
import { verifyChain } from './verify-chain.ts';
import { encodeSpki } from '../keys/pkcs8.ts';
import { gmSuite } from '../suite/suite.ts';
import { DAY, NOW, makePki } from '../test-support/pki.ts';
import type { CryptoErrorCode } from '../errors.ts';

type Pki = Awaited<ReturnType<typeof makePki>>;
let pki: Pki;
let store: TrustStore;

function storeOf(cas: DemoCa[]): TrustStore {
  return new TrustStore(cas.flatMap((c) => c.chain));
}

async function refused(p: Promise<unknown>, code: CryptoErrorCode): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toMatchObject({ code });
    return (err as Error).message;
  }
  throw new Error(`expected ${code}, but it verified`);
}

beforeAll(async () => {
  pki = await makePki();
  store = storeOf(pki.cas);
});

describe('certificate chains across several CAs', () => {
  it('[F-04] certificates of three recognised CAs (SM2 with intermediate, SM2 root-only, P-256) verify side by side', async () => {
    for (const { cert } of [pki.bidderA, pki.bidderB, pki.bidderC]) {
      const r = await verifyChain(cert, { store, at: NOW });
      expect(r.chain[0]).toBe(cert);
      expect(store.isAnchor(r.anchor)).toBe(true);
    }
    const a = await verifyChain(pki.bidderA.cert, { store, at: NOW });
    expect(a.chain.map((c) => c.subject.text)).toEqual([
      'C=CN, O=杭州示例建设工程有限公司（虚构）, CN=杭州示例建设工程有限公司（虚构）, serialNumber=91330100MA2XXXXX1A',
      'C=CN, O=华夏演示数字认证中心（虚构）, CN=华夏演示数字认证中心（虚构） Issuing CA',
      'C=CN, O=华夏演示数字认证中心（虚构）, CN=华夏演示数字认证中心（虚构） Root CA',
    ]);
    expect(pki.bidderA.cert.signatureAlgorithm.oid).toBe('1.2.156.10197.1.501');
  });

  it('[F-04] an RSA CA is accepted alongside the SM2 ones', async () => {
    const subtle = globalThis.crypto.subtle;
    const rsa = (await subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: Uint8Array.of(1, 0, 1), hash: 'SHA-256' },
      true,
      ['sign', 'verify'],
    )) as { publicKey: CryptoKey; privateKey: CryptoKey };
    const signer = await rsaSigner(rsa);
    const root = await issueCertificate({
      subject: { C: 'CN', O: 'RSA 演示 CA（虚构）', CN: 'RSA Demo Root' },
      subjectSpki: signer.spki,
      signer,
      notBefore: pki.validity.notBefore,
      notAfter: pki.validity.notAfter,
      ca: {},
      keyUsage: ['keyCertSign', 'cRLSign'],
    });
    expect(root.keyAlg).toBe('rsa');
    const leafKey = gmSuite.generateKeyPair();
    const leaf = await issueCertificate({
      subject: { O: '某投标人（虚构）', CN: '某投标人（虚构）' },
      subjectSpki: encodeSpki(leafKey.publicKey),
      issuer: root,
      signer,
      ...pki.validity,
      keyUsage: ['digitalSignature'],
    });
    const r = await verifyChain(leaf, { store: new TrustStore([...store.anchors, ...store.intermediates, root]), at: NOW });
    expect(r.anchor.fingerprint).toBe(root.fingerprint);
  });

  it('[F-05] refuses an expired and a not-yet-valid certificate at the given instant', async () => {
    const msg = await refused(verifyChain(pki.bidderA.cert, { store, at: new Date(NOW.getTime() + 400 * DAY) }), 'CERT_EXPIRED');
    expect(msg).toContain('杭州示例建设工程有限公司');
    await refused(verifyChain(pki.bidderA.cert, { store, at: new Date(NOW.getTime() - 20 * DAY) }), 'CERT_NOT_YET_VALID');
  });

  it('[F-05] refuses a certificate whose CA is not in the trust store (CERT_UNTRUSTED)', async () => {
    const onlyGm = storeOf([pki.gmA, pki.gmB]);
    await refused(verifyChain(pki.bidderC.cert, { store: onlyGm, at: NOW }), 'CERT_UNTRUSTED');
    // The intermediate alone is no anchor: without its root nothing is trusted.
    await refused(verifyChain(pki.bidderA.cert, { store: new TrustStore([pki.gmA.issuing]), at: NOW }), 'CERT_UNTRUSTED');
  });

  it('[F-05] refuses a certificate that names a trusted CA as issuer but is signed by another key', async () => {
    const impostor = await createDemoCa({ id: 'x', organisation: '华夏演示数字认证中心（虚构）', alg: 'sm2', withIntermediate: false, now: NOW });
    const forgedIssuer: DemoCa = { ...impostor, issuing: pki.gmA.issuing };
    const forged = await issueEntityCertificate(forgedIssuer, { entityName: '冒名公司（虚构）', ...pki.validity });
    await refused(verifyChain(forged.cert, { store, at: NOW }), 'CERT_BAD_SIGNATURE');
  });

  it('[F-09] refuses a revoked certificate by CRL, and accepts it for an instant before the revocation', async () => {
    const revokedAt = new Date(NOW.getTime() - DAY / 2);
    const crl = await issueDemoCrl(pki.gmA, [{ cert: pki.bidderA.cert, at: revokedAt, reason: 'keyCompromise' }], revokedAt, new Date(NOW.getTime() + 7 * DAY));
    const msg = await refused(verifyChain(pki.bidderA.cert, { store, at: NOW, crls: [crl] }), 'CERT_REVOKED');
    expect(msg).toContain('keyCompromise');
    const before = await verifyChain(pki.bidderA.cert, { store, at: new Date(revokedAt.getTime() - 3600_000), crls: [crl] });
    expect(before.revocation).toEqual(['crl', 'not-checked']);
    // A CRL of another CA does not concern this certificate.
    const otherCrl = await issueDemoCrl(pki.gmB, [{ cert: pki.bidderB.cert, at: revokedAt }], revokedAt, new Date(NOW.getTime() + 7 * DAY));
    await expect(verifyChain(pki.bidderA.cert, { store, at: NOW, crls: [otherCrl] })).resolves.toBeTruthy();
    await refused(verifyChain(pki.bidderB.cert, { store, at: NOW, crls: [otherCrl] }), 'CERT_REVOKED');
  });

  it('[F-09] refuses a CRL with a bad signature or one that is stale', async () => {
    const t = new Date(NOW.getTime() - DAY);
    const crl = await issueDemoCrl(pki.gmA, [], t, new Date(NOW.getTime() + DAY));
    const bad = { ...crl, signature: Uint8Array.from(crl.signature) };
    bad.signature[10]! ^= 1;
    await refused(verifyChain(pki.bidderA.cert, { store, at: NOW, crls: [bad] }), 'CRL_BAD_SIGNATURE');
    await refused(verifyChain(pki.bidderA.cert, { store, at: new Date(NOW.getTime() + 2 * DAY), crls: [crl] }), 'CRL_EXPIRED');
  });

  it('[F-09] consults an OCSP checker when one is given', async () => {
    const ocsp = { check: async (c: Certificate) => ({ status: c.serialNumber === pki.bidderB.cert.serialNumber ? ('revoked' as const) : ('good' as const) }) };
    await refused(verifyChain(pki.bidderB.cert, { store, at: NOW, ocsp }), 'CERT_REVOKED');
    expect((await verifyChain(pki.bidderA.cert, { store, at: NOW, ocsp })).revocation).toEqual(['ocsp', 'ocsp']);
  });

  it('refuses wrong key usage: an encryption certificate used to sign, a CA without keyCertSign or CA:TRUE', async () => {
    const enc = await issueEntityCertificate(pki.gmA, { entityName: '加密证书公司（虚构）', purpose: 'encrypt', ...pki.validity });
    await refused(verifyChain(enc.cert, { store, at: NOW, purpose: 'sign' }), 'CERT_KEY_USAGE');
    await expect(verifyChain(enc.cert, { store, at: NOW, purpose: 'encrypt' })).resolves.toBeTruthy();
    const signOnly = await issueEntityCertificate(pki.gmA, { entityName: '签名证书公司（虚构）', ...pki.validity });
    await refused(verifyChain(signOnly.cert, { store, at: NOW, purpose: 'encrypt' }), 'CERT_KEY_USAGE');

    // An end-entity certificate cannot act as a CA, even if its key signs a certificate.
    const fakeCa: DemoCa = { ...pki.gmA, issuing: signOnly.cert, issuingKey: signOnly.key, chain: [signOnly.cert, ...pki.gmA.chain] };
    const child = await issueEntityCertificate(fakeCa, { entityName: '下级公司（虚构）', ...pki.validity });
    await refused(verifyChain(child.cert, { store, at: NOW, intermediates: [signOnly.cert] }), 'CERT_NOT_CA');

    // A CA certificate whose key usage lacks keyCertSign.
    const k = gmSuite.generateKeyPair();
    const noCertSign = await issueCertificate({
      subject: { O: '无签发权 CA（虚构）', CN: 'No keyCertSign CA' },
      subjectSpki: encodeSpki(k.publicKey),
      issuer: pki.gmB.root,
      signer: keySigner(pki.gmB.rootKey),
      ...pki.validity,
      ca: {},
      keyUsage: ['cRLSign'],
    });
    const grand = await issueEntityCertificate({ ...pki.gmB, issuing: noCertSign, issuingKey: k }, { entityName: '孙公司（虚构）', ...pki.validity });
    await refused(verifyChain(grand.cert, { store, at: NOW, intermediates: [noCertSign] }), 'CERT_KEY_USAGE');
  });

  it('enforces the intermediate CA path length constraint', async () => {
    // gm-a's issuing CA has pathLen 0: it may not certify another CA below it.
    const k = gmSuite.generateKeyPair();
    const sub = await issueCertificate({
      subject: { O: '三级 CA（虚构）', CN: 'Sub CA' },
      subjectSpki: encodeSpki(k.publicKey),
      issuer: pki.gmA.issuing,
      signer: keySigner(pki.gmA.issuingKey),
      ...pki.validity,
      ca: {},
      keyUsage: ['keyCertSign'],
    });
    const leaf = await issueEntityCertificate({ ...pki.gmA, issuing: sub, issuingKey: k }, { entityName: '某公司（虚构）', ...pki.validity });
    await refused(verifyChain(leaf.cert, { store, at: NOW, intermediates: [sub] }), 'CERT_NOT_CA');
  });

  it('a trust store refuses a non-CA certificate', () => {
    expect(() => new TrustStore([pki.bidderA.cert])).toThrow(expect.objectContaining({ code: 'CERT_NOT_CA' }));
  });

  it('round-trips a parsed certificate through DER', () => {
    const again = parseCertificate(pki.bidderA.cert.der);
    expect(again.serialNumber).toBe(pki.bidderA.cert.serialNumber);
    expect(again.keyUsage).toEqual(new Set(['digitalSignature', 'nonRepudiation']));
    expect(again.basicConstraints).toEqual({ ca: false });
    expect(again.authorityKeyId).toBe(pki.gmA.issuing.subjectKeyId);
  });
});
