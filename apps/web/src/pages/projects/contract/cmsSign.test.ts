// The detached CMS assembled through a KeyProvider is what the server's verifyCmsDetached accepts.
import { createDemoCa, issueEntityCertificate, verifyCmsDetached, encodePem, privateKeyToPem, TrustStore, utf8, fromBase64 } from '@bidhall/crypto';
import { expect, it } from 'vitest';
import { pemKeyProvider } from '../../../trust/keyProvider.ts';
import { signDetached } from './cmsSign.ts';

for (const alg of ['sm2', 'p256'] as const) {
  it(`[A-44] a detached CMS signed through a KeyProvider verifies on the server's verifier (${alg})`, async () => {
    const now = new Date('2026-11-26T10:00:00Z');
    const ca = await createDemoCa({ id: 'x', organisation: 'Demo CA', alg, withIntermediate: true, now });
    const { cert, key } = await issueEntityCertificate(ca, { entityName: '测试单位', notBefore: new Date(now.getTime() - 86400000), notAfter: new Date(now.getTime() + 86400000 * 30) });
    const provider = await pemKeyProvider({ certificatePem: encodePem('CERTIFICATE', cert.der) + encodePem('CERTIFICATE', ca.issuing.der), privateKeyPem: privateKeyToPem(key), label: 'x' });
    const content = utf8('bidhall agency contract opinion\nround: 1\nopinion: 同意');
    const b64 = await signDetached(provider, content, now);
    const store = new TrustStore([ca.root]);
    const res = await verifyCmsDetached(fromBase64(b64), content, { store, at: now });
    expect(res.signers[0]!.cert.serialNumber).toBe(cert.serialNumber);
    await expect(verifyCmsDetached(fromBase64(b64), utf8('other'), { at: now })).rejects.toThrow();
  });
}
