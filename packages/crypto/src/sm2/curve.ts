/**
 * The SM2 recommended curve (GM/T 0003.5 / GB/T 32918.5) on @noble/curves' Weierstrass arithmetic:
 * constant-time scalar multiplication and point validation come from that maintained library; the
 * SM2 algorithms on top (ZA, signature, C1C3C2 encryption) are in the sibling files.
 */
import { weierstrass } from '@noble/curves/abstract/weierstrass.js';
import { CryptoError } from '../errors.ts';
import { randomBytes } from '../util/random.ts';
import { bigIntToBytes, bytesToBigInt } from '../util/bytes.ts';

export const SM2_CURVE = {
  p: 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn,
  a: 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn,
  b: 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n,
  n: 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n,
  Gx: 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n,
  Gy: 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n,
  h: 1n,
} as const;

export const Sm2Point = weierstrass(SM2_CURVE);
// A window-8 fixed-base table for G (built lazily on first use, ~4,200 points): signing and the G half
// of verification then take ~32 additions and no doublings.
Sm2Point.BASE.precompute(8);
export type Sm2PointT = ReturnType<typeof Sm2Point.fromBytes>;

export const N = SM2_CURVE.n;

export function modN(x: bigint): bigint {
  const r = x % N;
  return r < 0n ? r + N : r;
}

/** Modular inverse mod n. */
export function invN(x: bigint): bigint {
  return Sm2Point.Fn.inv(modN(x));
}

/** A uniformly random scalar in [1, n-1] by rejection sampling (no modulo bias). */
export function randomScalar(): bigint {
  for (;;) {
    const k = bytesToBigInt(randomBytes(32));
    if (k >= 1n && k < N) return k;
  }
}

export function scalarToBytes(k: bigint): Uint8Array {
  return bigIntToBytes(k, 32);
}

/** Decodes and validates a public point (uncompressed 04||x||y or compressed 02/03||x). */
export function decodeSm2Point(bytes: Uint8Array): Sm2PointT {
  try {
    const p = Sm2Point.fromBytes(bytes);
    p.assertValidity();
    return p;
  } catch (err) {
    throw new CryptoError('BAD_KEY', 'not a valid SM2 public point', { cause: err });
  }
}

/** A valid SM2 private scalar is in [1, n-2] (1+d must be invertible mod n for signing). */
export function assertSm2PrivateScalar(d: bigint): void {
  if (d < 1n || d > N - 2n) throw new CryptoError('BAD_KEY', 'SM2 private key out of range');
}
