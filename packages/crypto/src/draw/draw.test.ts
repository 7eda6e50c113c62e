import { describe, expect, it } from 'vitest';
import { sm3 } from '../hash/hash.ts';
import { u32be, utf8 } from '../util/bytes.ts';
import { commit, draw, drawSeed, poolHash, verifyCommitment } from './draw.ts';
import { Sm3CounterDrbg, uniformBelow } from './drbg.ts';

const pool = Array.from({ length: 30 }, (_, i) => `expert-${String(i).padStart(3, '0')}`);
const seedOf = (i: number) => sm3(utf8('bidhall test seed'), u32be(i));

describe('verifiable draws', () => {
  it('commit → reveal → anyone reproduces the draw from the secret, the log root and the pool snapshot', () => {
    const secret = sm3(utf8('organiser secret, really 32 random bytes'));
    const commitment = commit(secret);
    const logRoot = sm3(utf8('log head published after the commitment'));
    const result = draw({ seed: drawSeed(secret, logRoot), pool, count: 5 });
    expect(verifyCommitment(secret, commitment)).toBe(true);
    expect(verifyCommitment(sm3(utf8('other')), commitment)).toBe(false);
    const replay = draw({ seed: drawSeed(secret, logRoot), pool: [...pool].reverse(), count: 5 });
    expect(replay).toEqual(result);
    expect(result.poolHash).toBe(poolHash([...pool].reverse()));
    expect(new Set(result.selected).size).toBe(5);
    expect(draw({ seed: drawSeed(secret, sm3(utf8('another head'))), pool, count: 5 }).selected).not.toEqual(result.selected);
  });

  it('the DRBG is a fixed function of the seed', () => {
    const a = new Sm3CounterDrbg(seedOf(1));
    const b = new Sm3CounterDrbg(seedOf(1));
    const xs = Array.from({ length: 20 }, () => a.nextUint32());
    expect(Array.from({ length: 20 }, () => b.nextUint32())).toEqual(xs);
    expect(new Sm3CounterDrbg(seedOf(2)).nextUint32()).not.toBe(xs[0]);
    expect(() => new Sm3CounterDrbg(new Uint8Array(8))).toThrow(expect.objectContaining({ code: 'MALFORMED_INPUT' }));
  });

  it('rejection sampling: words at or above the largest multiple of n are discarded (no modulo bias)', () => {
    const script = (words: number[]) => {
      let i = 0;
      return () => words[i++]!;
    };
    // n = 3: 2^32 mod 3 = 1, so only 0xFFFFFFFF is rejected.
    expect(uniformBelow(3, script([0xffffffff, 5]))).toBe(2);
    expect(uniformBelow(3, script([0xfffffffe]))).toBe(0xfffffffe % 3);
    // n = 2^31 + 1: everything from 2^31 + 1 up is rejected.
    const n = 2 ** 31 + 1;
    expect(uniformBelow(n, script([2 ** 31 + 1, 0xffffffff, 2 ** 31]))).toBe(2 ** 31);
    // Powers of two reject nothing; n = 1 always gives 0.
    expect(uniformBelow(16, script([0xffffffff]))).toBe(15);
    expect(uniformBelow(1, script([12345]))).toBe(0);
    expect(() => uniformBelow(0, script([]))).toThrow(expect.objectContaining({ code: 'MALFORMED_INPUT' }));
  });

  it('distribution: 20,000 single draws from 10 are uniform (chi-square, fixed seeds) and so are positions', () => {
    const small = pool.slice(0, 10);
    const counts = new Map(small.map((id) => [id, 0]));
    for (let i = 0; i < 20_000; i++) {
      const [id] = draw({ seed: seedOf(i), pool: small, count: 1 }).selected;
      counts.set(id!, counts.get(id!)! + 1);
    }
    const expected = 2000;
    const chi2 = [...counts.values()].reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    // 9 degrees of freedom: 21.67 is the 1% critical value.
    expect(chi2).toBeLessThan(21.67);

    // Each of 7 candidates equally likely in each of 3 draw positions.
    const seven = pool.slice(0, 7);
    const pos = Array.from({ length: 3 }, () => new Map(seven.map((id) => [id, 0])));
    for (let i = 0; i < 14_000; i++) {
      draw({ seed: seedOf(100_000 + i), pool: seven, count: 3 }).selected.forEach((id, k) => pos[k]!.set(id, pos[k]!.get(id)! + 1));
    }
    for (const m of pos) {
      const chi = [...m.values()].reduce((s, c) => s + (c - 2000) ** 2 / 2000, 0);
      expect(chi).toBeLessThan(16.81); // 6 degrees of freedom, 1%
    }
  });

  it('honours exclusions and the per-group maximum', () => {
    const groupOf = Object.fromEntries(pool.map((id, i) => [id, `employer-${i % 4}`]));
    const exclude = pool.slice(0, 10);
    for (let i = 0; i < 200; i++) {
      const r = draw({ seed: seedOf(i), pool, count: 8, constraints: { exclude, maxPerGroup: { groupOf, max: 2 } } });
      expect(r.selected.some((id) => exclude.includes(id))).toBe(false);
      const per = new Map<string, number>();
      for (const id of r.selected) per.set(groupOf[id]!, (per.get(groupOf[id]!) ?? 0) + 1);
      expect(Math.max(...per.values())).toBeLessThanOrEqual(2);
      expect(r.selected).toHaveLength(8);
    }
  });

  it('names are strings of Unicode characters, and a group is an own entry of groupOf (no prototype lookups)', () => {
    const malformed = expect.objectContaining({ code: 'MALFORMED_INPUT' });
    // An unpaired surrogate has no UTF-8 form: it would hash like U+FFFD while sorting apart from it.
    expect(() => poolHash(['a', '\ud800'])).toThrow(malformed);
    expect(() => poolHash(['a', ''])).toThrow(malformed);
    // "constructor" must not find Object.prototype.constructor as its group.
    expect(() => draw({ seed: seedOf(1), pool: ['constructor', 'a'], count: 1, constraints: { maxPerGroup: { groupOf: { a: 'g' }, max: 1 } } })).toThrow(malformed);
    const groupOf = JSON.parse('{"__proto__":"g1","toString":"g2","a":"g1"}') as Record<string, string>;
    expect(draw({ seed: seedOf(1), pool: ['__proto__', 'toString', 'a'], count: 2, constraints: { maxPerGroup: { groupOf, max: 1 } } }).selected).toHaveLength(2);
  });

  it('refuses a pool too small, before or because of the constraints (POOL_TOO_SMALL), and bad input', () => {
    expect(() => draw({ seed: seedOf(1), pool: pool.slice(0, 3), count: 4 })).toThrow(expect.objectContaining({ code: 'POOL_TOO_SMALL' }));
    expect(() => draw({ seed: seedOf(1), pool: pool.slice(0, 5), count: 3, constraints: { exclude: pool.slice(0, 3) } })).toThrow(
      expect.objectContaining({ code: 'POOL_TOO_SMALL' }),
    );
    const groupOf = Object.fromEntries(pool.map((id, i) => [id, `g${i % 2}`]));
    expect(() => draw({ seed: seedOf(1), pool, count: 5, constraints: { maxPerGroup: { groupOf, max: 2 } } })).toThrow(
      expect.objectContaining({ code: 'POOL_TOO_SMALL' }),
    );
    expect(draw({ seed: seedOf(1), pool, count: 4, constraints: { maxPerGroup: { groupOf, max: 2 } } }).selected).toHaveLength(4);
    expect(() => draw({ seed: seedOf(1), pool: ['a', 'a', 'b'], count: 1 })).toThrow(expect.objectContaining({ code: 'MALFORMED_INPUT' }));
    expect(draw({ seed: seedOf(1), pool, count: 0 }).selected).toEqual([]);
    expect(draw({ seed: seedOf(1), pool: pool.slice(0, 4), count: 4 }).selected.sort()).toEqual(pool.slice(0, 4));
  });
});
