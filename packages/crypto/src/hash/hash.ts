/** One-shot and incremental hashing through the active backend. */
import { asBytes } from '../util/bytes.ts';
import { backend, type HashAlg, type Hasher } from './backend.ts';

export type { HashAlg, Hasher };

export function createHash(alg: HashAlg): Hasher {
  return backend().createHash(alg);
}

export function hash(alg: HashAlg, ...parts: (Uint8Array | string)[]): Uint8Array {
  const h = backend().createHash(alg);
  for (const p of parts) h.update(asBytes(p));
  return h.digest();
}

/** SM3 of the concatenation of the parts (strings as UTF-8). */
export function sm3(...parts: (Uint8Array | string)[]): Uint8Array {
  return hash('sm3', ...parts);
}

export function sha256(...parts: (Uint8Array | string)[]): Uint8Array {
  return hash('sha256', ...parts);
}

export function hmac(alg: HashAlg, key: Uint8Array, ...parts: Uint8Array[]): Uint8Array {
  const h = backend().createHmac(alg, key);
  for (const p of parts) h.update(p);
  return h.digest();
}

export function hmacSm3(key: Uint8Array, ...parts: Uint8Array[]): Uint8Array {
  return hmac('sm3', key, ...parts);
}

export function createHmac(alg: HashAlg, key: Uint8Array): Hasher {
  return backend().createHmac(alg, key);
}
