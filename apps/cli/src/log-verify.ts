import {
  fromHex,
  isCryptoError,
  keyId,
  leafHash,
  MerkleAccumulator,
  publicKeyFromPem,
  toHex,
  utf8,
  verifyInclusion,
  verifyTreeHead,
  type PublicKey,
  type SignedTreeHead,
} from '@bidhall/crypto';

export interface LogReceipt {
  index: number;
  entry: string;
  treeHead: SignedTreeHead;
  auditPath: string[];
}

export type VerifyOutcome =
  | { ok: true; summary: string }
  | { ok: false; unusable: boolean; reason: string };

const PAGE = 5000;

class Unusable extends Error {}
class Invalid extends Error {}

async function getJson<T>(fetcher: typeof fetch, url: string): Promise<T> {
  let res: Response;
  try {
    res = await fetcher(url);
  } catch (err) {
    throw new Unusable(`cannot reach ${url}: ${(err as Error).message}`);
  }
  if (!res.ok) throw new Unusable(`${url} answered ${res.status}`);
  return (await res.json()) as T;
}

function checkHead(head: SignedTreeHead, key: PublicKey): Uint8Array {
  try {
    return verifyTreeHead(head, key);
  } catch (err) {
    throw new Invalid(`tree head of size ${head.treeSize}: ${isCryptoError(err) ? err.message : String(err)}`);
  }
}

/** The entry's own record of its position must match where it was served: reordering shows here. */
function entryLeaf(index: number, entry: string): Uint8Array {
  let parsed: { logIndex?: unknown };
  try {
    parsed = JSON.parse(entry) as { logIndex?: unknown };
  } catch {
    throw new Invalid(`entry ${index} is not JSON`);
  }
  if (parsed.logIndex !== index) throw new Invalid(`entry ${index} says it is entry ${String(parsed.logIndex)}: the log was reordered`);
  return leafHash(utf8(entry));
}

async function resolveKey(fetcher: typeof fetch, base: string, pinned?: string): Promise<PublicKey> {
  if (pinned) return publicKeyFromPem(pinned);
  const { publicKeyPem } = await getJson<{ publicKeyPem: string }>(fetcher, `${base}/api/v1/log/key`);
  return publicKeyFromPem(publicKeyPem);
}

/**
 * Verifies the whole log: every signed tree head the log ever issued is checked against the root
 * recomputed from the entries while they stream by, so a changed, deleted, inserted or reordered
 * entry anywhere before the newest head is found.
 */
export async function verifyWholeLog(opts: { url: string; keyPem?: string; fetcher?: typeof fetch }): Promise<VerifyOutcome> {
  const fetcher = opts.fetcher ?? fetch;
  const base = opts.url.replace(/\/+$/, '');
  try {
    const key = await resolveKey(fetcher, base, opts.keyPem);
    const latest = await getJson<SignedTreeHead>(fetcher, `${base}/api/v1/log/tree-head`);
    // Every head the log ever issued, page by page: each one is a commitment to check.
    const history: SignedTreeHead[] = [];
    for (let before: number | undefined; ; ) {
      const page = await getJson<SignedTreeHead[]>(fetcher, `${base}/api/v1/log/tree-heads?limit=1000${before === undefined ? '' : `&beforeSize=${before}`}`);
      history.push(...page);
      if (page.length < 1000) break;
      before = page[page.length - 1]!.treeSize;
    }
    const heads = [...history, latest].sort((a, b) => a.treeSize - b.treeSize);
    const roots = new Map<number, Uint8Array>();
    for (const head of heads) {
      const root = checkHead(head, key);
      const seen = roots.get(head.treeSize);
      if (seen && toHex(seen) !== toHex(root)) throw new Invalid(`two signed heads of size ${head.treeSize} disagree: the log forked`);
      roots.set(head.treeSize, root);
    }
    const acc = new MerkleAccumulator();
    const check = () => {
      const expected = roots.get(acc.size);
      if (expected && toHex(expected) !== toHex(acc.root())) {
        throw new Invalid(`entries 0…${acc.size - 1} do not hash to the signed root of size ${acc.size}: the log was changed`);
      }
    };
    check();
    for (let start = 0; start < latest.treeSize; start += PAGE) {
      const end = Math.min(start + PAGE, latest.treeSize);
      const page = await getJson<{ index: number; entry: string }[]>(fetcher, `${base}/api/v1/log/entries?start=${start}&end=${end}`);
      if (page.length !== end - start) throw new Invalid(`entries ${start}…${end - 1}: ${page.length} served, ${end - start} expected`);
      page.forEach((item, i) => {
        if (item.index !== start + i) throw new Invalid(`entry ${start + i} is missing`);
        acc.appendLeafHash(entryLeaf(item.index, item.entry));
        check();
      });
    }
    return {
      ok: true,
      summary: `log ok: ${latest.treeSize} entries, ${roots.size} signed tree heads consistent, root ${latest.rootHash}, key ${keyId(key)}`,
    };
  } catch (err) {
    if (err instanceof Invalid) return { ok: false, unusable: false, reason: err.message };
    if (err instanceof Unusable) return { ok: false, unusable: true, reason: err.message };
    if (isCryptoError(err)) return { ok: false, unusable: true, reason: err.message };
    throw err;
  }
}

/** Verifies one receipt offline: the head's signature and the entry's inclusion under it. */
export function verifyReceipt(receipt: LogReceipt, keyPem: string): VerifyOutcome {
  try {
    const key = publicKeyFromPem(keyPem);
    const root = checkHead(receipt.treeHead, key);
    if (receipt.index >= receipt.treeHead.treeSize) throw new Invalid('the entry lies beyond the signed tree');
    const leaf = entryLeaf(receipt.index, receipt.entry);
    const proof = receipt.auditPath.map((h) => fromHex(h));
    if (!verifyInclusion(leaf, receipt.index, receipt.treeHead.treeSize, proof, root)) {
      throw new Invalid(`entry ${receipt.index} is not in the signed tree of size ${receipt.treeHead.treeSize}`);
    }
    return { ok: true, summary: `receipt ok: entry ${receipt.index} is in the signed log of size ${receipt.treeHead.treeSize}` };
  } catch (err) {
    if (err instanceof Invalid) return { ok: false, unusable: false, reason: err.message };
    if (isCryptoError(err)) return { ok: false, unusable: true, reason: err.message };
    throw err;
  }
}
