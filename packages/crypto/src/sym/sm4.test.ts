import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isCryptoError } from '../errors.ts';
import { BACKENDS, withBackend } from '../test-support/backends.ts';
import { fromHex, toHex } from '../util/bytes.ts';
import { backend } from '../hash/backend.ts';
import { aes256Gcm, sm4CtrHmacSm3 } from './aead.ts';

const KEY = fromHex('0123456789abcdeffedcba9876543210');

describe('SM4 block cipher (GB/T 32907-2016 Appendix A)', () => {
  it('example 1: one encryption of the key as plaintext', () => {
    const c = createCipheriv('sm4-ecb', KEY, null).setAutoPadding(false);
    expect(c.update(KEY).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it('example 2: 1,000,000 iterated encryptions', () => {
    const c = createCipheriv('sm4-ecb', KEY, null).setAutoPadding(false);
    let block: Buffer = Buffer.from(KEY);
    for (let i = 0; i < 1_000_000; i++) block = c.update(block);
    expect(block.toString('hex')).toBe('595298c7c6fd271f0402f804c33d3f66');
  }, 60_000);
});

describe.each(BACKENDS)('SM4-CTR (%s backend)', (_name, b) => {
  it('matches OpenSSL sm4-ctr, including a counter that carries across bytes', async () => {
    await withBackend(b, () => {
      for (const iv of [new Uint8Array(16), fromHex('000000000000000000000000fffffffe'), fromHex('ffffffffffffffffffffffffffffffff')]) {
        for (const len of [0, 1, 16, 17, 100, 1024]) {
          const key = new Uint8Array(randomBytes(16));
          const data = new Uint8Array(randomBytes(len));
          const c = createCipheriv('sm4-ctr', key, iv);
          const want = Buffer.concat([c.update(data), c.final()]).toString('hex');
          expect(toHex(backend().sm4Ctr(key, iv, data))).toBe(want);
        }
      }
    });
  });
});

describe.each(BACKENDS)('authenticated encryption (%s backend)', (_name, b) => {
  for (const aead of [sm4CtrHmacSm3, aes256Gcm]) {
    it(`[A-90] ${aead.alg}: round trip, and any changed byte, AAD or nonce is refused`, async () => {
      await withBackend(b, async () => {
        const key = new Uint8Array(randomBytes(32));
        const nonce = new Uint8Array(aead.nonceLength).fill(7);
        const aad = Uint8Array.of(1, 2, 3);
        const pt = new Uint8Array(randomBytes(77));
        const p = aead.prepare(key);
        const sealed = await p.seal(nonce, pt, aad);
        expect(sealed.length).toBe(pt.length + aead.tagLength);
        expect(await p.open(nonce, sealed, aad)).toEqual(pt);
        for (const i of [0, 40, sealed.length - 1]) {
          const bad = Uint8Array.from(sealed);
          bad[i]! ^= 1;
          await expect(p.open(nonce, bad, aad)).rejects.toSatisfy((e) => isCryptoError(e, 'ENVELOPE_TAMPERED'));
        }
        await expect(p.open(nonce, sealed, Uint8Array.of(1, 2, 4))).rejects.toSatisfy((e) => isCryptoError(e, 'ENVELOPE_TAMPERED'));
        const otherNonce = Uint8Array.from(nonce);
        otherNonce[0] = 8;
        await expect(p.open(otherNonce, sealed, aad)).rejects.toSatisfy((e) => isCryptoError(e, 'ENVELOPE_TAMPERED'));
        await expect(aead.prepare(new Uint8Array(32)).open(nonce, sealed, aad)).rejects.toSatisfy((e) => isCryptoError(e, 'ENVELOPE_TAMPERED'));
        await expect(p.open(nonce, sealed.subarray(0, 3), aad)).rejects.toSatisfy((e) => isCryptoError(e, 'ENVELOPE_TRUNCATED'));
      });
    });
  }

  it('both backends produce the same SM4-CTR-HMAC-SM3 bytes', async () => {
    const key = new Uint8Array(randomBytes(32));
    const nonce = new Uint8Array(randomBytes(16));
    const pt = new Uint8Array(randomBytes(1000));
    const here = await withBackend(b, () => sm4CtrHmacSm3.prepare(key).seal(nonce, pt, new Uint8Array(0)));
    const other = await withBackend(BACKENDS[0]![1], () => sm4CtrHmacSm3.prepare(key).seal(nonce, pt, new Uint8Array(0)));
    expect(toHex(here)).toBe(toHex(other));
  });
});
