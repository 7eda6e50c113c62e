import type { UnsealKit } from '@bidhall/contracts';
import { fromBase64, fromUtf8, gmSuite, keyId, publicKeyToPem, sealBytes, unsealBytes, utf8, type PrivateKey } from '@bidhall/crypto/browser';
import { describe, expect, it } from 'vitest';
import { unsealKeys, type UnsealProgress } from './unseal.ts';

/** A kit as the server hands it out: two parts sealed to the bidder (and a custodian), and the opening key. */
async function kitFor(bidder: PrivateKey, opening: PrivateKey) {
  const custodian = gmSuite.generateKeyPair();
  const recipients = { bidder: bidder.publicKey, custodians: [{ publicKey: custodian.publicKey, label: 'centre' }, { publicKey: gmSuite.generateKeyPair().publicKey, label: 'supervisor' }], threshold: 2 };
  const texts = ['{"price":"1234500000"}', '%PDF-1.7 商务文件'];
  const sealed = await Promise.all(texts.map((text, i) => sealBytes(utf8(text), { name: i === 0 ? 'bidSummary' : 'commercial/商务文件.pdf', recipients })));
  const kit: UnsealKit = {
    bidId: '00000000-0000-4000-8000-000000000001',
    openingKeyPem: publicKeyToPem(opening.publicKey),
    openingKeyId: keyId(opening.publicKey),
    parts: sealed.map((s, i) => ({ partId: s.header.partId, name: s.header.name, role: i === 0 ? 'bidSummary' : 'file', header: s.header as unknown as Record<string, unknown> })),
  };
  return { kit, sealed, texts };
}

describe('unsealing in the browser', () => {
  it('sends each part’s content key wrapped to the opening key, and the opening key’s holder opens the part with it', async () => {
    const bidder = gmSuite.generateKeyPair();
    const opening = gmSuite.generateKeyPair();
    const { kit, sealed, texts } = await kitFor(bidder, opening);
    const seen: UnsealProgress[] = [];
    const body = await unsealKeys(kit, bidder, (p) => seen.push(p));
    expect(body.keys.map((k) => k.partId)).toEqual(kit.parts.map((p) => p.partId));
    for (const [i, k] of body.keys.entries()) {
      const contentKey = await gmSuite.unwrapKey(opening, fromBase64(k.wrappedKey));
      const opened = await unsealBytes(sealed[i]!.sealed, { contentKey });
      expect(fromUtf8(opened.plaintext)).toBe(texts[i]);
    }
    expect(seen.at(-1)).toEqual({ done: 2, total: 2, current: '' });
    // Wrapped to the opening key, not the bidder's: the bidder's own key does not unwrap it.
    await expect(gmSuite.unwrapKey(bidder, fromBase64(body.keys[0]!.wrappedKey))).rejects.toThrow();
  });

  it('a key that is not the bid’s is refused before anything is wrapped (nothing would be recorded as 解密失败)', async () => {
    const bidder = gmSuite.generateKeyPair();
    const { kit } = await kitFor(bidder, gmSuite.generateKeyPair());
    const seen: UnsealProgress[] = [];
    await expect(unsealKeys(kit, gmSuite.generateKeyPair(), (p) => seen.push(p))).rejects.toMatchObject({ code: 'BAD_KEY' });
    expect(seen).toEqual([]);
  });

  it('a header whose wrapped key was tampered with does not unwrap: DECRYPT_FAILED, not a wrong key sent on', async () => {
    const bidder = gmSuite.generateKeyPair();
    const { kit } = await kitFor(bidder, gmSuite.generateKeyPair());
    const header = kit.parts[1]!.header as { bidder: { wrappedKey: string } };
    const bytes = fromBase64(header.bidder.wrappedKey);
    bytes[bytes.length - 1]! ^= 1;
    header.bidder.wrappedKey = btoa(String.fromCharCode(...bytes));
    await expect(unsealKeys(kit, bidder)).rejects.toMatchObject({ name: 'CryptoError' });
  });
});
