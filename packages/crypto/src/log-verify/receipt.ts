/**
 * A log receipt (GET /api/v1/log/receipt) checked with nothing but the log's public key: the head is
 * signed by the key, the entry records its own index, the audit path leads from the entry to the
 * signed root, and the timestamp token stamps this entry's hash under the same key.
 */
import { sha256, sm3 } from '../hash/hash.ts';
import { keyId } from '../keys/key-id.ts';
import type { PublicKey } from '../keys/key-types.ts';
import { publicKeyFromPem } from '../keys/pkcs8.ts';
import { leafHash } from '../merkle/hashes.ts';
import { verifyTreeHead, type SignedTreeHead } from '../merkle/tree-head.ts';
import { rootFromInclusionProof } from '../merkle/verify.ts';
import { verifyJson, type JsonSignature } from '../sig/json-signature.ts';
import { equalBytes, fromHex, toHex, utf8 } from '../util/bytes.ts';
import { allPassed, failed, HEX64, isIndex, isObject, passed, skipped, type Check } from './checks.ts';

export interface TimestampToken {
  version: 1;
  hashAlg: 'SM3' | 'SHA-256';
  messageImprint: string;
  genTime: string;
  serial: string;
  tsa: string;
  signature: JsonSignature;
}

export interface LogReceipt {
  index: number;
  /** The entry's exact canonical JSON text, as hashed into the log. */
  entry: string;
  treeHead: SignedTreeHead;
  auditPath: string[];
  timestamp?: TimestampToken;
}

export interface ReceiptResult {
  ok: boolean;
  checks: Check[];
  receipt?: LogReceipt;
}

function isSignature(v: unknown): v is JsonSignature {
  return isObject(v) && typeof v.alg === 'string' && typeof v.keyId === 'string' && typeof v.sig === 'string';
}

export function isSignedTreeHead(v: unknown): v is SignedTreeHead {
  return (
    isObject(v) &&
    typeof v.logId === 'string' &&
    isIndex(v.treeSize) &&
    isIndex(v.timestamp) &&
    typeof v.rootHash === 'string' &&
    isSignature(v.signature)
  );
}

/** The receipt's shape, or what is wrong with it. */
export function readLogReceipt(v: unknown): LogReceipt | string {
  if (!isObject(v)) return 'not a JSON object';
  if (!isIndex(v.index)) return '"index" must be a non-negative integer';
  if (typeof v.entry !== 'string') return '"entry" must be the entry\'s JSON text';
  if (!isSignedTreeHead(v.treeHead)) return '"treeHead" is not a signed tree head';
  if (!Array.isArray(v.auditPath) || !v.auditPath.every((h) => typeof h === 'string' && HEX64.test(h))) {
    return '"auditPath" must be a list of 64-digit hex hashes';
  }
  return v as unknown as LogReceipt;
}

/** The entry must record the index it is served at: a reordered log shows here. */
export function entryPositionCheck(index: number, entry: string): Check {
  let parsed: unknown;
  try {
    parsed = JSON.parse(entry);
  } catch {
    return failed('entryPosition', 'notJson', { index }, `entry ${index} is not JSON`);
  }
  const claimed = isObject(parsed) ? parsed.logIndex : undefined;
  if (claimed !== index) {
    return failed(
      'entryPosition',
      'moved',
      { index, claimed: String(claimed) },
      `entry ${index} says it is entry ${String(claimed)}: the log was reordered`,
    );
  }
  return passed('entryPosition', { index });
}

export function treeHeadCheck(head: SignedTreeHead, key: PublicKey, id = 'treeHead'): Check {
  try {
    verifyTreeHead(head, key);
    return passed(id, { size: head.treeSize, time: head.timestamp, root: head.rootHash });
  } catch (err) {
    return failed(
      id,
      'failed',
      { size: head.treeSize },
      `the tree head of size ${head.treeSize} is not signed by the log key`,
      err,
    );
  }
}

/** The audit path leads from the entry to the head's root (the head's signature is checked apart). */
export function inclusionCheck(index: number, entry: string, head: SignedTreeHead, auditPath: readonly string[]): Check {
  const values = { index, size: head.treeSize, steps: auditPath.length };
  const message = `entry ${index} is not in the signed tree of size ${head.treeSize}`;
  if (index >= head.treeSize) return failed('inclusion', 'failed', values, message);
  if (!HEX64.test(head.rootHash) || !auditPath.every((h) => HEX64.test(h))) return failed('inclusion', 'failed', values, message);
  const computed = rootFromInclusionProof(leafHash(utf8(entry)), index, head.treeSize, auditPath.map(fromHex));
  return computed && equalBytes(computed, fromHex(head.rootHash))
    ? passed('inclusion', values)
    : failed('inclusion', 'failed', values, message);
}

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

export function timestampCheck(token: unknown, entry: string, key: PublicKey | undefined): Check {
  if (!isObject(token) || !isSignature(token.signature) || typeof token.messageImprint !== 'string') {
    return failed('timestamp', 'missing', {}, 'the receipt has no timestamp token');
  }
  const t = token as unknown as TimestampToken;
  const imprint = t.hashAlg === 'SHA-256' ? toHex(sha256(utf8(entry))) : toHex(sm3(utf8(entry)));
  if (t.messageImprint.toLowerCase() !== imprint) {
    return failed('timestamp', 'imprint', { alg: t.hashAlg }, `the timestamp's ${t.hashAlg} digest is not the entry's`);
  }
  if (!key) return skipped('timestamp');
  let ok = false;
  let error: unknown;
  try {
    ok = verifyJson(unsignedToken(t), t.signature, key);
  } catch (err) {
    error = err;
  }
  if (!ok) return failed('timestamp', 'signature', { tsa: t.tsa }, 'the timestamp is not signed by the log key', error);
  return passed('timestamp', { time: t.genTime, alg: t.hashAlg, serial: t.serial });
}

/** Checks a receipt offline. `keyPem` is the only thing trusted. */
export function checkLogReceipt(input: unknown, keyPem: string): ReceiptResult {
  const checks: Check[] = [];
  let key: PublicKey | undefined;
  try {
    key = publicKeyFromPem(keyPem);
    checks.push(passed('logKey', { keyId: keyId(key) }));
  } catch (err) {
    checks.push(failed('logKey', 'failed', {}, 'the log key cannot be read', err));
  }

  const receipt = readLogReceipt(input);
  if (typeof receipt === 'string') {
    checks.push(failed('receiptFormat', 'failed', {}, `not a log receipt: ${receipt}`, new Error(receipt)));
    checks.push(...['treeHead', 'entryPosition', 'inclusion', 'timestamp'].map(skipped));
    return { ok: false, checks };
  }
  const head = receipt.treeHead;
  checks.push(passed('receiptFormat', { index: receipt.index, size: head.treeSize }));
  checks.push(key ? treeHeadCheck(head, key) : skipped('treeHead'));
  checks.push(
    receipt.index >= head.treeSize
      ? failed('entryPosition', 'beyond', { index: receipt.index, size: head.treeSize }, 'the entry lies beyond the signed tree')
      : entryPositionCheck(receipt.index, receipt.entry),
  );
  checks.push(inclusionCheck(receipt.index, receipt.entry, head, receipt.auditPath));
  checks.push(timestampCheck((input as Record<string, unknown>).timestamp, receipt.entry, key));
  return { ok: allPassed(checks), checks, receipt };
}
