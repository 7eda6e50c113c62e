// Verification of the public log in the browser (F-08, F-27), trusting nothing but the log's public
// key. The checks are @bidhall/crypto/log-verify's, the same the `bidhall` CLI and witness run; this
// file only reads the API for them and puts their values in the page's format.
import { publicKeyFromPem, type SignedTreeHead } from '@bidhall/crypto/browser';
import {
  checkAuditRow,
  checkLogReceipt,
  checkSince,
  LogFailure,
  verifyWholeLog as verifyLog,
  type AuditRowEvidence,
  type Check,
  type HeadVerdict,
  type LogReceipt,
  type LogSource,
} from '@bidhall/crypto/log-verify';
import { logApi } from '../api/log.ts';
import { formatBeijing, formatTime } from '../format.ts';
import { reasonOf, shortHex } from './checks.ts';

export { LogFailure };

/** The public log API as the shared verifier reads it. */
export const apiLogSource: LogSource = {
  treeHead: () => logApi.treeHead(),
  treeHeads: (limit, beforeSize) => logApi.treeHeads(limit, beforeSize),
  entries: (start, end) => logApi.entries(start, end),
  consistencyProof: async (first, second) => (await logApi.consistencyProof(first, second)).proof,
};

const HEX_VALUES = new Set(['root', 'keyId', 'tsa', 'commitment', 'logged']);

/** The verifier's raw values (epoch milliseconds, ISO times, full hex) as the page shows them. */
export function forDisplay(check: Check): Check {
  if (!check.values) return check;
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(check.values)) {
    if (k === 'time') values[k] = typeof v === 'number' ? formatBeijing(v) : formatTime(v, true);
    else if (HEX_VALUES.has(k) && typeof v === 'string') values[k] = shortHex(v);
    else values[k] = v;
  }
  return { ...check, values };
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
  const result = checkLogReceipt(input, keyPem);
  return { ...result, checks: result.checks.map(forDisplay) };
}

/** Checks an audit row (the auditor's view, with its salt) against its entry's receipt and the log key. */
export async function verifyAuditRow(row: AuditRowEvidence, keyPem: string): Promise<{ ok: boolean; checks: Check[] }> {
  if (row.logIndex === null) return checkAuditRow(row, undefined, keyPem);
  const receipt = await logApi.receipt(row.logIndex);
  const result = checkAuditRow(row, receipt, keyPem);
  return { ...result, checks: result.checks.map(forDisplay) };
}

/** Holds the log to a head the reader saved (e.g. copied from the published heads), as `bidhall log verify --since` does. */
export async function verifySinceHead(saved: SignedTreeHead, keyPem: string): Promise<HeadVerdict> {
  return checkSince(saved, apiLogSource, publicKeyFromPem(keyPem));
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

const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Verifies the whole log against every signed head it ever issued. Throws LogFailure when the log
 * does not verify (its `reason` names a text under `verify.log.failures`), ApiError when the server
 * cannot be read.
 */
export async function verifyWholeLog(options: {
  keyPem: string;
  onProgress?: (p: LogProgress) => void;
  signal?: AbortSignal;
}): Promise<LogResult> {
  const started = performance.now();
  let key;
  try {
    key = publicKeyFromPem(options.keyPem);
  } catch (err) {
    throw new LogFailure('key', {}, 'the log key cannot be read', reasonOf(err));
  }
  const result = await verifyLog(apiLogSource, key, {
    signal: options.signal,
    // Let the page paint the progress now and then.
    onProgress: async (p) => {
      options.onProgress?.({ ...p, elapsedMs: performance.now() - started });
      await nextTick();
    },
  });
  return { ...result, elapsedMs: performance.now() - started };
}
