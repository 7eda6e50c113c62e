// Re-checking a revealed draw in the browser from public data only, adapted from
// apps/cli/src/draw-verify.ts: the secret matches the commitment, the pool its hash, the commitment
// sits in the signed log head the seed came from, and the draw recomputed from SM3(secret ‖ root)
// selects exactly who was published.
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
} from '@bidhall/crypto/browser';
import { inclusionCheck } from '@bidhall/crypto/log-verify';
import { drawsApi, logApi, type PublicDraw } from '../api/log.ts';
import { formatBeijing } from '../format.ts';
import { failed, passed, shortHex, skipped, type Check } from './checks.ts';

export const DRAW_CHECKS = [
  'revealed',
  'commitment',
  'pool',
  'drawHead',
  'commitmentLogged',
  'commitmentIncluded',
  'selection',
  'selectedHash',
] as const;

export interface DrawResult {
  ok: boolean;
  draw: PublicDraw;
  checks: Check[];
  /** The selection recomputed here, when it could be. */
  recomputed?: string[];
}

/** Fetches the public draw (ApiError when it cannot) and re-checks it step by step; a failed step skips the rest. */
export async function verifyDraw(id: string, keyPem: string): Promise<DrawResult> {
  const d = await drawsApi.get(id);
  const checks: Check[] = [];
  let recomputed: string[] | undefined;
  const run = async () => {
    if (d.state !== 'revealed' || !d.secret || !d.pool || !d.head || !d.selected) {
      checks.push(failed('revealed', 'notYet', { state: d.state }));
      return;
    }
    checks.push(passed('revealed', { time: d.revealedAt ? formatBeijing(Date.parse(d.revealedAt)) : '—' }));

    const secret = fromHex(d.secret);
    if (!verifyCommitment(secret, d.commitment)) return void checks.push(failed('commitment'));
    checks.push(passed('commitment', { commitment: shortHex(d.commitment) }));

    if (poolHash(d.pool) !== d.poolHash) return void checks.push(failed('pool'));
    checks.push(passed('pool', { size: d.pool.length, hash: shortHex(d.poolHash) }));

    let root: Uint8Array;
    try {
      root = verifyTreeHead(d.head, publicKeyFromPem(keyPem));
    } catch (err) {
      return void checks.push(failed('drawHead', 'failed', { size: d.head.treeSize }, err));
    }
    checks.push(
      passed('drawHead', { size: d.head.treeSize, time: formatBeijing(d.head.timestamp), root: shortHex(d.head.rootHash) }),
    );

    if (d.head.treeSize <= d.commitLogIndex) {
      return void checks.push(failed('commitmentLogged', 'tooEarly', { index: d.commitLogIndex, size: d.head.treeSize }));
    }
    const [entry] = await logApi.entries(d.commitLogIndex, d.commitLogIndex + 1);
    let logged: { drawId?: string; commitment?: string; poolHash?: string; count?: number; constraintsHash?: string } = {};
    try {
      logged = JSON.parse(entry?.entry ?? 'null') ?? {};
    } catch {
      // not JSON: fails below
    }
    // Count and constraints were fixed with the commitment: changed later, they could steer the result.
    if (
      !entry ||
      logged.drawId !== d.id ||
      logged.commitment !== d.commitment ||
      logged.poolHash !== d.poolHash ||
      logged.count !== d.count ||
      logged.constraintsHash !== constraintsHash(d.constraints ?? {})
    ) {
      return void checks.push(failed('commitmentLogged', 'failed', { index: d.commitLogIndex }));
    }
    checks.push(passed('commitmentLogged', { index: d.commitLogIndex }));

    const proof = await logApi.inclusionProof(d.commitLogIndex, d.head.treeSize);
    if (inclusionCheck(d.commitLogIndex, entry.entry, d.head, proof.auditPath).status !== 'ok') {
      return void checks.push(failed('commitmentIncluded', 'failed', { index: d.commitLogIndex, size: d.head.treeSize }));
    }
    checks.push(passed('commitmentIncluded', { index: d.commitLogIndex, size: d.head.treeSize }));

    try {
      recomputed = draw({
        seed: drawSeed(secret, root),
        pool: d.pool,
        count: d.count,
        constraints: d.constraints ?? {},
      }).selected;
    } catch (err) {
      return void checks.push(failed('selection', 'failed', {}, err));
    }
    if (JSON.stringify(recomputed) !== JSON.stringify(d.selected)) return void checks.push(failed('selection'));
    checks.push(passed('selection', { selected: d.selected.length, pool: d.pool.length }));

    if (d.selectedHash !== toHex(sm3(canonicalJson(d.selected)))) return void checks.push(failed('selectedHash'));
    checks.push(passed('selectedHash', { hash: shortHex(d.selectedHash) }));
  };
  await run();
  for (const id of DRAW_CHECKS.slice(checks.length)) checks.push(skipped(id));
  return { ok: checks.every((c) => c.status === 'ok'), draw: d, checks, recomputed };
}
