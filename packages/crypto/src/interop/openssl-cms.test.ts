import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../node/install.ts';
import { signCmsDetached } from '../cms/cms-sign.ts';
import { verifyCmsDetached } from '../cms/cms-verify.ts';
import { TrustStore } from '../cert/trust-store.ts';
import { privateKeyToPem } from '../keys/pkcs8.ts';
import { encodePem } from '../util/pem.ts';
import { utf8 } from '../util/bytes.ts';
import { HAS_OPENSSL, Scratch } from '../test-support/openssl.ts';
import { NOW, makePki } from '../test-support/pki.ts';

describe.skipIf(!HAS_OPENSSL)('OpenSSL 3 CLI interop: detached CMS SignedData', () => {
  let s: Scratch;
  let pki: Awaited<ReturnType<typeof makePki>>;
  const doc = utf8('%PDF-1.7 pretend tender document\n'.repeat(100));
  const attime = String(Math.floor(NOW.getTime() / 1000));
  beforeAll(async () => {
    s = new Scratch();
    pki = await makePki();
    s.write('doc.pdf', doc);
    s.write('ca.pem', encodePem('CERTIFICATE', pki.intl.root.der));
  });
  afterAll(() => s.dispose());

  it('[F-08] a CMS made here verifies with `openssl cms -verify -binary -content FILE -inform DER -CAfile ca.pem`', () => {
    s.write('doc.p7s', signCmsDetached(doc, { key: pki.bidderC.key, cert: pki.bidderC.cert, chain: [pki.intl.issuing] }, { signingTime: NOW }));
    const ok = s.openssl('cms', '-verify', '-binary', '-content', 'doc.pdf', '-inform', 'DER', '-in', 'doc.p7s', '-CAfile', 'ca.pem', '-attime', attime, '-out', 'out.bin');
    expect(ok.stderr).toContain('Verification successful');
    expect(ok.status).toBe(0);
    s.write('doc2.pdf', utf8('altered'));
    const bad = s.openssl('cms', '-verify', '-binary', '-content', 'doc2.pdf', '-inform', 'DER', '-in', 'doc.p7s', '-CAfile', 'ca.pem', '-attime', attime, '-out', 'out.bin');
    expect(bad.status).not.toBe(0);
  });

  it('[F-08] a detached CMS made by `openssl cms -sign -binary` verifies here, chain included', async () => {
    s.write('signer.pem', encodePem('CERTIFICATE', pki.bidderC.cert.der));
    s.write('signer.key', privateKeyToPem(pki.bidderC.key));
    s.write('inter.pem', encodePem('CERTIFICATE', pki.intl.issuing.der));
    s.must('cms', '-sign', '-binary', '-in', 'doc.pdf', '-signer', 'signer.pem', '-inkey', 'signer.key', '-certfile', 'inter.pem', '-md', 'sha256', '-outform', 'DER', '-out', 'openssl.p7s');
    const store = new TrustStore(pki.intl.chain);
    const r = await verifyCmsDetached(s.read('openssl.p7s'), doc, { store, at: NOW });
    expect(r.form).toBe('rfc5652');
    expect(r.signers[0]!.cert.fingerprint).toBe(pki.bidderC.cert.fingerprint);
    await expect(verifyCmsDetached(s.read('openssl.p7s'), utf8('other'), { store, at: NOW })).rejects.toMatchObject({ code: 'BAD_SIGNATURE' });
  });
});
