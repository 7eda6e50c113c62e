import { createHash as nodeHash, createHmac as nodeHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BACKENDS, withBackend } from '../test-support/backends.ts';
import { toHex, utf8 } from '../util/bytes.ts';
import { createHash, hmacSm3, sha256, sm3 } from './hash.ts';

describe.each(BACKENDS)('SM3 (%s backend)', (_name, b) => {
  it('GM/T 0004-2012 example 1: SM3("abc")', async () => {
    await withBackend(b, () => {
      expect(toHex(sm3('abc'))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    });
  });

  it('GM/T 0004-2012 example 2: the 64-byte "abcd"×16 message', async () => {
    await withBackend(b, () => {
      expect(toHex(sm3('abcd'.repeat(16)))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
    });
  });

  it('agrees with OpenSSL on every length around the block boundaries and in pieces', async () => {
    await withBackend(b, () => {
      for (const len of [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 4097]) {
        const data = new Uint8Array(randomBytes(len));
        const want = nodeHash('sm3').update(data).digest('hex');
        expect(toHex(sm3(data))).toBe(want);
        const h = createHash('sm3');
        for (let i = 0; i < len; i += 37) h.update(data.subarray(i, i + 37));
        expect(toHex(h.digest())).toBe(want);
      }
    });
  });

  it('HMAC-SM3 and SHA-256 agree with OpenSSL', async () => {
    await withBackend(b, () => {
      for (const keyLen of [0, 16, 32, 64, 65, 100]) {
        const key = new Uint8Array(randomBytes(keyLen));
        const msg = new Uint8Array(randomBytes(300));
        expect(toHex(hmacSm3(key, msg))).toBe(nodeHmac('sm3', key).update(msg).digest('hex'));
      }
      expect(toHex(sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    });
  });
});
