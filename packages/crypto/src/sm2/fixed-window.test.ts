import { describe, expect, it } from 'vitest';
import { N, Sm2Point } from './curve.ts';
import { baseTable, buildTable, mulAddX } from './fixed-window.ts';
import { clearSm2KeyCache, sm2VerifyMulX } from './key-cache.ts';
import { sm2PublicFromPrivate } from './sign.ts';
import { bigIntToBytes } from '../util/bytes.ts';

const rand = () => {
  const b = crypto.getRandomValues(new Uint8Array(32));
  return (BigInt('0x' + Buffer.from(b).toString('hex')) % (N - 1n)) + 1n;
};

describe('SM2 fixed-window tables', () => {
  it("G's table holds j·2^(8i)·G (checked against @noble/curves at sampled entries)", () => {
    const t = baseTable();
    expect(t.w).toBe(8);
    expect(t.windows).toBe(33);
    const half = 128;
    for (const [i, j] of [[0, 1], [0, 2], [0, 128], [1, 1], [5, 77], [31, 128], [32, 1]] as const) {
      const want = Sm2Point.BASE.multiply(((1n << BigInt(8 * i)) * BigInt(j)) % N).toAffine();
      expect([t.xs[i * half + j - 1], t.ys[i * half + j - 1]]).toEqual([want.x, want.y]);
    }
  });

  it('x(s·G + t·P) equals the generic joint multiplication for random and edge scalars', () => {
    const P = Sm2Point.BASE.multiply(rand());
    const table = buildTable(P, 6);
    const edge = [1n, 2n, 127n, 128n, 129n, 255n, 256n, N - 1n, N - 2n, (N + 1n) / 2n, (1n << 255n) % N, (1n << 128n) - 1n];
    const scalars = [...edge, ...Array.from({ length: 30 }, rand)];
    for (let i = 0; i < scalars.length; i++) {
      const s = scalars[i]!;
      const t = scalars[(i * 13 + 5) % scalars.length]!;
      expect(mulAddX(s, table, t)).toBe(Sm2Point.BASE.mulAddUnsafe(s, P, t).toAffine().x);
    }
  });

  it('exceptional cases (the point at infinity, doubling) give null or fall back correctly', () => {
    // Key = G (private key 1): s·G + (n - s)·G is the point at infinity; s·G + s·G needs a doubling.
    const G = sm2PublicFromPrivate(bigIntToBytes(1n, 32));
    const table = buildTable(Sm2Point.BASE, 6);
    expect(mulAddX(12345n, table, N - 12345n)).toBeNull();
    clearSm2KeyCache();
    for (let i = 0; i < 3; i++) {
      expect(sm2VerifyMulX(G, 12345n, N - 12345n)).toBeNull();
      expect(sm2VerifyMulX(G, 7n, 7n)).toBe(Sm2Point.BASE.multiply(14n).toAffine().x);
    }
  });
});
