import { isCryptoError, keyId, publicKeyFromPem, type PublicKey, type SignedTreeHead } from '@bidhall/crypto';
import {
  checkLogReceipt,
  checkSince,
  firstFailure,
  isSignedTreeHead,
  LogFailure,
  verifyWholeLog as verifyLog,
  type LogSource,
} from '@bidhall/crypto/log-verify';

export type VerifyOutcome = { ok: true; summary: string } | { ok: false; unusable: boolean; reason: string };

/** The server could not be read, or the input is not usable: exit 2, not a verdict on the log. */
export class Unusable extends Error {}

export interface HttpLogSource extends LogSource {
  keyPem(): Promise<string>;
}

/** The public log API over `fetch`; every failure to read it is Unusable. */
export function httpLogSource(url: string, fetcher: typeof fetch = fetch): HttpLogSource {
  const base = url.replace(/\/+$/, '');
  const get = async <T>(path: string): Promise<T> => {
    let res: Response;
    try {
      res = await fetcher(`${base}${path}`);
    } catch (err) {
      throw new Unusable(`cannot reach ${base}${path}: ${(err as Error).message}`);
    }
    if (!res.ok) throw new Unusable(`${base}${path} answered ${res.status}`);
    return (await res.json()) as T;
  };
  return {
    keyPem: async () => (await get<{ publicKeyPem: string }>('/api/v1/log/key')).publicKeyPem,
    treeHead: () => get<SignedTreeHead>('/api/v1/log/tree-head'),
    treeHeads: (limit, beforeSize) =>
      get<SignedTreeHead[]>(
        `/api/v1/log/tree-heads?limit=${limit}${beforeSize === undefined ? '' : `&beforeSize=${beforeSize}`}`,
      ),
    entries: (start, end) => get<{ index: number; entry: string }[]>(`/api/v1/log/entries?start=${start}&end=${end}`),
    consistencyProof: async (first, second) =>
      (await get<{ proof: string[] }>(`/api/v1/log/proof/consistency?first=${first}&second=${second}`)).proof,
  };
}

/** The pinned key, else the one the server serves (then the check proves only self-consistency). */
export async function resolveKey(source: HttpLogSource, pinned?: string): Promise<PublicKey> {
  const pem = pinned ?? (await source.keyPem());
  try {
    return publicKeyFromPem(pem);
  } catch (err) {
    throw new Unusable(`the log key cannot be read: ${isCryptoError(err) ? err.reason : String(err)}`);
  }
}

function outcomeOf(err: unknown): VerifyOutcome {
  if (err instanceof LogFailure) return { ok: false, unusable: false, reason: err.message };
  if (err instanceof Unusable) return { ok: false, unusable: true, reason: err.message };
  if (isCryptoError(err)) return { ok: false, unusable: true, reason: err.reason };
  throw err;
}

/** Re-hashes every entry against every head the log ever signed (see @bidhall/crypto/log-verify). */
export async function verifyWholeLog(opts: { url: string; keyPem?: string; fetcher?: typeof fetch }): Promise<VerifyOutcome> {
  try {
    const source = httpLogSource(opts.url, opts.fetcher);
    const key = await resolveKey(source, opts.keyPem);
    const r = await verifyLog(source, key);
    return {
      ok: true,
      summary: `log ok: ${r.entries} entries, ${r.heads} signed tree heads consistent, root ${r.rootHash}, key ${r.keyId}`,
    };
  } catch (err) {
    return outcomeOf(err);
  }
}

/** One receipt, offline: the head's signature, the entry's position and inclusion, the timestamp. */
export function verifyReceipt(receipt: unknown, keyPem: string): VerifyOutcome {
  const result = checkLogReceipt(receipt, keyPem);
  if (result.ok)
    return {
      ok: true,
      summary: `receipt ok: entry ${result.receipt!.index} is in the signed log of size ${result.receipt!.treeHead.treeSize}`,
    };
  const unusable = result.checks.some((c) => (c.id === 'logKey' || c.id === 'receiptFormat') && c.status === 'failed');
  return { ok: false, unusable, reason: firstFailure(result.checks) ?? 'the receipt does not verify' };
}

/** A saved head from a file's text or inline JSON: a signed head, or anything holding one as `treeHead`/`head`. */
export function readSavedHead(text: string): SignedTreeHead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Unusable('the saved head is not JSON');
  }
  const candidates = [value, (value as { treeHead?: unknown })?.treeHead, (value as { head?: unknown })?.head];
  const head = candidates.find(isSignedTreeHead);
  if (!head) throw new Unusable('the saved head is not a signed tree head (logId, treeSize, timestamp, rootHash, signature)');
  return head;
}

/**
 * Holds the log to a head saved earlier: both heads signed by the log key, and a consistency proof
 * from the saved tree to the current one. Rollback, a fork or a bad proof is a failure (exit 1).
 */
export async function verifySince(opts: {
  url: string;
  saved: SignedTreeHead;
  keyPem?: string;
  fetcher?: typeof fetch;
}): Promise<VerifyOutcome> {
  try {
    const source = httpLogSource(opts.url, opts.fetcher);
    const key = await resolveKey(source, opts.keyPem);
    const verdict = await checkSince(opts.saved, source, key);
    if (!verdict.ok) return { ok: false, unusable: false, reason: verdict.message };
    const { saved, current } = verdict;
    return {
      ok: true,
      summary: verdict.grown
        ? `log ok: the head of size ${current.treeSize} (root ${current.rootHash}) extends the saved head of size ${saved.treeSize}; key ${keyId(key)}`
        : `log ok: the current head is the saved head (size ${current.treeSize}, root ${current.rootHash}); key ${keyId(key)}`,
    };
  } catch (err) {
    return outcomeOf(err);
  }
}
