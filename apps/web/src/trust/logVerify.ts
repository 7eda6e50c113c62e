// Verification of the public log in the browser (F-08, F-27), trusting nothing but the log's public
// key: adapted from apps/cli/src/log-verify.ts. A receipt is checked offline (tree head signature,
// inclusion proof, timestamp token); the whole log is re-hashed page by page against every signed head.
import {
  fromHex,
  keyId,
  leafHash,
  MerkleAccumulator,
  publicKeyFromPem,
  rootFromInclusionProof,
  sha256,
  sm3,
  toHex,
  utf8,
  equalBytes,
  verifyJson,
  verifyTreeHead,
  type PublicKey,
  type SignedTreeHead,
} from '@bidhall/crypto/browser';
import { LOG_ENTRIES_PAGE, logApi, type LogReceipt, type TimestampToken } from '../api/log.ts';
import { formatBeijing, formatTime } from '../format.ts';
import { failed, passed, reasonOf, shortHex, skipped, type Check } from './checks.ts';

const HEX64 = /^[0-9a-f]{64}$/;
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isSignature(v: unknown): boolean {
  return isObject(v) && typeof v.alg === 'string' && typeof v.keyId === 'string' && typeof v.sig === 'string';
}

function isTreeHead(v: unknown): v is SignedTreeHead {
  return (
    isObject(v) &&
    typeof v.logId === 'string' &&
    isInt(v.treeSize) &&
    isInt(v.timestamp) &&
    typeof v.rootHash === 'string' &&
    isSignature(v.signature)
  );
}

/** The receipt's shape, or what is wrong with it. */
function readReceipt(v: unknown): LogReceipt | string {
  if (!isObject(v)) return 'not a JSON object';
  if (!isInt(v.index)) return '"index" must be a non-negative integer';
  if (typeof v.entry !== 'string') return '"entry" must be the entry\'s JSON text';
  if (!isTreeHead(v.treeHead)) return '"treeHead" is not a signed tree head';
  if (!Array.isArray(v.auditPath) || !v.auditPath.every((h) => typeof h === 'string' && HEX64.test(h))) {
    return '"auditPath" must be a list of 64-digit hex hashes';
  }
  return v as unknown as LogReceipt;
}

/** The stamped fields of a timestamp token, as the time authority signed them. */
function unsignedToken(t: TimestampToken) {
  return {
    version: t.version,
    hashAlg: t.hashAlg,
    messageImprint: t.messageImprint,
    genTime: t.genTime,
    serial: t.serial,
    tsa: t.tsa,
  };
}

function entryPosition(index: number, entry: string): Check {
  let parsed: unknown;
  try {
    parsed = JSON.parse(entry);
  } catch {
    return failed('entryPosition', 'notJson', { index });
  }
  const claimed = isObject(parsed) ? parsed.logIndex : undefined;
  if (claimed !== index) return failed('entryPosition', 'moved', { index, claimed: String(claimed) });
  return passed('entryPosition', { index });
}

function timestampCheck(token: unknown, entry: string, key: PublicKey | undefined): Check {
  if (!isObject(token) || !isSignature(token.signature) || typeof token.messageImprint !== 'string') {
    return failed('timestamp', 'missing');
  }
  const t = token as unknown as TimestampToken;
  const imprint = t.hashAlg === 'SHA-256' ? toHex(sha256(utf8(entry))) : toHex(sm3(utf8(entry)));
  if (t.messageImprint.toLowerCase() !== imprint) return failed('timestamp', 'imprint', { alg: t.hashAlg });
  if (!key) return skipped('timestamp');
  try {
    if (!verifyJson(unsignedToken(t), t.signature, key)) return failed('timestamp', 'signature', { tsa: shortHex(t.tsa) });
  } catch (err) {
    return failed('timestamp', 'signature', { tsa: shortHex(t.tsa) }, err);
  }
  return passed('timestamp', { time: formatTime(t.genTime, true), alg: t.hashAlg, serial: t.serial });
}

export interface ReceiptResult {
  ok: boolean;
  checks: Check[];
  receipt?: LogReceipt;
}

/**
 * Checks a receipt (GET /api/v1/log/receipt) with nothing but the log key: the head is signed by the
 * key, the entry sits at its index, the audit path leads from the entry to the signed root, and the
 * timestamp token stamps this entry's hash under the same key.
 */
export function verifyReceipt(input: unknown, keyPem: string): ReceiptResult {
  const checks: Check[] = [];
  let key: PublicKey | undefined;
  try {
    key = publicKeyFromPem(keyPem);
    checks.push(passed('logKey', { keyId: shortHex(keyId(key)) }));
  } catch (err) {
    checks.push(failed('logKey', 'failed', {}, err));
  }

  const receipt = readReceipt(input);
  if (typeof receipt === 'string') {
    checks.push(failed('receiptFormat', 'failed', {}, new Error(receipt)));
    checks.push(...['treeHead', 'entryPosition', 'inclusion', 'timestamp'].map(skipped));
    return { ok: false, checks };
  }
  const head = receipt.treeHead;
  checks.push(passed('receiptFormat', { index: receipt.index, size: head.treeSize }));

  if (!key) checks.push(skipped('treeHead'));
  else {
    try {
      verifyTreeHead(head, key);
      checks.push(
        passed('treeHead', { size: head.treeSize, time: formatBeijing(head.timestamp), root: shortHex(head.rootHash) }),
      );
    } catch (err) {
      checks.push(failed('treeHead', 'failed', { size: head.treeSize }, err));
    }
  }

  if (receipt.index >= head.treeSize)
    checks.push(failed('entryPosition', 'beyond', { index: receipt.index, size: head.treeSize }));
  else checks.push(entryPosition(receipt.index, receipt.entry));

  const root = HEX64.test(head.rootHash) ? fromHex(head.rootHash) : undefined;
  const computed = rootFromInclusionProof(
    leafHash(utf8(receipt.entry)),
    receipt.index,
    head.treeSize,
    receipt.auditPath.map((h) => fromHex(h)),
  );
  checks.push(
    computed && root && equalBytes(computed, root)
      ? passed('inclusion', { index: receipt.index, size: head.treeSize, steps: receipt.auditPath.length })
      : failed('inclusion', 'failed', { index: receipt.index, size: head.treeSize }),
  );

  checks.push(timestampCheck((input as Record<string, unknown>).timestamp, receipt.entry, key));
  return { ok: checks.every((c) => c.status === 'ok'), checks, receipt };
}

/** Why the whole log did not verify: a key under `verify.log.failures`, with values. */
export class LogFailure extends Error {
  constructor(
    readonly reason: 'key' | 'headSignature' | 'fork' | 'rootMismatch' | 'missing' | 'moved' | 'notJson' | 'shortPage',
    readonly values: Record<string, string | number> = {},
    readonly detail?: string,
  ) {
    super(reason);
    this.name = 'LogFailure';
  }
}

export interface LogProgress {
  done: number;
  total: number;
  heads: number;
  elapsedMs: number;
}

export interface LogResult {
  entries: number;
  heads: number;
  rootHash: string;
  keyId: string;
  elapsedMs: number;
}

/** The entry's own record of its position must match where it was served: reordering shows here. */
function leafOf(index: number, entry: string): Uint8Array {
  let parsed: unknown;
  try {
    parsed = JSON.parse(entry);
  } catch {
    throw new LogFailure('notJson', { index });
  }
  const claimed = isObject(parsed) ? parsed.logIndex : undefined;
  if (claimed !== index) throw new LogFailure('moved', { index, claimed: String(claimed) });
  return leafHash(utf8(entry));
}

const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Verifies the whole log: every signed tree head (up to the newest 1000 the server lists, and the
 * current one) is checked against the root recomputed from the entries while they stream by, so a
 * changed, deleted, inserted or reordered entry anywhere before the newest head is found. Throws
 * LogFailure when the log does not verify, ApiError when the server cannot be read.
 */
export async function verifyWholeLog(options: {
  keyPem: string;
  onProgress?: (p: LogProgress) => void;
  signal?: AbortSignal;
}): Promise<LogResult> {
  const started = performance.now();
  let key: PublicKey;
  try {
    key = publicKeyFromPem(options.keyPem);
  } catch (err) {
    throw new LogFailure('key', {}, reasonOf(err));
  }
  const [latest, history] = await Promise.all([logApi.treeHead(), logApi.treeHeads(1000)]);
  const heads = [...history, latest].sort((a, b) => a.treeSize - b.treeSize);
  const roots = new Map<number, string>();
  for (const head of heads) {
    let root: Uint8Array;
    try {
      root = verifyTreeHead(head, key);
    } catch (err) {
      throw new LogFailure('headSignature', { size: head.treeSize }, reasonOf(err));
    }
    const seen = roots.get(head.treeSize);
    if (seen !== undefined && seen !== toHex(root)) throw new LogFailure('fork', { size: head.treeSize });
    roots.set(head.treeSize, toHex(root));
  }

  const total = latest.treeSize;
  const progress = (done: number) =>
    options.onProgress?.({ done, total, heads: roots.size, elapsedMs: performance.now() - started });
  const acc = new MerkleAccumulator();
  const check = () => {
    const expected = roots.get(acc.size);
    if (expected !== undefined && expected !== toHex(acc.root())) throw new LogFailure('rootMismatch', { size: acc.size });
  };
  check();
  progress(0);
  for (let start = 0; start < total; start += LOG_ENTRIES_PAGE) {
    options.signal?.throwIfAborted();
    const end = Math.min(start + LOG_ENTRIES_PAGE, total);
    const page = await logApi.entries(start, end);
    if (page.length !== end - start) throw new LogFailure('shortPage', { start, end: end - 1, served: page.length });
    for (let i = 0; i < page.length; i++) {
      const item = page[i]!;
      if (item.index !== start + i) throw new LogFailure('missing', { index: start + i });
      acc.appendLeafHash(leafOf(item.index, item.entry));
      check();
      // Let the page paint the progress now and then.
      if ((i + 1) % 250 === 0) {
        progress(start + i + 1);
        await nextTick();
        options.signal?.throwIfAborted();
      }
    }
    progress(end);
  }
  return {
    entries: total,
    heads: roots.size,
    rootHash: latest.rootHash,
    keyId: keyId(key),
    elapsedMs: performance.now() - started,
  };
}
