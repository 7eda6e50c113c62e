/**
 * Holding the log to a head seen earlier (RFC 9162 §2.1.4): the newer head must extend the saved one.
 * A smaller tree is a rollback, the same size with another root a fork, and a larger tree whose
 * consistency proof fails a rewritten history. This is what `bidhall log verify --since` and a
 * witness check on every poll.
 */
import type { PublicKey } from '../keys/key-types.ts';
import { verifyTreeHead, type SignedTreeHead } from '../merkle/tree-head.ts';
import { verifyConsistency } from '../merkle/verify.ts';
import { fromHex } from '../util/bytes.ts';
import { HEX64, reasonOf } from './checks.ts';
import type { LogSource } from './source.ts';

export type HeadFailure = 'savedSignature' | 'currentSignature' | 'otherLog' | 'rollback' | 'fork' | 'badProof';

export type HeadVerdict =
  | { ok: true; saved: SignedTreeHead; current: SignedTreeHead; grown: boolean }
  | { ok: false; reason: HeadFailure; values: Record<string, string | number>; message: string };

const fail = (reason: HeadFailure, values: Record<string, string | number>, message: string): HeadVerdict => ({
  ok: false,
  reason,
  values,
  message,
});

/** Both heads signed by `key`, of one log, the current one extending the saved one by `proof`. */
export function judgeHeads(
  saved: SignedTreeHead,
  current: SignedTreeHead,
  proof: readonly string[] | undefined,
  key: PublicKey,
): HeadVerdict {
  let savedRoot: Uint8Array;
  let currentRoot: Uint8Array;
  try {
    savedRoot = verifyTreeHead(saved, key);
  } catch (err) {
    return fail(
      'savedSignature',
      { size: saved.treeSize },
      `the saved head of size ${saved.treeSize} is not signed by the log key: ${reasonOf(err)}`,
    );
  }
  try {
    currentRoot = verifyTreeHead(current, key);
  } catch (err) {
    return fail(
      'currentSignature',
      { size: current.treeSize },
      `the current head of size ${current.treeSize} is not signed by the log key: ${reasonOf(err)}`,
    );
  }
  if (saved.logId !== current.logId) {
    return fail(
      'otherLog',
      { saved: saved.logId, current: current.logId },
      `the saved head is of log ${saved.logId}, the server's of log ${current.logId}`,
    );
  }
  const values = { saved: saved.treeSize, current: current.treeSize };
  if (current.treeSize < saved.treeSize) {
    return fail(
      'rollback',
      values,
      `ROLLBACK: the log now has ${current.treeSize} entries, but a head signed earlier has ${saved.treeSize}`,
    );
  }
  if (current.treeSize === saved.treeSize) {
    if (current.rootHash !== saved.rootHash) {
      return fail(
        'fork',
        values,
        `FORK: two signed heads of size ${saved.treeSize} have different roots (${saved.rootHash} and ${current.rootHash})`,
      );
    }
    return { ok: true, saved, current, grown: false };
  }
  const hashes = proof ?? [];
  const ok =
    hashes.every((h) => HEX64.test(h)) &&
    verifyConsistency(saved.treeSize, current.treeSize, savedRoot, currentRoot, hashes.map(fromHex));
  if (!ok) {
    return fail(
      'badProof',
      values,
      `INCONSISTENT: the tree of size ${current.treeSize} does not extend the saved tree of size ${saved.treeSize}; history was rewritten`,
    );
  }
  return { ok: true, saved, current, grown: true };
}

/** Fetches the current head and, when it is larger, the consistency proof; then judges. */
export async function checkSince(
  saved: SignedTreeHead,
  source: Pick<LogSource, 'treeHead' | 'consistencyProof'>,
  key: PublicKey,
): Promise<HeadVerdict> {
  const current = await source.treeHead();
  return checkHeads(saved, current, source, key);
}

/** Judges a head already fetched against the saved one, fetching the proof only when it is needed. */
export async function checkHeads(
  saved: SignedTreeHead,
  current: SignedTreeHead,
  source: Pick<LogSource, 'consistencyProof'>,
  key: PublicKey,
): Promise<HeadVerdict> {
  const needsProof = current.treeSize > saved.treeSize && saved.treeSize > 0;
  const proof = needsProof ? await source.consistencyProof(saved.treeSize, current.treeSize) : [];
  return judgeHeads(saved, current, proof, key);
}
