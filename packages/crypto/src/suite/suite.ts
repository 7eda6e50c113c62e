/**
 * One interface for the two algorithm suites the platform accepts: `gm` (SM2/SM3/SM4, the default)
 * and `intl` (ECDSA P-256, SHA-256, AES-256-GCM). Callers pick a suite by id or from a key and never
 * branch on algorithms themselves.
 */
import { CryptoError } from '../errors.ts';
import type { HashAlg } from '../hash/backend.ts';
import { hash } from '../hash/hash.ts';
import type { KeyAlg, PrivateKey, PublicKey } from '../keys/key-types.ts';
import { privateKeyFromScalar } from '../keys/pkcs8.ts';
import { sm2Sign, sm2Verify } from '../sm2/sign.ts';
import { sm2Decrypt, sm2Encrypt } from '../sm2/encrypt.ts';
import { N, randomScalar, scalarToBytes } from '../sm2/curve.ts';
import { p256Generate, p256Sign, p256Verify } from '../ecdsa/p256.ts';
import { eciesP256Unwrap, eciesP256Wrap } from '../ecdsa/ecies.ts';
import { aes256Gcm, sm4CtrHmacSm3, type Aead } from '../sym/aead.ts';

export type SuiteId = 'gm' | 'intl';
export type SignatureAlg = 'SM2-SM3' | 'ES256';

export interface SignOptions {
  /** SM2 signer ID (ignored by ECDSA); default 1234567812345678. */
  signerId?: string | Uint8Array;
}

export interface Suite {
  readonly id: SuiteId;
  readonly keyAlg: KeyAlg;
  readonly hashAlg: HashAlg;
  readonly signatureAlg: SignatureAlg;
  readonly aead: Aead;
  generateKeyPair(): PrivateKey;
  hash(...parts: (Uint8Array | string)[]): Uint8Array;
  /** DER signature over `message` (the suite hashes it: SM3 with ZA, or SHA-256). */
  sign(key: PrivateKey, message: Uint8Array, opts?: SignOptions): Uint8Array;
  /** False for a wrong signature; throws MALFORMED_DER for a signature that is not DER. */
  verify(key: PublicKey, message: Uint8Array, signature: Uint8Array, opts?: SignOptions): boolean;
  /** Public-key encryption of a short secret (a content key or a share). */
  wrapKey(recipient: PublicKey, secret: Uint8Array): Promise<Uint8Array>;
  /** Throws DECRYPT_FAILED when the wrapped secret is not for this key or was altered. */
  unwrapKey(key: PrivateKey, wrapped: Uint8Array): Promise<Uint8Array>;
}

function expectAlg(key: { alg: KeyAlg }, alg: KeyAlg): void {
  if (key.alg !== alg) throw new CryptoError('UNSUPPORTED_ALGORITHM', `a ${key.alg} key cannot be used with the ${alg} suite`);
}

export const gmSuite: Suite = {
  id: 'gm',
  keyAlg: 'sm2',
  hashAlg: 'sm3',
  signatureAlg: 'SM2-SM3',
  aead: sm4CtrHmacSm3,
  generateKeyPair: () => privateKeyFromScalar('sm2', scalarToBytes(randomScalarBelowNMinus1())),
  hash: (...parts) => hash('sm3', ...parts),
  sign(key, message, opts) {
    expectAlg(key, 'sm2');
    return sm2Sign(key.d, key.publicKey.point, message, opts);
  },
  verify(key, message, signature, opts) {
    expectAlg(key, 'sm2');
    return sm2Verify(key.point, message, signature, opts);
  },
  async wrapKey(recipient, secret) {
    expectAlg(recipient, 'sm2');
    return sm2Encrypt(recipient.point, secret, 'der');
  },
  async unwrapKey(key, wrapped) {
    expectAlg(key, 'sm2');
    return sm2Decrypt(key.d, wrapped, 'der');
  },
};

/** SM2 private keys must be ≤ n-2; draw from [1, n-1] and redraw the one excluded value. */
function randomScalarBelowNMinus1(): bigint {
  for (;;) {
    const k = randomScalar();
    if (k !== N - 1n) return k;
  }
}

export const intlSuite: Suite = {
  id: 'intl',
  keyAlg: 'p256',
  hashAlg: 'sha256',
  signatureAlg: 'ES256',
  aead: aes256Gcm,
  generateKeyPair: () => privateKeyFromScalar('p256', p256Generate().d),
  hash: (...parts) => hash('sha256', ...parts),
  sign(key, message) {
    expectAlg(key, 'p256');
    return p256Sign(key.d, message);
  },
  verify(key, message, signature) {
    expectAlg(key, 'p256');
    return p256Verify(key.point, message, signature);
  },
  async wrapKey(recipient, secret) {
    expectAlg(recipient, 'p256');
    return eciesP256Wrap(recipient.point, secret);
  },
  async unwrapKey(key, wrapped) {
    expectAlg(key, 'p256');
    return eciesP256Unwrap(key.d, wrapped);
  },
};

const SUITES: Record<SuiteId, Suite> = { gm: gmSuite, intl: intlSuite };

export function suite(id: string = 'gm'): Suite {
  const s = SUITES[id as SuiteId];
  if (!s) throw new CryptoError('UNSUPPORTED_ALGORITHM', `unknown suite ${id} (gm or intl)`);
  return s;
}

export function suiteForKey(key: { alg: KeyAlg }): Suite {
  return key.alg === 'sm2' ? gmSuite : intlSuite;
}

export function suiteForSignatureAlg(alg: string): Suite {
  if (alg === 'SM2-SM3') return gmSuite;
  if (alg === 'ES256') return intlSuite;
  throw new CryptoError('UNSUPPORTED_ALGORITHM', `signature algorithm ${alg} is not supported`);
}
