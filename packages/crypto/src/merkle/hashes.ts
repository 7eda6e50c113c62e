/**
 * RFC 9162 §2.1.1 hashing: leaves and interior nodes get distinct one-byte prefixes. The platform log
 * uses SM3; the hash is a parameter only so the algorithms can be checked against the published
 * SHA-256 reference roots.
 */
import { createHash, type HashAlg } from '../hash/hash.ts';

export const HASH_SIZE = 32;

export interface MerkleHash {
  /** MTH({}) = HASH(""). */
  empty(): Uint8Array;
  /** HASH(0x00 || entry). */
  leaf(entry: Uint8Array): Uint8Array;
  /** HASH(0x01 || left || right). */
  node(left: Uint8Array, right: Uint8Array): Uint8Array;
}

const LEAF_PREFIX = Uint8Array.of(0);
const NODE_PREFIX = Uint8Array.of(1);

export function merkleHash(alg: HashAlg): MerkleHash {
  return {
    empty: () => createHash(alg).digest(),
    leaf: (entry) => createHash(alg).update(LEAF_PREFIX).update(entry).digest(),
    node: (left, right) => createHash(alg).update(NODE_PREFIX).update(left).update(right).digest(),
  };
}

export const SM3_MERKLE: MerkleHash = merkleHash('sm3');

export function leafHash(entry: Uint8Array): Uint8Array {
  return SM3_MERKLE.leaf(entry);
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return SM3_MERKLE.node(left, right);
}

export function emptyRoot(): Uint8Array {
  return SM3_MERKLE.empty();
}

/** The largest power of two strictly smaller than n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
