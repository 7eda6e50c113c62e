import { beforeAll, describe, expect, it } from 'vitest';
import { CryptoError } from '../errors.ts';
import { encodePem } from '../util/pem.ts';
import { makePki } from '../test-support/pki.ts';
import { parseCertificate, parseCertificates } from './certificate.ts';
import { parseCrl } from './crl.ts';
import { issueDemoCrl } from './demo-pki.ts';
import { assertCertificateMatchesEntity, certificateMatchesEntityName } from './entity-name.ts';

let pki: Awaited<ReturnType<typeof makePki>>;
beforeAll(async () => {
  pki = await makePki();
});

/** A deterministic xorshift so the fuzz cases are the same on every run. */
function prng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

describe('certificate parsing', () => {
  it('parses PEM bundles and DER alike', () => {
    const pem = [pki.gmA.issuing, pki.gmA.root].map((c) => encodePem('CERTIFICATE', c.der)).join('');
    const certs = parseCertificates(pem);
    expect(certs.map((c) => c.fingerprint)).toEqual([pki.gmA.issuing.fingerprint, pki.gmA.root.fingerprint]);
    expect(parseCertificate(pki.bidderC.cert.der).keyAlg).toBe('p256');
  });

  it('refuses malformed DER with MALFORMED_DER: truncation, trailing bytes, indefinite length, wrong tags', () => {
    const der = pki.bidderA.cert.der;
    for (const cut of [0, 1, 2, 10, 100, der.length - 1]) {
      expect(() => parseCertificate(der.subarray(0, cut))).toThrow(expect.objectContaining({ code: 'MALFORMED_DER' }));
    }
    expect(() => parseCertificate(Uint8Array.from([...der, 0]))).toThrow(expect.objectContaining({ code: 'MALFORMED_DER' }));
    const indefinite = Uint8Array.from(der);
    indefinite[1] = 0x80;
    expect(() => parseCertificate(indefinite)).toThrow(expect.objectContaining({ code: 'MALFORMED_DER' }));
    const wrongTag = Uint8Array.from(der);
    wrongTag[0] = 0x31;
    expect(() => parseCertificate(wrongTag)).toThrow(expect.objectContaining({ code: 'MALFORMED_DER' }));
    expect(() => parseCertificate('-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----')).toThrow(expect.objectContaining({ code: 'MALFORMED_PEM' }));
  });

  it('fuzz: 3,000 mutated certificates and CRLs never crash the parsers (CryptoError or a parse)', async () => {
    const crl = await issueDemoCrl(pki.gmA, [{ cert: pki.bidderA.cert, at: new Date('2026-05-01T00:00:00Z') }], new Date('2026-05-01T00:00:00Z'), new Date('2026-07-01T00:00:00Z'));
    const rnd = prng(20260601);
    const seeds = [pki.bidderA.cert.der, pki.bidderC.cert.der, pki.gmA.root.der, crl.der];
    let refusedCount = 0;
    for (let i = 0; i < 3000; i++) {
      const base = seeds[i % seeds.length]!;
      const m = Uint8Array.from(base);
      const edits = 1 + Math.floor(rnd() * 4);
      for (let e = 0; e < edits; e++) m[Math.floor(rnd() * m.length)] = Math.floor(rnd() * 256);
      const cut = rnd() < 0.2 ? m.subarray(0, Math.floor(rnd() * m.length)) : m;
      try {
        if (i % seeds.length === 3) parseCrl(cut);
        else parseCertificate(cut);
      } catch (err) {
        if (!(err instanceof CryptoError)) throw new Error(`case ${i}: ${String(err)}`, { cause: err });
        refusedCount++;
      }
    }
    expect(refusedCount).toBeGreaterThan(500);
  });
});

describe('binding a certificate to a registered entity', () => {
  it('[A-12] accepts the registered name (full-width and half-width brackets alike) and refuses another', () => {
    const cert = pki.bidderA.cert;
    expect(certificateMatchesEntityName(cert, { name: '杭州示例建设工程有限公司（虚构）' })).toBe(true);
    expect(certificateMatchesEntityName(cert, { name: '杭州示例建设工程有限公司(虚构)' })).toBe(true);
    expect(certificateMatchesEntityName(cert, { name: '杭州示例建设工程有限公司（虚构）', creditCode: '91330100MA2XXXXX1A' })).toBe(true);
    expect(certificateMatchesEntityName(cert, { name: '杭州示例建设工程有限公司（虚构）', creditCode: '91330100MA2YYYYY1A' })).toBe(false);
    expect(certificateMatchesEntityName(cert, { name: '杭州示例建设有限公司（虚构）' })).toBe(false);
    expect(() => assertCertificateMatchesEntity(cert, { name: '宁波演示路桥集团有限公司（虚构）' })).toThrow(
      expect.objectContaining({ code: 'CERT_NAME_MISMATCH' }),
    );
  });
});
