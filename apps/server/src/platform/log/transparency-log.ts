import {
  canonicalJson,
  consistencyProof,
  inclusionProof,
  leafHash,
  nodeHash,
  signTreeHead,
  toHex,
  treeRoot,
  type SignedTreeHead,
  type TreeSource,
} from '@bidhall/crypto';
import type { Clock } from '@bidhall/rules';
import type { Db } from '../db/database.ts';
import type { PlatformSigningKey } from '../keys/signing-key.ts';
import { logStore, type StoredNode } from './log-store.ts';

export const LOG_ID = 'bidhall-platform-log';
export const MAX_ENTRIES_PAGE = 5000;
export const LOG_HEAD_JOB = 'platform.log-sign-head';

/** Perfect subtrees covering [0, size): one per set bit of size, largest first. */
function compactRange(size: number): { level: number; index: number }[] {
  const range: { level: number; index: number }[] = [];
  let start = 0;
  for (let level = 52; level >= 0; level--) {
    const width = 2 ** level;
    if (size - start >= width) {
      range.push({ level, index: start / width });
      start += width;
    }
  }
  return range;
}

async function edgeNodes(store: ReturnType<typeof logStore>, edge: { level: number; index: number }[]): Promise<StoredNode[]> {
  const known = await store.nodes(edge);
  return edge.map((k) => {
    const hash = known.get(`${k.level}:${k.index}`);
    if (!hash) throw new Error(`log node ${k.level}:${k.index} is missing`);
    return { ...k, hash };
  });
}

const PLACEHOLDER = new Uint8Array(32);

/**
 * Runs a tree computation over the stored nodes with one read: a first pass over placeholders records
 * which nodes it asks for (every node of a completed range is stored, so it asks for no others), one
 * query fetches them, and the second pass computes; a node not found there (a log cut by hand) is read
 * on its own as before. A receipt's inclusion proof asked ~log2(n) point queries, one after the other.
 */
async function overStoredNodes<T>(store: ReturnType<typeof logStore>, compute: (src: TreeSource) => Promise<T>): Promise<T> {
  const wanted: { level: number; index: number }[] = [];
  await compute({
    leafHash: (index) => (wanted.push({ level: 0, index }), PLACEHOLDER),
    perfectSubtree: (level, index) => (wanted.push({ level, index }), PLACEHOLDER),
  });
  const known = await store.nodes(wanted);
  const stored = store.source();
  return compute({
    leafHash: (index) => known.get(`0:${index}`) ?? stored.leafHash(index),
    perfectSubtree: (level, index) => known.get(`${level}:${index}`) ?? stored.perfectSubtree!(level, index),
  });
}

export interface TransparencyLog {
  /** Appends entries in the caller's transaction; returns their indexes. */
  append(trx: Db, entries: object[]): Promise<number[]>;
  size(db: Db): Promise<number>;
  /**
   * The newest signed tree head, signing one for the current size when it has grown. With `covering`,
   * a head another caller is signing right now is taken when it includes that entry.
   */
  signedHead(db: Db, covering?: number): Promise<SignedTreeHead>;
  /** Kept heads, newest first; page with `beforeSize` (the smallest size of the previous page). */
  heads(db: Db, limit: number, beforeSize?: number): Promise<SignedTreeHead[]>;
  entries(db: Db, start: number, end: number): Promise<{ index: number; entry: string; appendedAt: Date }[]>;
  inclusionProof(db: Db, index: number, treeSize: number): Promise<string[]>;
  consistencyProof(db: Db, first: number, second: number): Promise<string[]>;
  readonly keyId: string;
  readonly publicKeyPem: string;
}

export function createTransparencyLog(deps: { clock: Clock; signingKey: PlatformSigningKey }): TransparencyLog {
  async function signHead(db: Db): Promise<SignedTreeHead> {
    const store = logStore(db);
    const [size, latest] = await Promise.all([store.size(), store.latestHead()]);
    if (latest && Number(latest.tree_size) === size) return latest.signed_head as SignedTreeHead;
    const root = await overStoredNodes(store, (src) => treeRoot(src, size));
    const at = deps.clock.now();
    const signed = signTreeHead({ logId: LOG_ID, treeSize: size, timestamp: at.getTime(), rootHash: toHex(root) }, deps.signingKey.key);
    // Two callers may sign the same size at once: the head kept is the one every caller gets.
    if (await store.insertHead(size, root, at, signed)) return signed;
    return ((await store.headOf(size))?.signed_head as SignedTreeHead | undefined) ?? signed;
  }

  // In a rush of receipts each would sign a head of its own: a head being signed is shared by the
  // callers (on the same database handle) whose entry it covers.
  let signing: { db: Db; head: Promise<SignedTreeHead> } | null = null;

  return {
    keyId: deps.signingKey.keyId,
    publicKeyPem: deps.signingKey.publicKeyPem,

    async append(trx, items) {
      const store = logStore(trx);
      const { size, frontier } = await store.lockFrontier();
      const edge = compactRange(size);
      const matches = frontier.length === edge.length && frontier.every((n, i) => n.level === edge[i]!.level && n.index === edge[i]!.index);
      // The nodes of the compact range, largest first; after the new leaves are pushed, the new frontier.
      // A size set by hand (a restore, an operator) has no matching frontier: its nodes are read instead.
      const stack = matches ? [...frontier] : await edgeNodes(store, edge);
      const at = deps.clock.now();
      const rows: { index: number; entry: string; at: Date }[] = [];
      const nodes: StoredNode[] = [];
      items.forEach((item, offset) => {
        const index = size + offset;
        const bytes = canonicalJson({ ...item, logIndex: index });
        rows.push({ index, entry: new TextDecoder().decode(bytes), at });
        let node = { level: 0, index, hash: leafHash(bytes) };
        nodes.push(node);
        while (stack.length && stack[stack.length - 1]!.level === node.level) {
          const left = stack.pop()!;
          node = { level: node.level + 1, index: left.index / 2, hash: nodeHash(left.hash, node.hash) };
          nodes.push(node);
        }
        stack.push(node);
      });
      await store.append(rows, nodes, size + items.length, stack);
      return rows.map((r) => r.index);
    },

    size: (db) => logStore(db).size(),

    async signedHead(db, covering) {
      const pending = signing;
      if (covering !== undefined && pending?.db === db) {
        const head = await pending.head.catch(() => null);
        if (head && head.treeSize > covering) return head;
      }
      const mine = { db, head: signHead(db) };
      signing = mine;
      try {
        return await mine.head;
      } finally {
        if (signing === mine) signing = null;
      }
    },

    async heads(db, limit, beforeSize) {
      return (await logStore(db).heads(limit, beforeSize)).map((r) => r.signed_head as SignedTreeHead);
    },

    entries: (db, start, end) => logStore(db).entries(start, Math.min(end, start + MAX_ENTRIES_PAGE)),

    async inclusionProof(db, index, treeSize) {
      return (await overStoredNodes(logStore(db), (src) => inclusionProof(src, index, treeSize))).map(toHex);
    },

    async consistencyProof(db, first, second) {
      return (await overStoredNodes(logStore(db), (src) => consistencyProof(src, first, second))).map(toHex);
    },
  };
}
