/**
 * Key wrapping to a P-256 public key for the international suite (ECIES): an ephemeral ECDH key,
 * HKDF-SHA256 over the shared x-coordinate (salt = ephemeral point), AES-256-GCM with a zero nonce
 * (the derived key is used exactly once). Output: ephemeral point (65) || ciphertext || tag (16).
 * ECDH runs natively where there is a native one: OpenSSL in Node (the backend), WebCrypto in the
 * browser; @noble/curves otherwise.
 */
import { p256 } from '@noble/curves/nist.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { CryptoError } from '../errors.ts';
import { backend } from '../hash/backend.ts';
import { concat, utf8 } from '../util/bytes.ts';
import { p256Generate } from './p256.ts';
import { webCryptoEcdhX, webCryptoEphemeralEcdh, webCryptoP256 } from './webcrypto.ts';

const INFO = utf8('bidhall/v1/ecies-p256-aes256gcm');
const ZERO_NONCE = new Uint8Array(12);

function deriveKey(sharedX: Uint8Array, ephemeral: Uint8Array): Uint8Array {
  return hkdf(sha256, sharedX, ephemeral, INFO, 32);
}

/** The shared x-coordinate d·Q: native when possible. Throws (any error) on an invalid point. */
async function ecdhX(d: Uint8Array, point: Uint8Array): Promise<Uint8Array> {
  const native = backend().p256;
  if (native) return native.ecdhX(d, point);
  if (webCryptoP256()) return webCryptoEcdhX(d, point);
  return p256.getSharedSecret(d, point, false).subarray(1, 33);
}

export async function eciesP256Wrap(recipient: Uint8Array, secret: Uint8Array): Promise<Uint8Array> {
  let ephPub: Uint8Array;
  let shared: Uint8Array;
  try {
    if (!backend().p256 && webCryptoP256()) {
      ({ ephemeral: ephPub, sharedX: shared } = await webCryptoEphemeralEcdh(recipient));
    } else {
      const eph = p256Generate();
      ephPub = eph.point;
      shared = await ecdhX(eph.d, recipient);
    }
  } catch (err) {
    throw new CryptoError('BAD_KEY', 'not a valid P-256 recipient key', { cause: err });
  }
  const sealed = await backend().aesGcmSeal(deriveKey(shared, ephPub), ZERO_NONCE, secret, ephPub);
  return concat(ephPub, sealed);
}

export async function eciesP256Unwrap(privateKey: Uint8Array, wrapped: Uint8Array): Promise<Uint8Array> {
  if (wrapped.length < 65 + 16) throw new CryptoError('DECRYPT_FAILED', 'wrapped key too short');
  const ephPub = wrapped.subarray(0, 65);
  let shared: Uint8Array;
  try {
    shared = await ecdhX(privateKey, ephPub);
  } catch (err) {
    throw new CryptoError('DECRYPT_FAILED', 'wrapped key has an invalid ephemeral point', { cause: err });
  }
  const out = await backend().aesGcmOpen(deriveKey(shared, ephPub), ZERO_NONCE, wrapped.subarray(65), ephPub);
  if (!out) throw new CryptoError('DECRYPT_FAILED', 'wrapped key does not open with this key');
  return out;
}
