import { sm2 as smCrypto } from 'sm-crypto-v2';
import { beforeEach, describe, expect, it } from 'vitest';
import { fromHex, toHex, utf8 } from '../util/bytes.ts';
import { N, Sm2Point } from './curve.ts';
import { clearSm2KeyCache, sm2KeyCacheInfo, sm2VerifyMulX } from './key-cache.ts';
import { encodeSm2Signature, sm2PublicFromPrivate, sm2Sign, sm2Verify, sm2Za } from './sign.ts';

// GM/T 0003.5-2012 Annex A (the same vector as sm2.test.ts).
const PUB = fromHex(
  '0409F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13',
);
const R = 0xf5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3n;
const S = 0xb1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aan;
const MSG = utf8('message digest');

beforeEach(() => clearSm2KeyCache());

describe('SM2 per-key cache and precomputed tables', () => {
  it('the standard signature verifies, and a changed one fails, at every stage (first sight: generic; then the table of the key)', () => {
    const good = encodeSm2Signature({ r: R, s: S });
    const bad = encodeSm2Signature({ r: R, s: S - 1n });
    const windows = new Set<number>();
    for (let i = 0; i < 30; i++) {
      expect(sm2Verify(PUB, MSG, good)).toBe(true);
      windows.add(sm2KeyCacheInfo(PUB)!.window);
      expect(sm2Verify(PUB, utf8('message digesT'), good)).toBe(false);
      expect(sm2Verify(PUB, MSG, bad)).toBe(false);
    }
    expect([...windows].sort()).toEqual([0, 6, 8]);
    expect(toHex(sm2Za(PUB))).toBe('b2e14c5c79c6df5b85f4fe7ed8db7a262b9da7e07ccb0ea9f4747b8ccda8a4f3');
  });

  it('a key verified only a few times gets no table (building one costs more than it saves); a busy key does', () => {
    const good = encodeSm2Signature({ r: R, s: S });
    for (let i = 1; i <= 7; i++) {
      expect(sm2Verify(PUB, MSG, good)).toBe(true);
      expect(sm2KeyCacheInfo(PUB)).toMatchObject({ uses: i, window: 0 });
    }
    expect(sm2Verify(PUB, MSG, good)).toBe(true);
    expect(sm2KeyCacheInfo(PUB)).toMatchObject({ uses: 8, window: 6 });
  });

  it('x(s·G + t·P) from the tables equals the joint multiplication for random and edge scalars', () => {
    const P = Sm2Point.fromBytes(PUB);
    const scalars = [1n, 2n, N - 1n, N - 2n, (1n << 255n) % N, 0xffffffffffffffffn];
    for (let i = 0; i < 12; i++) scalars.push(BigInt('0x' + toHex(crypto.getRandomValues(new Uint8Array(32)))) % (N - 1n) + 1n);
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < scalars.length; i++) {
        const s = scalars[i]!;
        const t = scalars[(i * 7 + round) % scalars.length]!;
        expect(sm2VerifyMulX(PUB, s, t)).toBe(Sm2Point.BASE.mulAddUnsafe(s, P, t).toAffine().x);
      }
    }
    expect(sm2KeyCacheInfo(PUB)!.window).toBe(8);
  });

  it('signatures stay compatible with sm-crypto-v2 both ways across many keys, with the cache warm', () => {
    for (let i = 0; i < 4; i++) {
      const kp = smCrypto.generateKeyPairHex();
      const pub = fromHex(kp.publicKey);
      expect(toHex(sm2PublicFromPrivate(fromHex(kp.privateKey)))).toBe(toHex(pub));
      for (let j = 0; j < 3; j++) {
        const theirs = fromHex(smCrypto.doSignature(MSG, kp.privateKey, { hash: true, der: true }));
        expect(sm2Verify(pub, MSG, theirs)).toBe(true);
        const ours = sm2Sign(fromHex(kp.privateKey), pub, MSG);
        expect(smCrypto.doVerifySignature(MSG, toHex(ours), kp.publicKey, { hash: true, der: true })).toBe(true);
      }
    }
  });

  it('an invalid key still throws BAD_KEY (and is not cached)', () => {
    const bad = PUB.slice();
    bad[64] = bad[64]! ^ 1;
    expect(() => sm2Verify(bad, MSG, encodeSm2Signature({ r: R, s: S }))).toThrow(expect.objectContaining({ code: 'BAD_KEY' }));
    expect(sm2KeyCacheInfo(bad)).toBeUndefined();
  });
});
