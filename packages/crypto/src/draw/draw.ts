/**
 * Verifiable draws (experts, inspection targets, coefficients): the organiser commits to a secret
 * (its SM3 hash is logged first), the seed is SM3(secret || a public log root that did not exist at
 * commit time), and the selection is a deterministic function of the seed and the pool snapshot.
 * Anyone with the revealed secret, the log root and the snapshot reproduces the result.
 */
import { CryptoError } from '../errors.ts';
import { sm3 } from '../hash/hash.ts';
import { canonicalJson } from '../sig/json-signature.ts';
import { equalBytes, fromHex, toHex } from '../util/bytes.ts';
import { Sm3CounterDrbg, uniformBelow } from './drbg.ts';

export function commit(secret: Uint8Array): string {
  if (secret.length < 16) throw new CryptoError('MALFORMED_INPUT', 'a draw secret must be at least 16 random bytes');
  return toHex(sm3(secret));
}

export function verifyCommitment(secret: Uint8Array, commitment: string): boolean {
  return /^[0-9a-f]{64}$/.test(commitment) && equalBytes(sm3(secret), fromHex(commitment));
}

/** seed = SM3(secret || logHeadRootHash). */
export function drawSeed(secret: Uint8Array, logRoot: Uint8Array): Uint8Array {
  return sm3(secret, logRoot);
}

export interface DrawConstraints {
  /** Ids that may not be drawn (avoidance, earlier draws …). */
  exclude?: readonly string[];
  /** At most `max` selections per group (e.g. per employer or per region). */
  maxPerGroup?: { groupOf: Readonly<Record<string, string>>; max: number };
}

export interface DrawParams {
  seed: Uint8Array;
  pool: readonly string[];
  count: number;
  constraints?: DrawConstraints;
}

export interface DrawResult {
  /** In draw order. */
  selected: string[];
  /** Hex SM3 of the canonical (sorted) pool: logged before the draw. */
  poolHash: string;
  /** Hex SM3 of everything that determines the result except the seed (pool, count, constraints). */
  inputHash: string;
  seed: string;
  /** DRBG words consumed (rejections included), for the audit record. */
  wordsUsed: number;
}

/** The pool in canonical order: unique ids sorted by UTF-16 code units (as RFC 8785 sorts keys). */
export function canonicalPool(pool: readonly string[]): string[] {
  const sorted = [...pool].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) throw new CryptoError('MALFORMED_INPUT', `pool lists ${sorted[i]} twice`);
  }
  return sorted;
}

export function poolHash(pool: readonly string[]): string {
  return toHex(sm3(canonicalJson(canonicalPool(pool))));
}

function tooSmall(reason: string): never {
  throw new CryptoError('POOL_TOO_SMALL', reason);
}

export function draw(p: DrawParams): DrawResult {
  const pool = canonicalPool(p.pool);
  if (!Number.isInteger(p.count) || p.count < 0) throw new CryptoError('MALFORMED_INPUT', 'count must be a non-negative integer');
  const excluded = new Set(p.constraints?.exclude ?? []);
  let candidates = pool.filter((id) => !excluded.has(id));
  const group = p.constraints?.maxPerGroup;
  if (group) {
    if (!Number.isInteger(group.max) || group.max < 1) throw new CryptoError('MALFORMED_INPUT', 'maxPerGroup.max must be a positive integer');
    const sizes = new Map<string, number>();
    for (const id of candidates) {
      const g = group.groupOf[id];
      if (g === undefined) throw new CryptoError('MALFORMED_INPUT', `no group given for ${id}`);
      sizes.set(g, (sizes.get(g) ?? 0) + 1);
    }
    const reachable = [...sizes.values()].reduce((sum, n) => sum + Math.min(n, group.max), 0);
    if (reachable < p.count) tooSmall(`only ${reachable} can be drawn with at most ${group.max} per group, ${p.count} needed`);
  }
  if (candidates.length < p.count) tooSmall(`pool has ${candidates.length} eligible, ${p.count} needed`);

  const inputHash = toHex(
    sm3(
      canonicalJson({
        pool,
        count: p.count,
        exclude: [...excluded].sort(),
        maxPerGroup: group ? { max: group.max, groupOf: Object.fromEntries(pool.filter((id) => group.groupOf[id] !== undefined).map((id) => [id, group.groupOf[id]])) } : null,
      }),
    ),
  );
  const drbg = new Sm3CounterDrbg(p.seed);
  const selected: string[] = [];
  const perGroup = new Map<string, number>();
  while (selected.length < p.count) {
    if (candidates.length === 0) tooSmall('pool exhausted before the draw completed');
    const i = uniformBelow(candidates.length, () => drbg.nextUint32());
    const id = candidates[i]!;
    selected.push(id);
    candidates.splice(i, 1);
    if (group) {
      const g = group.groupOf[id]!;
      const n = (perGroup.get(g) ?? 0) + 1;
      perGroup.set(g, n);
      // Once a group is full its remaining members leave the candidate list (order kept).
      if (n >= group.max) candidates = candidates.filter((c) => group.groupOf[c] !== g);
    }
  }
  return { selected, poolHash: poolHash(pool), inputHash, seed: toHex(p.seed), wordsUsed: drbg.words };
}
