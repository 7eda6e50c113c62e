import { beforeAll, describe, expect, it } from 'vitest';
import { TrustStore } from '../cert/trust-store.ts';
import { utf8 } from '../util/bytes.ts';
import { DAY, NOW, makePki } from '../test-support/pki.ts';
import { issueDemoCrl } from '../cert/demo-pki.ts';
import { signCmsDetached } from './cms-sign.ts';
import { verifyCmsDetached } from './cms-verify.ts';

let pki: Awaited<ReturnType<typeof makePki>>;
let store: TrustStore;
const doc = utf8('招标文件 / tender document, version 3\n'.repeat(50));

beforeAll(async () => {
  pki = await makePki();
  store = new TrustStore(pki.cas.flatMap((c) => c.chain));
});

describe('detached CMS SignedData', () => {
  it('[F-08] SM2: GM/T 0010 form (OIDs 1.2.156.10197.6.1.4.2.x) signs and verifies, with the chain to a recognised CA', async () => {
    const cms = signCmsDetached(doc, { key: pki.bidderA.key, cert: pki.bidderA.cert, chain: [pki.gmA.issuing] }, { signingTime: NOW });
    const r = await verifyCmsDetached(cms, doc, { store });
    expect(r.form).toBe('gmt0010');
    expect(r.signers[0]!.cert.fingerprint).toBe(pki.bidderA.cert.fingerprint);
    expect(r.signers[0]!.signingTime).toEqual(NOW);
    expect(r.signers[0]!.chain!.chain).toHaveLength(3);
  });

  it('[F-08] P-256: RFC 5652 form signs and verifies', async () => {
    const cms = signCmsDetached(doc, { key: pki.bidderC.key, cert: pki.bidderC.cert, chain: [pki.intl.issuing] }, { signingTime: NOW });
    const r = await verifyCmsDetached(cms, doc, { store });
    expect(r.form).toBe('rfc5652');
  });

  it('[A-90] refuses an altered document, an altered signature and a wrong key', async () => {
    const cms = signCmsDetached(doc, { key: pki.bidderA.key, cert: pki.bidderA.cert }, { signingTime: NOW });
    const altered = Uint8Array.from(doc);
    altered[5]! ^= 1;
    await expect(verifyCmsDetached(cms, altered)).rejects.toMatchObject({ code: 'BAD_SIGNATURE' });
    const badSig = Uint8Array.from(cms);
    badSig[badSig.length - 3]! ^= 1;
    await expect(verifyCmsDetached(badSig, doc)).rejects.toMatchObject({ code: expect.stringMatching(/BAD_SIGNATURE|MALFORMED_DER/) });
    expect(() => signCmsDetached(doc, { key: pki.bidderB.key, cert: pki.bidderA.cert }, { signingTime: NOW })).toThrow(expect.objectContaining({ code: 'BAD_KEY' }));
  });

  it('[F-09] refuses a signer whose certificate is revoked or not from a recognised CA', async () => {
    const cms = signCmsDetached(doc, { key: pki.bidderB.key, cert: pki.bidderB.cert }, { signingTime: NOW });
    const crl = await issueDemoCrl(pki.gmB, [{ cert: pki.bidderB.cert, at: new Date(NOW.getTime() - DAY / 2) }], new Date(NOW.getTime() - DAY / 2), new Date(NOW.getTime() + DAY));
    await expect(verifyCmsDetached(cms, doc, { store, crls: [crl] })).rejects.toMatchObject({ code: 'CERT_REVOKED' });
    await expect(verifyCmsDetached(cms, doc, { store: new TrustStore(pki.gmA.chain) })).rejects.toMatchObject({ code: 'CERT_UNTRUSTED' });
  });

  it('refuses malformed input with a code, never a crash', async () => {
    const cms = signCmsDetached(doc, { key: pki.bidderA.key, cert: pki.bidderA.cert }, { signingTime: NOW });
    for (let cut = 0; cut < cms.length; cut += 41) {
      await expect(verifyCmsDetached(cms.subarray(0, cut), doc)).rejects.toMatchObject({ code: 'MALFORMED_DER' });
    }
  });
});
