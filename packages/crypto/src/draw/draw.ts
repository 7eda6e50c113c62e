/**
 * Verifiable draws (experts, inspection targets, invitees, coefficients): the organiser commits to a
 * secret (its SM3 hash is logged first), the seed is SM3(secret || a public log root that did not
 * exist at commit time), and the selection is a deterministic function of the seed, the pool
 * snapshot, the count and the constraints. docs/draw-format.md specifies every step; the vectors in
 * packages/crypto/test-vectors/draw-v1.json pin them.
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
  /** Hex SM3 of the canonical constraints: logged before the draw. */
  constraintsHash: string;
  /** Hex SM3 of the selection in draw order: logged when the draw is performed. */
  selectedHash: string;
  seed: string;
  /** DRBG words consumed (rejections included), for the audit record. */
  wordsUsed: number;
}

const compareUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * An id or group name: a non-empty string of Unicode scalar values. A lone surrogate has no UTF-8
 * form, so two such strings could hash alike while sorting apart; they are refused.
 */
function assertName(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string' || value.length === 0 || !value.isWellFormed()) {
    throw new CryptoError('MALFORMED_INPUT', `${what} must be a non-empty string of Unicode characters`);
  }
}

/** The pool in canonical order: unique ids sorted by UTF-16 code units (as RFC 8785 sorts keys). */
export function canonicalPool(pool: readonly string[]): string[] {
  for (const id of pool) assertName(id, 'a pool id');
  const sorted = [...pool].sort(compareUnits);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) throw new CryptoError('MALFORMED_INPUT', `pool lists ${sorted[i]} twice`);
  }
  return sorted;
}

export function poolHash(pool: readonly string[]): string {
  return toHex(sm3(canonicalJson(canonicalPool(pool))));
}

/** Hex SM3 of the selection in draw order (the `selectedHash` of the log). */
export function selectionHash(selected: readonly string[]): string {
  return toHex(sm3(canonicalJson(selected)));
}

/** What the constraints of a draw are, in the one form that is hashed, published and drawn from. */
export interface CanonicalConstraints {
  /** Sorted like the pool, without repeats; absent when empty. */
  exclude?: string[];
  /** `groupOf` holds exactly the eligible pool ids (the pool minus `exclude`). */
  maxPerGroup?: { groupOf: Record<string, string>; max: number };
}

/**
 * The canonical constraints of a draw from `pool`: what the platform logs (as `constraintsHash`) at
 * commitment and publishes at the reveal. Refuses a group missing for an eligible id.
 */
export function canonicalConstraints(pool: readonly string[], constraints: DrawConstraints = {}): CanonicalConstraints {
  const ids = canonicalPool(pool);
  const out: CanonicalConstraints = {};
  const excluded = new Set<string>();
  for (const id of constraints.exclude ?? []) {
    assertName(id, 'an excluded id');
    excluded.add(id);
  }
  if (excluded.size > 0) out.exclude = [...excluded].sort(compareUnits);
  const group = constraints.maxPerGroup;
  if (group) {
    if (!Number.isSafeInteger(group.max) || group.max < 1) throw new CryptoError('MALFORMED_INPUT', 'maxPerGroup.max must be a positive integer');
    const groupOf: Record<string, string> = {};
    for (const id of ids) {
      if (excluded.has(id)) continue;
      // Own properties only: an id such as "constructor" must not find Object.prototype's.
      const g = Object.hasOwn(group.groupOf, id) ? group.groupOf[id] : undefined;
      if (g === undefined) throw new CryptoError('MALFORMED_INPUT', `no group given for ${id}`);
      assertName(g, `the group of ${id}`);
      Object.defineProperty(groupOf, id, { value: g, enumerable: true, writable: true, configurable: true });
    }
    out.maxPerGroup = { groupOf, max: group.max };
  }
  return out;
}

/** Hex SM3 of the RFC 8785 form of the constraints as given (the platform gives the canonical ones). */
export function constraintsHash(constraints: CanonicalConstraints | DrawConstraints): string {
  return toHex(sm3(canonicalJson(constraints)));
}

function tooSmall(reason: string): never {
  throw new CryptoError('POOL_TOO_SMALL', reason);
}

/**
 * Everything about a draw that does not depend on the seed: the canonical pool and constraints, the
 * eligible candidates in pool order, and the refusal when `count` cannot be reached. Run at
 * commitment, so that an impossible draw is refused before anything is logged.
 */
export function prepareDraw(pool: readonly string[], count: number, constraints: DrawConstraints = {}) {
  const ids = canonicalPool(pool);
  if (!Number.isSafeInteger(count) || count < 0) throw new CryptoError('MALFORMED_INPUT', 'count must be a non-negative integer');
  const canonical = canonicalConstraints(ids, constraints);
  const excluded = new Set(canonical.exclude ?? []);
  const candidates = ids.filter((id) => !excluded.has(id));
  const group = canonical.maxPerGroup;
  if (group) {
    const sizes = new Map<string, number>();
    for (const id of candidates) sizes.set(group.groupOf[id]!, (sizes.get(group.groupOf[id]!) ?? 0) + 1);
    const reachable = [...sizes.values()].reduce((sum, n) => sum + Math.min(n, group.max), 0);
    if (reachable < count) tooSmall(`only ${reachable} can be drawn with at most ${group.max} per group, ${count} needed`);
  }
  if (candidates.length < count) tooSmall(`pool has ${candidates.length} eligible, ${count} needed`);
  return { pool: ids, count, constraints: canonical, candidates };
}

/**
 * Draws `count` ids one at a time, each uniformly among the candidates still eligible (rejection
 * sampling on the DRBG's 32-bit words); a group that reaches its maximum leaves the candidates.
 */
export function draw(p: DrawParams): DrawResult {
  const prepared = prepareDraw(p.pool, p.count, p.constraints);
  let candidates = prepared.candidates;
  const group = prepared.constraints.maxPerGroup;
  const drbg = new Sm3CounterDrbg(p.seed);
  const selected: string[] = [];
  const perGroup = new Map<string, number>();
  while (selected.length < p.count) {
    // Unreachable after prepareDraw's count check; kept so a logic error cannot loop forever.
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
  return {
    selected,
    poolHash: poolHash(prepared.pool),
    constraintsHash: constraintsHash(prepared.constraints),
    selectedHash: selectionHash(selected),
    seed: toHex(p.seed),
    wordsUsed: drbg.words,
  };
}
