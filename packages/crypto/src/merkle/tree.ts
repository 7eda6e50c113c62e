/**
 * Tree heads and proof generation (RFC 9162 §2.1.2–2.1.4) over an abstract hash source, so the
 * server can keep leaves and interior nodes in PostgreSQL and serve proofs without loading the log.
 */
import { CryptoError } from '../errors.ts';
import { SM3_MERKLE, splitPoint, type MerkleHash } from './hashes.ts';

export interface TreeSource {
  /** Leaf hash (SM3(0x00 || entry)) of entry `index`. */
  leafHash(index: number): Promise<Uint8Array> | Uint8Array;
  /**
   * Optional cache: hash of the perfect subtree covering leaves [index·2^level, (index+1)·2^level),
   * or undefined when not stored. Lets a store answer in O(log n) lookups.
   */
  perfectSubtree?(level: number, index: number): Promise<Uint8Array | undefined> | Uint8Array | undefined;
}

function checkRange(start: number, end: number): void {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new CryptoError('MALFORMED_INPUT', `bad leaf range [${start}, ${end})`);
  }
}

/** MTH(D[start:end]). */
export async function subtreeRoot(src: TreeSource, start: number, end: number, h: MerkleHash = SM3_MERKLE): Promise<Uint8Array> {
  checkRange(start, end);
  const n = end - start;
  if (n === 0) return h.empty();
  if (n === 1) return src.leafHash(start);
  // An aligned power-of-two range is a stored interior node, if the source keeps them.
  if ((n & (n - 1)) === 0 && start % n === 0 && src.perfectSubtree) {
    const cached = await src.perfectSubtree(Math.log2(n), start / n);
    if (cached) return cached;
  }
  const k = splitPoint(n);
  return h.node(await subtreeRoot(src, start, start + k, h), await subtreeRoot(src, start + k, end, h));
}

export function treeRoot(src: TreeSource, size: number, h: MerkleHash = SM3_MERKLE): Promise<Uint8Array> {
  return subtreeRoot(src, 0, size, h);
}

/** PATH(m, D[start:end]) relative to the subtree. */
async function path(src: TreeSource, m: number, start: number, end: number, h: MerkleHash): Promise<Uint8Array[]> {
  const n = end - start;
  if (n <= 1) return [];
  const k = splitPoint(n);
  if (m < k) return [...(await path(src, m, start, start + k, h)), await subtreeRoot(src, start + k, end, h)];
  return [...(await path(src, m - k, start + k, end, h)), await subtreeRoot(src, start, start + k, h)];
}

export async function inclusionProof(src: TreeSource, index: number, size: number, h: MerkleHash = SM3_MERKLE): Promise<Uint8Array[]> {
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) throw new CryptoError('MALFORMED_INPUT', `leaf ${index} is not in a tree of size ${size}`);
  return path(src, index, 0, size, h);
}

/** SUBPROOF(m, D[start:end], b). */
async function subproof(src: TreeSource, m: number, start: number, end: number, b: boolean, h: MerkleHash): Promise<Uint8Array[]> {
  const n = end - start;
  if (m === n) return b ? [] : [await subtreeRoot(src, start, end, h)];
  const k = splitPoint(n);
  if (m <= k) return [...(await subproof(src, m, start, start + k, b, h)), await subtreeRoot(src, start + k, end, h)];
  return [...(await subproof(src, m - k, start + k, end, false, h)), await subtreeRoot(src, start, start + k, h)];
}

export async function consistencyProof(src: TreeSource, first: number, second: number, h: MerkleHash = SM3_MERKLE): Promise<Uint8Array[]> {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second) {
    throw new CryptoError('MALFORMED_INPUT', `no consistency proof from size ${first} to ${second}`);
  }
  if (first === 0 || first === second) return [];
  return subproof(src, first, 0, second, true, h);
}

/** A TreeSource over leaf hashes held in memory (tests, small logs, the CLI verifier). */
export function memorySource(leafHashes: readonly Uint8Array[]): TreeSource {
  return {
    leafHash(i) {
      const h = leafHashes[i];
      if (!h) throw new CryptoError('MALFORMED_INPUT', `no leaf ${i}`);
      return h;
    },
  };
}
