/** The Node backend: OpenSSL through node:crypto. Never imported by the browser entry. */
import * as nodeCrypto from 'node:crypto';
import type { Backend, HashAlg, Hasher } from '../hash/backend.ts';
import { p256Native } from './p256-native.ts';

function wrap(h: nodeCrypto.Hash | nodeCrypto.Hmac): Hasher {
  const self: Hasher = {
    update(data) {
      h.update(data);
      return self;
    },
    digest: () => new Uint8Array(h.digest()),
  };
  return self;
}

function asUint8(buf: Buffer): Uint8Array {
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

export const nodeBackend: Backend = {
  name: 'node',
  p256: p256Native,
  createHash: (alg: HashAlg) => wrap(nodeCrypto.createHash(alg)),
  createHmac: (alg: HashAlg, key: Uint8Array) => wrap(nodeCrypto.createHmac(alg, key)),
  sm4Ctr(key, iv, data) {
    const c = nodeCrypto.createCipheriv('sm4-ctr', key, iv);
    const head = c.update(data);
    const tail = c.final();
    return tail.length === 0 ? asUint8(head) : asUint8(Buffer.concat([head, tail]));
  },
  async aesGcmSeal(key, nonce, plaintext, aad) {
    const c = nodeCrypto.createCipheriv('aes-256-gcm', key, nonce);
    c.setAAD(aad);
    const body = Buffer.concat([c.update(plaintext), c.final(), c.getAuthTag()]);
    return asUint8(body);
  },
  async aesGcmOpen(key, nonce, sealed, aad) {
    if (sealed.length < 16) return null;
    const d = nodeCrypto.createDecipheriv('aes-256-gcm', key, nonce);
    d.setAAD(aad);
    d.setAuthTag(sealed.subarray(sealed.length - 16));
    try {
      return asUint8(Buffer.concat([d.update(sealed.subarray(0, sealed.length - 16)), d.final()]));
    } catch {
      return null;
    }
  },
};
