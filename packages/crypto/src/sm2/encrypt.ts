/**
 * SM2 public-key encryption (GM/T 0003.4 / GB/T 32918.4), C1C3C2 order. Two encodings:
 * - raw: 04||x1||y1 || C3 (32) || C2, as GM/T 0003 prints it;
 * - DER: SEQUENCE { x INTEGER, y INTEGER, hash OCTET STRING, cipherText OCTET STRING } (GM/T 0009),
 *   the form OpenSSL's `pkeyutl -encrypt` writes.
 */
import { CryptoError } from '../errors.ts';
import { derInteger, derOctetString, derSequence, parseDer, readInteger, readOctetString, sequence } from '../asn1/der.ts';
import { createHash, sm3 } from '../hash/hash.ts';
import { bigIntToBytes, bytesToBigInt, concat, equalBytes, u32be } from '../util/bytes.ts';
import { N, Sm2Point, assertSm2PrivateScalar, decodeSm2Point, randomScalar } from './curve.ts';
import { encryptionPoint } from './key-cache.ts';

export type Sm2CipherEncoding = 'der' | 'raw';

/** The SM3-based KDF of GM/T 0003.4 §5.4.3. */
export function sm2Kdf(z: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let ct = 1, off = 0; off < length; ct++, off += 32) {
    const block = createHash('sm3').update(z).update(u32be(ct)).digest();
    out.set(block.subarray(0, Math.min(32, length - off)), off);
  }
  return out;
}

interface Sm2CipherParts {
  c1: Uint8Array; // 65-byte uncompressed point
  c3: Uint8Array; // 32
  c2: Uint8Array;
}

/** `nextK` exists only for the standard's fixed-k test vector. */
export function sm2EncryptParts(publicKey: Uint8Array, message: Uint8Array, nextK: () => bigint = randomScalar): Sm2CipherParts {
  const P = encryptionPoint(publicKey);
  for (;;) {
    const k = nextK();
    const c1 = Sm2Point.BASE.multiply(k).toBytes(false);
    const shared = P.multiply(k).toBytes(false).subarray(1);
    const x2 = shared.subarray(0, 32);
    const y2 = shared.subarray(32);
    const t = sm2Kdf(shared, message.length);
    // An all-zero t (probability ~2^-256·len) would leak the message: the standard says pick a new k.
    if (message.length > 0 && t.every((b) => b === 0)) continue;
    const c2 = message.map((b, i) => b ^ t[i]!);
    const c3 = sm3(x2, message, y2);
    return { c1, c3, c2 };
  }
}

export function sm2Encrypt(publicKey: Uint8Array, message: Uint8Array, encoding: Sm2CipherEncoding = 'der'): Uint8Array {
  return encodeSm2Cipher(sm2EncryptParts(publicKey, message), encoding);
}

export function encodeSm2Cipher(parts: Sm2CipherParts, encoding: Sm2CipherEncoding): Uint8Array {
  if (encoding === 'raw') return concat(parts.c1, parts.c3, parts.c2);
  const x = bytesToBigInt(parts.c1.subarray(1, 33));
  const y = bytesToBigInt(parts.c1.subarray(33, 65));
  return derSequence(derInteger(x), derInteger(y), derOctetString(parts.c3), derOctetString(parts.c2));
}

export function decodeSm2Cipher(data: Uint8Array, encoding: Sm2CipherEncoding): Sm2CipherParts {
  if (encoding === 'raw') {
    if (data.length < 97 || data[0] !== 0x04) throw new CryptoError('MALFORMED_INPUT', 'raw SM2 ciphertext too short or without an uncompressed C1');
    return { c1: data.subarray(0, 65), c3: data.subarray(65, 97), c2: data.subarray(97) };
  }
  const [x, y, hash, text] = sequence(parseDer(data), 4);
  const xi = readInteger(x!);
  const yi = readInteger(y!);
  const c3 = readOctetString(hash!);
  if (c3.length !== 32) throw new CryptoError('MALFORMED_DER', 'SM2 ciphertext hash is not 32 bytes');
  if (xi >= 2n ** 256n || yi >= 2n ** 256n) throw new CryptoError('MALFORMED_DER', 'SM2 ciphertext point coordinate too large');
  return { c1: concat(Uint8Array.of(4), bigIntToBytes(xi, 32), bigIntToBytes(yi, 32)), c3, c2: readOctetString(text!) };
}

/** Decrypts; a wrong key or any altered byte gives DECRYPT_FAILED (the C3 check). */
export function sm2Decrypt(privateKey: Uint8Array, ciphertext: Uint8Array, encoding: Sm2CipherEncoding = 'der'): Uint8Array {
  const d = bytesToBigInt(privateKey);
  assertSm2PrivateScalar(d);
  const { c1, c3, c2 } = decodeSm2Cipher(ciphertext, encoding);
  let C1;
  try {
    C1 = decodeSm2Point(c1);
  } catch (err) {
    throw new CryptoError('DECRYPT_FAILED', 'SM2 ciphertext C1 is not a point on the curve', { cause: err });
  }
  const shared = C1.multiply(d % N).toBytes(false).subarray(1);
  const t = sm2Kdf(shared, c2.length);
  if (c2.length > 0 && t.every((b) => b === 0)) throw new CryptoError('DECRYPT_FAILED', 'SM2 KDF produced an all-zero key stream');
  const m = c2.map((b, i) => b ^ t[i]!);
  if (!equalBytes(sm3(shared.subarray(0, 32), m, shared.subarray(32)), c3)) {
    throw new CryptoError('DECRYPT_FAILED', 'SM2 ciphertext does not decrypt with this key (hash check failed)');
  }
  return m;
}
