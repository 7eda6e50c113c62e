/**
 * ECDSA P-256 with SHA-256 (the international suite), DER signatures as OpenSSL and CMS use.
 * Natively through the backend when it has P-256 (OpenSSL in Node); the @noble/curves implementation
 * is the fallback (the browser's WebCrypto is asynchronous: see webcrypto.ts for the async calls).
 */
import { p256 } from '@noble/curves/nist.js';
import { CryptoError } from '../errors.ts';
import { backend } from '../hash/backend.ts';
import { sha256 } from '../hash/hash.ts';
import { parseDer, readInteger, sequence } from '../asn1/der.ts';

export function p256Sign(privateKey: Uint8Array, message: Uint8Array): Uint8Array {
  const native = backend().p256;
  if (native) return native.sign(privateKey, message);
  return p256SignJs(privateKey, message);
}

/** The pure-JavaScript signer (the fallback, and the reference the native one is tested against). */
export function p256SignJs(privateKey: Uint8Array, message: Uint8Array): Uint8Array {
  // Hash through the backend and sign the digest; lowS keeps signatures canonical.
  return p256.sign(sha256(message), privateKey, { prehash: false, format: 'der', lowS: true });
}

/**
 * Accepts high-S signatures too (OpenSSL makes them); a signature that is not DER at all throws
 * MALFORMED_DER so callers can tell "invalid" from "unusable".
 */
export function p256Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  const native = backend().p256;
  if (!native) return p256VerifyDigest(publicKey, sha256(message), signature);
  sequence(parseDer(signature), 2).forEach(readInteger);
  try {
    return native.verify(publicKey, message, signature);
  } catch {
    return false; // a point off the curve: false, as the JavaScript verifier answers
  }
}

export function p256VerifyDigest(publicKey: Uint8Array, digest: Uint8Array, signature: Uint8Array): boolean {
  sequence(parseDer(signature), 2).forEach(readInteger);
  try {
    return p256.verify(signature, digest, publicKey, { prehash: false, format: 'der', lowS: false });
  } catch (err) {
    throw new CryptoError('BAD_KEY', 'P-256 verification could not run on this key or signature', { cause: err });
  }
}

export function p256Generate(): { d: Uint8Array; point: Uint8Array } {
  const native = backend().p256;
  if (native) return native.generate();
  const d = p256.utils.randomSecretKey();
  return { d, point: p256.getPublicKey(d, false) };
}
