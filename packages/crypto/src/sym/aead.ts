/**
 * Authenticated encryption behind one interface. OpenSSL 3 (and so Node 24) has no SM4-GCM, so the
 * GM suite uses SM4-CTR with HMAC-SM3, encrypt-then-MAC; the international suite uses AES-256-GCM.
 *
 * SM4-CTR-HMAC-SM3, from a 32-byte content key K:
 *   Kenc = HMAC-SM3(K, "bidhall/v1/sm4-ctr")[0..16], Kmac = HMAC-SM3(K, "bidhall/v1/hmac-sm3")
 *   C    = SM4-CTR(Kenc, iv = nonce (16 bytes), P)
 *   T    = HMAC-SM3(Kmac, u64(len(aad)) || aad || nonce || C)        (32 bytes)
 *   out  = C || T
 * Separate derived keys keep the cipher and the MAC independent; the length prefix makes the MAC
 * input unambiguous.
 */
import { CryptoError } from '../errors.ts';
import { backend } from '../hash/backend.ts';
import { createHmac, hmacSm3 } from '../hash/hash.ts';
import { equalBytes, u64be, utf8 } from '../util/bytes.ts';

export type AeadAlg = 'SM4-CTR-HMAC-SM3' | 'AES-256-GCM';

export interface PreparedAead {
  seal(nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Promise<Uint8Array>;
  /** Throws ENVELOPE_TAMPERED when the tag does not verify. */
  open(nonce: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Promise<Uint8Array>;
}

export interface Aead {
  readonly alg: AeadAlg;
  readonly keyLength: 32;
  readonly nonceLength: number;
  readonly tagLength: number;
  /** Derives the working keys once, so per-chunk calls do not repeat it. */
  prepare(key: Uint8Array): PreparedAead;
}

const ENC_LABEL = utf8('bidhall/v1/sm4-ctr');
const MAC_LABEL = utf8('bidhall/v1/hmac-sm3');

function checkKey(key: Uint8Array): void {
  if (key.length !== 32) throw new CryptoError('BAD_KEY', `content key must be 32 bytes, got ${key.length}`);
}

function checkNonce(nonce: Uint8Array, length: number): void {
  if (nonce.length !== length) throw new CryptoError('MALFORMED_INPUT', `nonce must be ${length} bytes`);
}

export const sm4CtrHmacSm3: Aead = {
  alg: 'SM4-CTR-HMAC-SM3',
  keyLength: 32,
  nonceLength: 16,
  tagLength: 32,
  prepare(key) {
    checkKey(key);
    const encKey = hmacSm3(key, ENC_LABEL).subarray(0, 16);
    const macKey = hmacSm3(key, MAC_LABEL);
    const tag = (nonce: Uint8Array, ct: Uint8Array, aad: Uint8Array) =>
      createHmac('sm3', macKey).update(u64be(aad.length)).update(aad).update(nonce).update(ct).digest();
    return {
      async seal(nonce, plaintext, aad) {
        checkNonce(nonce, 16);
        const ct = backend().sm4Ctr(encKey, nonce, plaintext);
        const out = new Uint8Array(ct.length + 32);
        out.set(ct);
        out.set(tag(nonce, ct, aad), ct.length);
        return out;
      },
      async open(nonce, sealed, aad) {
        checkNonce(nonce, 16);
        if (sealed.length < 32) throw new CryptoError('ENVELOPE_TRUNCATED', 'sealed data shorter than its MAC');
        const ct = sealed.subarray(0, sealed.length - 32);
        if (!equalBytes(tag(nonce, ct, aad), sealed.subarray(sealed.length - 32))) {
          throw new CryptoError('ENVELOPE_TAMPERED', 'MAC check failed: the ciphertext, its position or its key is wrong');
        }
        return backend().sm4Ctr(encKey, nonce, ct);
      },
    };
  },
};

export const aes256Gcm: Aead = {
  alg: 'AES-256-GCM',
  keyLength: 32,
  nonceLength: 12,
  tagLength: 16,
  prepare(key) {
    checkKey(key);
    const k = Uint8Array.from(key);
    return {
      async seal(nonce, plaintext, aad) {
        checkNonce(nonce, 12);
        return backend().aesGcmSeal(k, nonce, plaintext, aad);
      },
      async open(nonce, sealed, aad) {
        checkNonce(nonce, 12);
        if (sealed.length < 16) throw new CryptoError('ENVELOPE_TRUNCATED', 'sealed data shorter than its tag');
        const out = await backend().aesGcmOpen(k, nonce, sealed, aad);
        if (!out) throw new CryptoError('ENVELOPE_TAMPERED', 'GCM tag check failed: the ciphertext, its position or its key is wrong');
        return out;
      },
    };
  },
};

export function aeadFor(alg: string): Aead {
  if (alg === sm4CtrHmacSm3.alg) return sm4CtrHmacSm3;
  if (alg === aes256Gcm.alg) return aes256Gcm;
  throw new CryptoError('UNSUPPORTED_ALGORITHM', `authenticated cipher ${alg} is not supported`);
}
