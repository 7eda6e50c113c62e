/**
 * ECDSA P-256 and ECDH through OpenSSL (node:crypto) for the Node backend. Keys arrive as raw
 * scalars / SEC1 points; they are wrapped into PKCS#8 / SPKI DER with fixed prefixes and the
 * KeyObjects are cached (the platform signs with its own key and verifies the same bidder keys
 * over and over). Signatures are DER with low S, as the JavaScript implementation makes them.
 */
import * as nodeCrypto from 'node:crypto';
import type { P256Native } from '../ecdsa/p256-native-types.ts';
import { derInteger, derSequence, parseDer, readInteger, sequence } from '../asn1/der.ts';
import { concat, fromHex, toHex } from '../util/bytes.ts';

const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const HALF_N = N >> 1n;

// PKCS#8 { 0, {ecPublicKey, prime256v1}, OCTET STRING ECPrivateKey { 1, OCTET STRING d } }: OpenSSL
// derives the public point on import.
const PKCS8_PREFIX = fromHex('3041020100301306072a8648ce3d020106082a8648ce3d030107042730250201010420');
// SubjectPublicKeyInfo for an uncompressed (65-byte) or compressed (33-byte) point.
const SPKI_PREFIX_65 = fromHex('3059301306072a8648ce3d020106082a8648ce3d030107034200');
const SPKI_PREFIX_33 = fromHex('3039301306072a8648ce3d020106082a8648ce3d030107032200');

const CACHE_MAX = 512;
const privateKeys = new Map<string, nodeCrypto.KeyObject>();
const publicKeys = new Map<string, nodeCrypto.KeyObject>();

function cached(cache: Map<string, nodeCrypto.KeyObject>, id: string, make: () => nodeCrypto.KeyObject): nodeCrypto.KeyObject {
  let k = cache.get(id);
  if (k) return k;
  k = make();
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(id, k);
  return k;
}

function privateKeyObject(d: Uint8Array): nodeCrypto.KeyObject {
  if (d.length !== 32) throw new RangeError('P-256 private key must be 32 bytes');
  return cached(privateKeys, toHex(d), () => nodeCrypto.createPrivateKey({ key: Buffer.from(concat(PKCS8_PREFIX, d)), format: 'der', type: 'pkcs8' }));
}

function publicKeyObject(point: Uint8Array): nodeCrypto.KeyObject {
  const prefix = point.length === 65 && point[0] === 4 ? SPKI_PREFIX_65 : point.length === 33 && (point[0] === 2 || point[0] === 3) ? SPKI_PREFIX_33 : null;
  if (!prefix) throw new RangeError('not a SEC1 P-256 point');
  return cached(publicKeys, toHex(point), () => nodeCrypto.createPublicKey({ key: Buffer.from(concat(prefix, point)), format: 'der', type: 'spki' }));
}

function u8(buf: Buffer): Uint8Array {
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** OpenSSL makes high-S signatures half of the time; re-encode them with n - s (equally valid). */
function lowS(der: Uint8Array): Uint8Array {
  const [r, s] = sequence(parseDer(der), 2).map(readInteger) as [bigint, bigint];
  return s > HALF_N ? derSequence(derInteger(r), derInteger(N - s)) : der;
}

export const p256Native: P256Native = {
  sign(d, message) {
    return lowS(u8(nodeCrypto.sign('sha256', message, { key: privateKeyObject(d), dsaEncoding: 'der' })));
  },
  verify(point, message, signature) {
    return nodeCrypto.verify('sha256', message, { key: publicKeyObject(point), dsaEncoding: 'der' }, signature);
  },
  ecdhX(d, point) {
    return u8(nodeCrypto.diffieHellman({ privateKey: privateKeyObject(d), publicKey: publicKeyObject(point) }));
  },
  generate() {
    const { privateKey } = nodeCrypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const jwk = privateKey.export({ format: 'jwk' });
    const b = (s: string | undefined) => u8(Buffer.from(s!, 'base64url'));
    return { d: b(jwk.d), point: concat(Uint8Array.of(4), b(jwk.x), b(jwk.y)) };
  },
};
