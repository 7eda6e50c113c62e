/** The pure-JavaScript backend: @noble/hashes for SHA-256/HMAC, sm-crypto-v2's SM4 block, Web Crypto for AES-GCM. */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { sm4 } from 'sm-crypto-v2';
import { toArrayBuffer } from '../util/bytes.ts';
import { sm3Js } from './sm3-js.ts';
import type { Backend, HashAlg, Hasher } from './backend-types.ts';

const HASHES = { sm3: sm3Js, sha256 } as const;

function wrap(h: { update(d: Uint8Array): unknown; digest(): Uint8Array }): Hasher {
  const self: Hasher = {
    update(data) {
      h.update(data);
      return self;
    },
    digest: () => h.digest(),
  };
  return self;
}

/** Adds `n` to a 128-bit big-endian counter block, in place. */
function addCounter(block: Uint8Array, n: number): void {
  let carry = n;
  for (let i = 15; i >= 0 && carry > 0; i--) {
    const sum = block[i]! + (carry & 0xff);
    block[i] = sum & 0xff;
    carry = Math.floor(carry / 256) + (sum >> 8);
  }
}

function sm4CtrJs(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  const blocks = Math.ceil(data.length / 16);
  const counters = new Uint8Array(blocks * 16);
  const ctr = Uint8Array.from(iv);
  for (let i = 0; i < blocks; i++) {
    counters.set(ctr, i * 16);
    addCounter(ctr, 1);
  }
  const stream = blocks === 0 ? new Uint8Array(0) : sm4.encrypt(counters, key, { mode: 'ecb', padding: 'none', output: 'array' });
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = data[i]! ^ stream[i]!;
  return out;
}

async function gcmKey(key: Uint8Array, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('raw', toArrayBuffer(key), { name: 'AES-GCM' }, false, [usage]);
}

export const jsBackend: Backend = {
  name: 'js',
  createHash: (alg: HashAlg) => wrap(HASHES[alg].create()),
  createHmac: (alg: HashAlg, key: Uint8Array) => wrap(hmac.create(HASHES[alg], key)),
  sm4Ctr: sm4CtrJs,
  async aesGcmSeal(key, nonce, plaintext, aad) {
    const k = await gcmKey(key, 'encrypt');
    const out = await globalThis.crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: toArrayBuffer(nonce), additionalData: toArrayBuffer(aad), tagLength: 128 },
      k,
      toArrayBuffer(plaintext),
    );
    return new Uint8Array(out);
  },
  async aesGcmOpen(key, nonce, sealed, aad) {
    const k = await gcmKey(key, 'decrypt');
    try {
      const out = await globalThis.crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: toArrayBuffer(nonce), additionalData: toArrayBuffer(aad), tagLength: 128 },
        k,
        toArrayBuffer(sealed),
      );
      return new Uint8Array(out);
    } catch {
      // Web Crypto reports a bad tag as a generic OperationError; the caller turns null into its own code.
      return null;
    }
  },
};
