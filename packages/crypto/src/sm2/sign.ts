/**
 * SM2 digital signature (GM/T 0003.2 / GB/T 32918.2): e = SM3(ZA || M) with
 * ZA = SM3(ENTL || ID || a || b || xG || yG || xA || yA); signatures DER-encoded as
 * SEQUENCE { r INTEGER, s INTEGER } (GM/T 0009), the form OpenSSL and Chinese CAs use.
 */
import { CryptoError } from '../errors.ts';
import { derInteger, derSequence, parseDer, readInteger, sequence } from '../asn1/der.ts';
import { sm3 } from '../hash/hash.ts';
import { bigIntToBytes, bytesToBigInt, concat, toHex, utf8 } from '../util/bytes.ts';
import { N, SM2_CURVE, Sm2Point, assertSm2PrivateScalar, invN, modN, randomScalar } from './curve.ts';
import { cachedSm2Point, cachedZa, sm2VerifyMulX } from './key-cache.ts';

/** GM/T 0009's default signer ID, which real CAs use (OpenSSL 3's own default is empty, so name it). */
export const DEFAULT_SIGNER_ID = '1234567812345678';

const CURVE_BYTES = concat(...[SM2_CURVE.a, SM2_CURVE.b, SM2_CURVE.Gx, SM2_CURVE.Gy].map((v) => bigIntToBytes(v, 32)));

export function signerIdBytes(id: string | Uint8Array | undefined): Uint8Array {
  const bytes = id === undefined ? utf8(DEFAULT_SIGNER_ID) : typeof id === 'string' ? utf8(id) : id;
  if (bytes.length * 8 > 0xffff) throw new CryptoError('MALFORMED_INPUT', 'SM2 signer ID longer than 8191 bytes');
  return bytes;
}

/** ZA for a public key (65-byte uncompressed point) and signer ID. */
export function sm2Za(publicKey: Uint8Array, signerId?: string | Uint8Array): Uint8Array {
  const id = signerIdBytes(signerId);
  return cachedZa(publicKey, toHex(id), () => {
    const point = cachedSm2Point(publicKey).toBytes(false);
    const entl = Uint8Array.of((id.length * 8) >> 8, (id.length * 8) & 0xff);
    return sm3(entl, id, CURVE_BYTES, point.subarray(1));
  });
}

/** e = SM3(ZA || M) as the integer the signature equations use. */
export function sm2Digest(publicKey: Uint8Array, message: Uint8Array, signerId?: string | Uint8Array): Uint8Array {
  return sm3(sm2Za(publicKey, signerId), message);
}

export interface Sm2RawSignature {
  r: bigint;
  s: bigint;
}

/**
 * Signs a precomputed e. `nextK` exists only so the standard's fixed-k test vector can be checked;
 * production callers never pass it.
 */
export function sm2SignDigest(privateKey: Uint8Array, e: Uint8Array, nextK: () => bigint = randomScalar): Sm2RawSignature {
  const d = bytesToBigInt(privateKey);
  assertSm2PrivateScalar(d);
  const eInt = bytesToBigInt(e);
  const dInv = invN(1n + d);
  for (;;) {
    const k = nextK();
    const x1 = Sm2Point.BASE.multiply(k).toAffine().x;
    const r = modN(eInt + x1);
    if (r === 0n || r + k === N) continue;
    const s = modN(dInv * modN(k - r * d));
    if (s === 0n) continue;
    return { r, s };
  }
}

export function sm2VerifyDigest(publicKey: Uint8Array, e: Uint8Array, sig: Sm2RawSignature): boolean {
  const { r, s } = sig;
  if (r < 1n || r >= N || s < 1n || s >= N) return false;
  const t = modN(r + s);
  if (t === 0n) return false;
  // s·G + t·P; the inputs are public, so non-constant-time multiplication is fine. Per-key tables
  // and the decoded point are cached (key-cache.ts).
  const x1 = sm2VerifyMulX(publicKey, s, t);
  if (x1 === null) return false;
  return modN(bytesToBigInt(e) + x1) === r;
}

export function encodeSm2Signature(sig: Sm2RawSignature): Uint8Array {
  return derSequence(derInteger(sig.r), derInteger(sig.s));
}

/** Parses a DER SM2 signature strictly (MALFORMED_DER on anything else). */
export function decodeSm2Signature(der: Uint8Array): Sm2RawSignature {
  const [r, s] = sequence(parseDer(der), 2);
  return { r: readInteger(r!), s: readInteger(s!) };
}

export interface Sm2SignOptions {
  signerId?: string | Uint8Array;
}

/** Signs a message (ZA and SM3 applied here); returns the DER signature. */
export function sm2Sign(privateKey: Uint8Array, publicKey: Uint8Array, message: Uint8Array, opts: Sm2SignOptions = {}): Uint8Array {
  return encodeSm2Signature(sm2SignDigest(privateKey, sm2Digest(publicKey, message, opts.signerId)));
}

/**
 * Verifies a DER signature over a message. Returns false for a wrong signature; a signature that is
 * not DER at all throws MALFORMED_DER so callers can tell "invalid" from "unusable".
 */
export function sm2Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array, opts: Sm2SignOptions = {}): boolean {
  const sig = decodeSm2Signature(signature);
  return sm2VerifyDigest(publicKey, sm2Digest(publicKey, message, opts.signerId), sig);
}

export function sm2PublicFromPrivate(privateKey: Uint8Array): Uint8Array {
  const d = bytesToBigInt(privateKey);
  assertSm2PrivateScalar(d);
  return Sm2Point.BASE.multiply(d).toBytes(false);
}
