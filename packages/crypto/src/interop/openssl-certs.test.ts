import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../node/install.ts';
import { parseCertificate } from '../cert/certificate.ts';
import { parseCrl } from '../cert/crl.ts';
import { issueDemoCrl } from '../cert/demo-pki.ts';
import { nameValues } from '../cert/name.ts';
import { TrustStore } from '../cert/trust-store.ts';
import { verifyChain } from '../cert/verify-chain.ts';
import { verifySignedBytes } from '../cert/verify-signature.ts';
import { encodePem } from '../util/pem.ts';
import { publicKeyToPem } from '../keys/pkcs8.ts';
import { HAS_OPENSSL, Scratch } from '../test-support/openssl.ts';
import { makePki, NOW, DAY } from '../test-support/pki.ts';

const DISTID = 'distid:1234567812345678';

describe.skipIf(!HAS_OPENSSL)('OpenSSL 3 CLI interop: certificates and CRLs', () => {
  let s: Scratch;
  const now = () => new Date(); // OpenSSL stamps certificates with the wall clock, so check them at it.
  beforeAll(() => {
    s = new Scratch();
  });
  afterAll(() => s.dispose());

  it('[F-08] a self-signed SM2 certificate from `openssl req -x509 … -sm3 -sigopt distid:…` loads and its signature verifies', async () => {
    s.must('genpkey', '-algorithm', 'SM2', '-out', 'k.pem');
    s.must('req', '-x509', '-new', '-key', 'k.pem', '-sm3', '-sigopt', DISTID, '-subj', '/CN=x', '-days', '30', '-out', 'self.pem');
    const cert = parseCertificate(s.text('self.pem'));
    expect(cert.keyAlg).toBe('sm2');
    expect(cert.signatureAlgorithm.oid).toBe('1.2.156.10197.1.501');
    expect(await verifySignedBytes(cert, cert.signatureAlgorithm, cert.tbs, cert.signature)).toBe(true);
    const tampered = Uint8Array.from(cert.tbs);
    tampered[tampered.length - 5]! ^= 1;
    expect(await verifySignedBytes(cert, cert.signatureAlgorithm, tampered, cert.signature)).toBe(false);
    const r = await verifyChain(cert, { store: new TrustStore([cert]), at: now() });
    expect(r.chain).toHaveLength(1);
  });

  it('[F-05] [F-09] an OpenSSL SM2 CA, its end-entity certificate and its CRL are checked here', async () => {
    s.must('genpkey', '-algorithm', 'SM2', '-out', 'ca.key');
    s.must('req', '-x509', '-new', '-key', 'ca.key', '-sm3', '-sigopt', DISTID, '-utf8', '-subj', '/C=CN/O=OpenSSL 演示 CA/CN=OpenSSL Demo SM2 CA', '-days', '30', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', 'ca.pem');
    s.must('genpkey', '-algorithm', 'SM2', '-out', 'leaf.key');
    s.must('req', '-new', '-key', 'leaf.key', '-sm3', '-sigopt', DISTID, '-utf8', '-subj', '/O=某投标公司（虚构）/CN=某投标公司（虚构）', '-out', 'leaf.csr');
    s.write('ext.cnf', 'keyUsage=critical,digitalSignature,nonRepudiation\nbasicConstraints=CA:FALSE\n');
    s.must('x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-sm3', '-sigopt', DISTID, '-vfyopt', DISTID, '-extfile', 'ext.cnf', '-days', '20', '-CAcreateserial', '-out', 'leaf.crt');
    const ca = parseCertificate(s.text('ca.pem'));
    const leaf = parseCertificate(s.text('leaf.crt'));
    expect(nameValues(leaf.subject, 'O')).toEqual(['某投标公司（虚构）']);
    const store = new TrustStore([ca]);
    await expect(verifyChain(leaf, { store, at: now() })).resolves.toMatchObject({ anchor: { fingerprint: ca.fingerprint } });

    s.write('index.txt', '');
    s.write('crlnumber', '01\n');
    s.write('ca.cnf', '[ ca ]\ndefault_ca = d\n[ d ]\ndatabase = index.txt\ncrlnumber = crlnumber\ndefault_md = sm3\ndefault_crl_days = 7\n');
    s.must('ca', '-config', 'ca.cnf', '-revoke', 'leaf.crt', '-keyfile', 'ca.key', '-cert', 'ca.pem', '-crl_reason', 'keyCompromise');
    s.must('ca', '-config', 'ca.cnf', '-gencrl', '-keyfile', 'ca.key', '-cert', 'ca.pem', '-sigopt', DISTID, '-out', 'crl.pem');
    const crl = parseCrl(s.text('crl.pem'));
    expect(crl.revoked.get(leaf.serialNumber)?.reason).toBe('keyCompromise');
    await expect(verifyChain(leaf, { store, at: new Date(now().getTime() + 60_000), crls: [crl] })).rejects.toMatchObject({ code: 'CERT_REVOKED' });
  });

  it('[F-04] an OpenSSL RSA CA and certificate verify here', async () => {
    s.must('req', '-x509', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'rsa.key', '-subj', '/O=RSA CA (fictional)/CN=RSA Root', '-days', '30', '-out', 'rsa.pem');
    s.must('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'ec.key');
    s.must('req', '-new', '-key', 'ec.key', '-subj', '/O=Intl Bidder (fictional)/CN=Intl Bidder', '-out', 'ec.csr');
    s.must('x509', '-req', '-in', 'ec.csr', '-CA', 'rsa.pem', '-CAkey', 'rsa.key', '-sha256', '-extfile', 'ext.cnf', '-days', '20', '-CAcreateserial', '-out', 'ec.crt');
    const root = parseCertificate(s.text('rsa.pem'));
    expect(root.keyAlg).toBe('rsa');
    await expect(verifyChain(parseCertificate(s.text('ec.crt')), { store: new TrustStore([root]), at: now() })).resolves.toBeTruthy();
  });

  it('[F-04] the demo PKI made here (SM2 root → intermediate → entity) verifies in `openssl verify`, and its CRL revokes there', async () => {
    const pki = await makePki();
    const at = Math.floor(NOW.getTime() / 1000);
    s.write('gm-root.pem', encodePem('CERTIFICATE', pki.gmA.root.der));
    s.write('gm-inter.pem', encodePem('CERTIFICATE', pki.gmA.issuing.der));
    s.write('gm-leaf.pem', encodePem('CERTIFICATE', pki.bidderA.cert.der));
    // `openssl verify -vfyopt distid:…` sets the signer ID on the certificate being verified only;
    // OpenSSL 3.0 checks the other links of an SM2 chain without it (and so refuses even chains it
    // made itself). So each link is checked on its own: leaf by intermediate, intermediate by root…
    const verify = ['verify', '-attime', String(at), '-vfyopt', DISTID];
    expect(s.must(...verify, '-partial_chain', '-CAfile', 'gm-inter.pem', 'gm-leaf.pem')).toContain('gm-leaf.pem: OK');
    expect(s.must(...verify, '-CAfile', 'gm-root.pem', 'gm-inter.pem')).toContain('gm-inter.pem: OK');
    // … and the root's self-signature on its TBS bytes with pkeyutl.
    s.write('root.tbs', pki.gmA.root.tbs);
    s.write('root.sig', pki.gmA.root.signature);
    s.write('root.pub', publicKeyToPem(pki.gmA.rootKey.publicKey));
    expect(s.must('pkeyutl', '-verify', '-rawin', '-digest', 'sm3', '-pubin', '-inkey', 'root.pub', '-pkeyopt', DISTID, '-sigfile', 'root.sig', '-in', 'root.tbs')).toContain(
      'Signature Verified Successfully',
    );

    // The P-256 CA with a CRL (OpenSSL checks CRL signatures with its default SM2 ID, so use the international CA here).
    const crl = await issueDemoCrl(pki.intl, [{ cert: pki.bidderC.cert, at: new Date(NOW.getTime() - DAY / 2) }], new Date(NOW.getTime() - DAY / 2), new Date(NOW.getTime() + 7 * DAY));
    s.write('intl-root.pem', encodePem('CERTIFICATE', pki.intl.root.der));
    s.write('intl-inter.pem', encodePem('CERTIFICATE', pki.intl.issuing.der));
    s.write('intl-leaf.pem', encodePem('CERTIFICATE', pki.bidderC.cert.der));
    s.write('intl.crl', encodePem('X509 CRL', crl.der));
    const intl = ['verify', '-attime', String(at), '-check_ss_sig', '-CAfile', 'intl-root.pem', '-untrusted', 'intl-inter.pem'];
    expect(s.must(...intl, 'intl-leaf.pem')).toContain('OK');
    const revoked = s.openssl(...intl, '-crl_check', '-CRLfile', 'intl.crl', 'intl-leaf.pem');
    expect(revoked.status).not.toBe(0);
    expect(revoked.stdout + revoked.stderr).toContain('certificate revoked');
  });
});
