/**
 * Fast s·G + t·P for SM2 signature verification (public scalars only — not constant time).
 *
 * Fixed-window tables with signed digits: for a point Q and window w, table[i][j-1] = j·2^(w·i)·Q
 * in affine coordinates (j = 1..2^(w-1)), so a scalar multiplication is ~256/w mixed additions and
 * no doublings at all. Accumulation runs in Jacobian coordinates with the mixed Jacobian+affine
 * addition (7M + 4S), cheaper in BigInt than the complete projective formula. Any exceptional case
 * (adding a point to itself or its negative) returns null and the caller falls back to @noble/curves.
 * G's table (window 8) is built once, lazily; a key's table (window 6) is built by key-cache.ts.
 */
import { normalizeZ } from '@noble/curves/abstract/curve.js';
import { SM2_CURVE, Sm2Point, type Sm2PointT } from './curve.ts';

const P = SM2_CURVE.p;

export interface FixedWindowTable {
  readonly w: number;
  readonly windows: number;
  /** xs[i * half + j - 1], ys[...] = affine coordinates of j·2^(w·i)·Q. */
  readonly xs: bigint[];
  readonly ys: bigint[];
}

export function buildTable(Q: Sm2PointT, w: number): FixedWindowTable {
  const half = 1 << (w - 1);
  const windows = Math.ceil(256 / w) + 1;
  const pts: Sm2PointT[] = [];
  let base = Q;
  for (let i = 0; i < windows; i++) {
    let acc = base;
    pts.push(acc);
    for (let j = 2; j <= half; j++) {
      acc = acc.add(base);
      pts.push(acc);
    }
    // 2^w·base = 2·(half·base)
    base = acc.double();
  }
  const affine = normalizeZ(Sm2Point, pts);
  return { w, windows, xs: affine.map((p) => p.X), ys: affine.map((p) => p.Y) };
}

let gTable: FixedWindowTable | undefined;
export function baseTable(): FixedWindowTable {
  return (gTable ??= buildTable(Sm2Point.BASE, 8));
}

/** Signed digits of k in base 2^w, each in (-2^(w-1), 2^(w-1)]. */
function digits(k: bigint, w: number, count: number): Int32Array {
  const out = new Int32Array(count);
  const mask = BigInt((1 << w) - 1);
  const full = 1 << w;
  const half = full >> 1;
  const W = BigInt(w);
  for (let i = 0; i < count && k > 0n; i++) {
    let d = Number(k & mask);
    k >>= W;
    if (d > half) {
      d -= full;
      k += 1n;
    }
    out[i] = d;
  }
  if (k !== 0n) throw new RangeError('scalar too large for the table');
  return out;
}

/** Jacobian accumulator; `inf` until the first point is added. */
interface Acc {
  X: bigint;
  Y: bigint;
  Z: bigint;
  inf: boolean;
}

/** acc += (x, y) (affine). False on an exceptional case (equal or opposite points). */
function madd(a: Acc, x: bigint, y: bigint): boolean {
  if (a.inf) {
    a.X = x;
    a.Y = y;
    a.Z = 1n;
    a.inf = false;
    return true;
  }
  const { X: X1, Y: Y1, Z: Z1 } = a;
  // madd-2007-bl with the reductions only where a product would otherwise grow.
  const Z1Z1 = (Z1 * Z1) % P;
  let H = ((x * Z1Z1) % P) - X1;
  if (H < 0n) H += P;
  if (H === 0n) return false; // same x: doubling or infinity — leave it to the generic code
  let r = ((((y * Z1) % P) * Z1Z1) % P) - Y1;
  if (r < 0n) r += P;
  r <<= 1n;
  const HH = (H * H) % P;
  const I = HH << 2n;
  const J = (H * I) % P;
  const V = (X1 * I) % P;
  let X3 = (r * r - J - (V << 1n)) % P;
  if (X3 < 0n) X3 += P;
  let Y3 = (r * (V - X3) - ((Y1 * J) << 1n)) % P;
  if (Y3 < 0n) Y3 += P;
  const Zh = Z1 + H;
  let Z3 = (Zh * Zh - Z1Z1 - HH) % P;
  if (Z3 < 0n) Z3 += P;
  a.X = X3;
  a.Y = Y3;
  a.Z = Z3;
  return true;
}

function addScalar(a: Acc, t: FixedWindowTable, k: bigint): boolean {
  const half = 1 << (t.w - 1);
  const ds = digits(k, t.w, t.windows);
  for (let i = 0; i < ds.length; i++) {
    const d = ds[i]!;
    if (d === 0) continue;
    const idx = i * half + (d > 0 ? d : -d) - 1;
    const y = t.ys[idx]!;
    if (!madd(a, t.xs[idx]!, d > 0 ? y : P - y)) return false;
  }
  return true;
}

/**
 * The affine x-coordinate of s·G + t·Q using G's table and Q's table, or null when the result is
 * the point at infinity or an exceptional addition came up (the caller then uses the generic path).
 */
export function mulAddX(s: bigint, qTable: FixedWindowTable, t: bigint): bigint | null {
  const a: Acc = { X: 0n, Y: 1n, Z: 0n, inf: true };
  if (!addScalar(a, baseTable(), s) || !addScalar(a, qTable, t) || a.inf || a.Z === 0n) return null;
  const zi = (Sm2Point.Fp as { inv(x: bigint): bigint }).inv(a.Z);
  return (((a.X * zi) % P) * zi) % P;
}
