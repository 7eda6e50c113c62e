/**
 * Verifies the whole log: every signed tree head the log ever issued is checked against the root
 * recomputed from the entries while they stream by, so a changed, deleted, inserted or reordered
 * entry anywhere before the newest head is found.
 */
import { keyId } from '../keys/key-id.ts';
import type { PublicKey } from '../keys/key-types.ts';
import { MerkleAccumulator } from '../merkle/accumulator.ts';
import { leafHash } from '../merkle/hashes.ts';
import { verifyTreeHead, type SignedTreeHead } from '../merkle/tree-head.ts';
import { toHex, utf8 } from '../util/bytes.ts';
import { reasonOf } from './checks.ts';
import { entryPositionCheck } from './receipt.ts';
import { LOG_ENTRIES_PAGE, LOG_HEADS_PAGE, type LogSource } from './source.ts';

export type LogFailureReason = 'key' | 'headSignature' | 'fork' | 'rootMismatch' | 'missing' | 'moved' | 'notJson' | 'shortPage';

/** Why the log does not verify: `reason` and `values` for a translated text, `message` in English. */
export class LogFailure extends Error {
  constructor(
    readonly reason: LogFailureReason,
    readonly values: Record<string, string | number>,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'LogFailure';
  }
}

export interface LogProgress {
  done: number;
  total: number;
  heads: number;
}

export interface WholeLogResult {
  entries: number;
  heads: number;
  rootHash: string;
  keyId: string;
}

/** Every head the log kept, page by page, and the newest. */
export async function allHeads(source: LogSource): Promise<{ latest: SignedTreeHead; heads: SignedTreeHead[] }> {
  const latest = await source.treeHead();
  const history: SignedTreeHead[] = [];
  for (let before: number | undefined; ;) {
    const page = await source.treeHeads(LOG_HEADS_PAGE, before);
    history.push(...page);
    if (page.length < LOG_HEADS_PAGE) break;
    before = page[page.length - 1]!.treeSize;
  }
  return { latest, heads: [...history, latest].sort((a, b) => a.treeSize - b.treeSize) };
}

/** Throws LogFailure when the log does not verify; the source's own errors when it cannot be read. */
export async function verifyWholeLog(
  source: LogSource,
  key: PublicKey,
  options: { onProgress?: (p: LogProgress) => void | Promise<void>; signal?: AbortSignal; progressEvery?: number } = {},
): Promise<WholeLogResult> {
  const { latest, heads } = await allHeads(source);
  const roots = new Map<number, string>();
  for (const head of heads) {
    let root: string;
    try {
      root = toHex(verifyTreeHead(head, key));
    } catch (err) {
      throw new LogFailure(
        'headSignature',
        { size: head.treeSize },
        `tree head of size ${head.treeSize}: ${reasonOf(err)}`,
        reasonOf(err),
      );
    }
    const seen = roots.get(head.treeSize);
    if (seen !== undefined && seen !== root) {
      throw new LogFailure('fork', { size: head.treeSize }, `two signed heads of size ${head.treeSize} disagree: the log forked`);
    }
    roots.set(head.treeSize, root);
  }

  const total = latest.treeSize;
  const every = options.progressEvery ?? 250;
  const acc = new MerkleAccumulator();
  const check = () => {
    const expected = roots.get(acc.size);
    if (expected !== undefined && expected !== toHex(acc.root())) {
      throw new LogFailure(
        'rootMismatch',
        { size: acc.size },
        `entries 0…${acc.size - 1} do not hash to the signed root of size ${acc.size}: the log was changed`,
      );
    }
  };
  check();
  await options.onProgress?.({ done: 0, total, heads: roots.size });
  for (let start = 0; start < total; start += LOG_ENTRIES_PAGE) {
    options.signal?.throwIfAborted();
    const end = Math.min(start + LOG_ENTRIES_PAGE, total);
    const page = await source.entries(start, end);
    if (page.length !== end - start) {
      throw new LogFailure(
        'shortPage',
        { start, end: end - 1, served: page.length },
        `entries ${start}…${end - 1}: ${page.length} served, ${end - start} expected`,
      );
    }
    for (let i = 0; i < page.length; i++) {
      const item = page[i]!;
      if (item.index !== start + i) throw new LogFailure('missing', { index: start + i }, `entry ${start + i} is missing`);
      const position = entryPositionCheck(item.index, item.entry);
      if (position.status !== 'ok')
        throw new LogFailure(position.detail as 'moved' | 'notJson', position.values ?? {}, position.message!);
      acc.appendLeafHash(leafHash(utf8(item.entry)));
      check();
      if ((i + 1) % every === 0) {
        await options.onProgress?.({ done: start + i + 1, total, heads: roots.size });
        options.signal?.throwIfAborted();
      }
    }
    await options.onProgress?.({ done: end, total, heads: roots.size });
  }
  return { entries: total, heads: roots.size, rootHash: latest.rootHash, keyId: keyId(key) };
}
