/**
 * Proof verification exactly as RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency) specify,
 * pure and synchronous so a verifier (CLI, browser) needs nothing but the proof and the tree heads.
 */
import { equalBytes } from '../util/bytes.ts';
import { HASH_SIZE, SM3_MERKLE, type MerkleHash } from './hashes.ts';

function validHashes(proof: readonly Uint8Array[]): boolean {
  return proof.every((p) => p.length === HASH_SIZE);
}

/** Recomputes the root from a leaf hash and its audit path, or null if the path is malformed. */
export function rootFromInclusionProof(
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  h: MerkleHash = SM3_MERKLE,
): Uint8Array | null {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size || !validHashes(proof)) return null;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = h.node(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = h.node(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
  h: MerkleHash = SM3_MERKLE,
): boolean {
  const r = rootFromInclusionProof(leaf, index, size, proof, h);
  return r !== null && equalBytes(r, root);
}

/** True when the tree of size `first` with root `firstRoot` is a prefix of the tree of size `second`. */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
  proof: readonly Uint8Array[],
  h: MerkleHash = SM3_MERKLE,
): boolean {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second || !validHashes(proof)) return false;
  if (first === second) return proof.length === 0 && equalBytes(firstRoot, secondRoot);
  if (first === 0) return proof.length === 0; // every tree extends the empty tree
  let path = [...proof];
  // If first is a power of two the proof omits its root; it is the first node.
  if ((first & (first - 1)) === 0) path = [firstRoot, ...path];
  if (path.length === 0) return false;
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = h.node(c, fr);
      sr = h.node(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = h.node(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalBytes(fr, firstRoot) && equalBytes(sr, secondRoot);
}
