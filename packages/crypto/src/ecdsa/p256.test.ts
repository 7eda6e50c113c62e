import { p256 } from '@noble/curves/nist.js';
import { describe, expect, it } from 'vitest';
import { parseDer, readInteger, sequence } from '../asn1/der.ts';
import { jsBackend } from '../hash/js-backend.ts';
import { nodeBackend } from '../node/node-backend.ts';
import { BACKENDS, withBackend } from '../test-support/backends.ts';
import { fromHex, utf8 } from '../util/bytes.ts';
import { eciesP256Unwrap, eciesP256Wrap } from './ecies.ts';
import { p256Generate, p256Sign, p256SignJs, p256Verify, p256VerifyDigest } from './p256.ts';
import { derToP1363, p1363ToDer, webCryptoEcdhX, webCryptoEphemeralEcdh, webCryptoP256Sign, webCryptoP256Verify } from './webcrypto.ts';
import { sha256 } from '../hash/hash.ts';

const HALF_N = p256.Point.CURVE().n >> 1n;
const sOf = (der: Uint8Array) => sequence(parseDer(der), 2).map(readInteger)[1]!;
const msg = utf8('a bid manifest');

describe('P-256: native (OpenSSL) and JavaScript agree', () => {
  it('the Node backend has native P-256, the JS one has not', () => {
    expect(nodeBackend.p256).toBeDefined();
    expect(jsBackend.p256).toBeUndefined();
  });

  it('a signature by either verifies under the other, always low-S DER', async () => {
    for (let i = 0; i < 20; i++) {
      const { d, point } = await withBackend(nodeBackend, () => p256Generate());
      expect(p256.getPublicKey(d, false)).toEqual(point);
      const nativeSig = await withBackend(nodeBackend, () => p256Sign(d, msg));
      const jsSig = p256SignJs(d, msg);
      expect(sOf(nativeSig) <= HALF_N).toBe(true);
      for (const [, b] of BACKENDS) {
        await withBackend(b, () => {
          expect(p256Verify(point, msg, nativeSig)).toBe(true);
          expect(p256Verify(point, msg, jsSig)).toBe(true);
          expect(p256Verify(point, utf8('another'), nativeSig)).toBe(false);
        });
      }
      expect(p256VerifyDigest(point, sha256(msg), nativeSig)).toBe(true);
    }
  });

  it('native verify accepts high-S signatures (OpenSSL makes them) and compressed keys', async () => {
    const { d, point } = p256Generate();
    const sig = p256.sign(sha256(msg), d, { prehash: false, format: 'der', lowS: false });
    const raw = p256.Signature.fromBytes(sig, 'der');
    const high = raw.s > HALF_N ? sig : new p256.Signature(raw.r, p256.Point.CURVE().n - raw.s).toBytes('der');
    const compressed = p256.Point.fromBytes(point).toBytes(true);
    await withBackend(nodeBackend, () => {
      expect(p256Verify(point, msg, high)).toBe(true);
      expect(p256Verify(compressed, msg, high)).toBe(true);
    });
  });

  it.each(BACKENDS)('%s: not DER → MALFORMED_DER; not a point → false', async (_n, b) => {
    const { d, point } = p256Generate();
    const sig = p256Sign(d, msg);
    await withBackend(b, () => {
      expect(() => p256Verify(point, msg, sig.subarray(0, 10))).toThrow(expect.objectContaining({ code: 'MALFORMED_DER' }));
      const bad = point.slice();
      bad[64] = bad[64]! ^ 1;
      expect(p256Verify(bad, msg, sig)).toBe(false);
    });
  });
});

describe('P-256 through WebCrypto (the browser path)', () => {
  it('DER ↔ P1363 round-trips, including short and high-bit integers', () => {
    const cases = [
      [1n, 2n],
      [0x80n << 248n, 0xffn],
      [p256.Point.CURVE().n - 1n, 0x7fn << 248n],
    ];
    for (const [r, s] of cases) {
      const der = new p256.Signature(r!, s!).toBytes('der');
      const raw = derToP1363(der);
      expect(raw).toEqual(new p256.Signature(r!, s!).toBytes('compact'));
      expect(p1363ToDer(raw)).toEqual(der);
    }
    expect(() => derToP1363(fromHex('3003020101'))).toThrow();
    expect(() => p1363ToDer(new Uint8Array(63))).toThrow();
  });

  it('WebCrypto signatures verify with OpenSSL and noble, and theirs with WebCrypto', async () => {
    for (let i = 0; i < 10; i++) {
      const { d, point } = p256Generate();
      const w = await webCryptoP256Sign(d, msg);
      expect(sOf(w) <= HALF_N).toBe(true);
      expect(await withBackend(nodeBackend, () => p256Verify(point, msg, w))).toBe(true);
      expect(await withBackend(jsBackend, () => p256Verify(point, msg, w))).toBe(true);
      expect(await webCryptoP256Verify(point, msg, p256SignJs(d, msg))).toBe(true);
      expect(await webCryptoP256Verify(point, utf8('other'), w)).toBe(false);
    }
  });

  it('ECDH gives the same x-coordinate as noble', async () => {
    const a = p256Generate();
    const b = p256Generate();
    const x = await webCryptoEcdhX(a.d, b.point);
    expect(x).toEqual(p256.getSharedSecret(a.d, b.point, false).subarray(1, 33));
    expect(await withBackend(nodeBackend, () => nodeBackend.p256!.ecdhX(b.d, a.point))).toEqual(x);
    const e = await webCryptoEphemeralEcdh(b.point);
    expect(e.ephemeral.length).toBe(65);
    expect(p256.getSharedSecret(b.d, e.ephemeral, false).subarray(1, 33)).toEqual(e.sharedX);
  });
});

describe('ECIES key wrap: native and WebCrypto/JS wrap, either unwraps', () => {
  it.each([
    ['node → js', nodeBackend, jsBackend],
    ['js → node', jsBackend, nodeBackend],
  ] as const)('%s', async (_n, wrapWith, unwrapWith) => {
    const k = p256Generate();
    const secret = fromHex('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff');
    const wrapped = await withBackend(wrapWith, () => eciesP256Wrap(k.point, secret));
    expect(await withBackend(unwrapWith, () => eciesP256Unwrap(k.d, wrapped))).toEqual(secret);
    const other = p256Generate();
    await expect(withBackend(unwrapWith, () => eciesP256Unwrap(other.d, wrapped))).rejects.toMatchObject({ code: 'DECRYPT_FAILED' });
    await expect(withBackend(wrapWith, () => eciesP256Wrap(Uint8Array.of(4, ...new Uint8Array(64)), secret))).rejects.toMatchObject({ code: 'BAD_KEY' });
  });
});
