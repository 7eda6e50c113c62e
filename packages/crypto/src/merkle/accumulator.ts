/**
 * Appends leaves one by one and yields the root at any size with O(log n) memory: the stack of
 * perfect subtree roots (a "compact range"). This is how a verifier recomputes the head of a whole
 * log while streaming it, and how a writer knows the new root after an append.
 */
import { SM3_MERKLE, type MerkleHash } from './hashes.ts';

export class MerkleAccumulator {
  /** Roots of perfect subtrees, largest first; their sizes are the set bits of `size`. */
  private stack: { height: number; hash: Uint8Array }[] = [];
  size = 0;

  private readonly h: MerkleHash;

  constructor(h: MerkleHash = SM3_MERKLE) {
    this.h = h;
  }

  appendLeafHash(h: Uint8Array): void {
    let node = { height: 0, hash: h };
    while (this.stack.length && this.stack[this.stack.length - 1]!.height === node.height) {
      const left = this.stack.pop()!;
      node = { height: node.height + 1, hash: this.h.node(left.hash, node.hash) };
    }
    this.stack.push(node);
    this.size++;
  }

  /** MTH of all leaves appended so far. */
  root(): Uint8Array {
    if (this.stack.length === 0) return this.h.empty();
    let r = this.stack[this.stack.length - 1]!.hash;
    for (let i = this.stack.length - 2; i >= 0; i--) r = this.h.node(this.stack[i]!.hash, r);
    return r;
  }
}
