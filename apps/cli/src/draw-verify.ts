import {
  canonicalJson,
  constraintsHash,
  draw,
  drawSeed,
  fromHex,
  poolHash,
  publicKeyFromPem,
  sm3,
  toHex,
  verifyCommitment,
  verifyTreeHead,
  type SignedTreeHead,
} from '@bidhall/crypto';
import { inclusionCheck } from '@bidhall/crypto/log-verify';
import type { VerifyOutcome } from './log-verify.ts';

interface PublicDraw {
  id: string;
  state: string;
  count: number;
  poolHash: string;
  commitment: string;
  commitLogIndex: number;
  head: SignedTreeHead | null;
  selectedHash: string | null;
  selected: string[] | null;
  secret: string | null;
  pool: string[] | null;
  constraints: { exclude?: string[]; maxPerGroup?: { groupOf: Record<string, string>; max: number } } | null;
}

class Invalid extends Error {}

/**
 * Re-checks a revealed draw from public data only (docs/draw-format.md): the secret matches the
 * commitment, the pool matches its hash, count and constraints match those logged with the
 * commitment, the commitment sits in the signed log head the seed came from, and the draw
 * recomputed from SM3(secret || root) selects exactly who was selected.
 */
export async function verifyDraw(opts: { url: string; id: string; keyPem?: string; fetcher?: typeof fetch }): Promise<VerifyOutcome> {
  const fetcher = opts.fetcher ?? fetch;
  const base = opts.url.replace(/\/+$/, '');
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetcher(`${base}${path}`);
    if (!res.ok) throw new Error(`${path} answered ${res.status}`);
    return (await res.json()) as T;
  };
  let d: PublicDraw;
  try {
    d = await get<PublicDraw>(`/api/v1/draws/${encodeURIComponent(opts.id)}`);
  } catch (err) {
    return { ok: false, unusable: true, reason: (err as Error).message };
  }
  try {
    if (d.state !== 'revealed' || !d.secret || !d.pool || !d.head || !d.selected) {
      return { ok: false, unusable: true, reason: `draw ${d.id} is ${d.state}; it can be re-checked once revealed` };
    }
    const secret = fromHex(d.secret);
    if (!verifyCommitment(secret, d.commitment)) throw new Invalid('the revealed secret does not match the commitment');
    if (poolHash(d.pool) !== d.poolHash) throw new Invalid('the published pool does not match the pool hash logged at commitment');
    const keyPem = opts.keyPem ?? (await get<{ publicKeyPem: string }>('/api/v1/log/key')).publicKeyPem;
    const root = verifyTreeHead(d.head, publicKeyFromPem(keyPem));
    if (d.head.treeSize <= d.commitLogIndex) throw new Invalid('the seed came from a log head that did not yet contain the commitment');
    const [entry] = await get<{ entry: string }[]>(`/api/v1/log/entries?start=${d.commitLogIndex}&end=${d.commitLogIndex + 1}`);
    const logged = JSON.parse(entry!.entry) as { drawId?: string; commitment?: string; poolHash?: string; count?: number; constraintsHash?: string };
    if (logged.drawId !== d.id || logged.commitment !== d.commitment || logged.poolHash !== d.poolHash) {
      throw new Invalid(`log entry ${d.commitLogIndex} is not this draw's commitment`);
    }
    // Count and constraints were fixed with the commitment: changed later, they could steer the result.
    if (logged.count !== d.count || logged.constraintsHash !== constraintsHash(d.constraints ?? {})) {
      throw new Invalid(`the published count or constraints differ from those logged at commitment (entry ${d.commitLogIndex})`);
    }
    const proof = await get<{ auditPath: string[] }>(`/api/v1/log/proof/inclusion?index=${d.commitLogIndex}&treeSize=${d.head.treeSize}`);
    if (inclusionCheck(d.commitLogIndex, entry!.entry, d.head, proof.auditPath).status !== 'ok') {
      throw new Invalid('the commitment is not in the signed head the seed came from');
    }
    const result = draw({ seed: drawSeed(secret, root), pool: d.pool, count: d.count, constraints: d.constraints ?? {} });
    if (JSON.stringify(result.selected) !== JSON.stringify(d.selected)) {
      throw new Invalid(`recomputed selection ${result.selected.join(',')} differs from the published ${d.selected.join(',')}`);
    }
    if (d.selectedHash !== toHex(sm3(canonicalJson(d.selected)))) throw new Invalid('the published selection does not match its logged hash');
    return { ok: true, summary: `draw ${d.id} ok: ${d.selected.length} of ${d.pool.length} selected, reproduced from the revealed secret and log head ${d.head.treeSize}` };
  } catch (err) {
    if (err instanceof Invalid) return { ok: false, unusable: false, reason: err.message };
    return { ok: false, unusable: true, reason: (err as Error).message };
  }
}
