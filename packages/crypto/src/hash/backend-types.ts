/** The primitives a backend (OpenSSL in Node, pure JS in the browser) provides. */
import type { P256Native } from '../ecdsa/p256-native-types.ts';

export type HashAlg = 'sm3' | 'sha256';

export interface Hasher {
  update(data: Uint8Array): Hasher;
  digest(): Uint8Array;
}

export interface Backend {
  readonly name: 'node' | 'js';
  createHash(alg: HashAlg): Hasher;
  createHmac(alg: HashAlg, key: Uint8Array): Hasher;
  /** SM4 in CTR mode with a 128-bit big-endian counter starting at `iv` (as OpenSSL's sm4-ctr). */
  sm4Ctr(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array;
  /** AES-256-GCM; returns ciphertext || 16-byte tag. */
  aesGcmSeal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Promise<Uint8Array>;
  /** Returns the plaintext, or null when the tag does not verify. */
  aesGcmOpen(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Promise<Uint8Array | null>;
  /** Native ECDSA P-256 / ECDH when the platform has it synchronously (Node); absent in the JS backend. */
  readonly p256?: P256Native;
}
