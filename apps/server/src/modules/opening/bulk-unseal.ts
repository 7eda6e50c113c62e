import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { systemActor } from '../../platform/audit/audit-trail.ts';
import { derivedKey } from '../../platform/keys/derived-key.ts';
import type { ContentKeyVault } from './content-keys.ts';
import type { HallBus } from './hall-bus.ts';
import { hallStore } from './hall-store.ts';
import { hallTx } from './hall-tx.ts';
import type { Sitting } from '@bidhall/contracts';
import { type OpeningDeps, tables } from './opening.deps.ts';
import { startBulkPool, type BulkPool } from './bulk-pool.ts';

export const BULK_UNSEAL_JOB = 'opening.bulk-unseal';
const PROGRESS_EVERY_MS = 1000;

/** The section's evaluation key (the prequalification review's for applications): SM4 for the re-sealed parts, HMAC-SM3 for their tags. */
export function evaluationKey(deps: Pick<OpeningDeps, 'signingKey'>, sectionId: string, round: number, sitting: Sitting = 'bid') {
  const name = sitting === 'application' ? `${sectionId}:${round}:application` : `${sectionId}:${round}`;
  const key = derivedKey(deps.signingKey, `evaluation key v1 ${name}`);
  return { enc: key.subarray(0, 16), mac: derivedKey(deps.signingKey, `evaluation mac v1 ${name}`) };
}

/**
 * Bulk decryption after the readout (issue 11 §7): each part of every opened bid is streamed through
 * unsealStream with its released content key, its plaintext hash checked against the signed manifest
 * (B-023), and re-sealed on the fly under the section's evaluation key into the blob store — plaintext
 * never touches the disk. The streaming runs on worker threads, one per core (bulk-pool.ts); progress
 * goes to the hall's stream; a restart resumes with the parts not done.
 */
export function createBulkUnseal(deps: OpeningDeps, vault: ContentKeyVault, bus: HallBus, sitting: Sitting = 'bid') {
  const { record, event } = hallTx(deps, sitting);
  const store = (db: Parameters<typeof hallStore>[0]) => hallStore(db, sitting);

  async function unsealPart(pool: BulkPool, key: ReturnType<typeof evaluationKey>, bidId: string, part: { partId: string; name: string; blobSm3: string }, expected: { ciphertextSize: number; ciphertextHash: string; plaintextHash: string }) {
    const row = await tables(deps.db).selectFrom('opening.content_key').select('sealed_key').where('bid_id', '=', bidId).where('part_id', '=', part.partId).executeTakeFirstOrThrow();
    const contentKey = await vault.open(bidId, part.partId, new Uint8Array(row.sealed_key));
    const out = await deps.blobs.tempPath();
    const iv = randomBytes(16);
    try {
      const done = await pool.run({ contentKey, source: deps.blobs.pathOf(part.blobSm3), out, enc: key.enc, macKey: key.mac, iv, expect: { ciphertextSize: expected.ciphertextSize, ciphertextHash: expected.ciphertextHash, plaintextHash: expected.plaintextHash } });
      if (done.plaintextHash !== expected.plaintextHash) throw new Error(`part ${part.name} of bid ${bidId} decrypts to other bytes than the bidder signed`);
      const stored = await deps.blobs.adopt(out, done.sm3, done.sealedSize);
      await tables(deps.db)
        .insertInto('opening.unsealed_part')
        .values({ bid_id: bidId, part_id: part.partId, name: part.name, blob_sm3: stored.sm3, plaintext_size: done.size, plaintext_hash: done.plaintextHash, iv, mac: Buffer.from(done.mac), unsealed_at: deps.clock.now() })
        .onConflict((oc) => oc.columns(['bid_id', 'part_id']).doNothing())
        .execute();
      return done.size;
    } finally {
      // Adopted files have moved; anything left here is a failed part's.
      await rm(out, { force: true });
    }
  }

  /** Runs (or resumes) the bulk decryption of a hall whose readout is done. */
  async function run(sectionId: string, round: number): Promise<{ parts: number; bytes: number }> {
    const hall = await store(deps.db).hall(sectionId, round);
    if (!hall?.readout_at || hall.bulk_unsealed_at) return { parts: 0, bytes: 0 };
    const opened = (await store(deps.db).bids(sectionId, round)).filter((b) => b.unseal_status === 'unsealed' || b.unseal_status === 'remedied');
    const manifests = new Map((await deps.bids.openedBids(deps.db, sectionId, round, hall.bid_deadline, sitting)).map((b) => [b.bidId, b.signedManifest.manifest]));
    const done = new Set((await tables(deps.db).selectFrom('opening.unsealed_part').select(['bid_id', 'part_id']).where('bid_id', 'in', opened.length ? opened.map((b) => b.bid_id) : ['00000000-0000-0000-0000-000000000000']).execute()).map((r) => `${r.bid_id}:${r.part_id}`));
    const work = [];
    for (const b of opened) for (const p of await deps.bids.sealedParts(deps.db, b.bid_id, hall.bid_deadline)) work.push({ bidId: b.bid_id, part: p });
    const key = evaluationKey(deps, sectionId, round, sitting);
    let parts = done.size;
    let bytes = 0;
    // The progress bar moves at most once a second: an event per part of a 500-bid hall (a transaction,
    // and every watcher woken) cost more than many of the parts themselves.
    let told = performance.now();
    const todo = work.filter((w) => !done.has(`${w.bidId}:${w.part.partId}`));
    let next = 0;
    // A worker thread per core decrypts; one part more than workers in flight, so that the main
    // thread's key and database steps for one part overlap the workers' decryption of the others.
    const pool = startBulkPool(todo.length ? undefined : 0);
    const lane = async () => {
      while (next < todo.length) {
        const w = todo[next++]!;
        const listed = manifests.get(w.bidId)?.parts.find((p) => p.partId === w.part.partId);
        if (!listed) throw new Error(`part ${w.part.partId} is not in the signed manifest of bid ${w.bidId}`);
        // Added after the await: `bytes += await …` would read bytes before the other lane's addition.
        const size = await unsealPart(pool, key, w.bidId, w.part, listed);
        bytes += size;
        parts++;
        if (performance.now() - told < PROGRESS_EVERY_MS) continue;
        told = performance.now();
        await deps.db.transaction().execute(async (trx) => {
          const h = (await store(trx).hall(sectionId, round, true))!;
          await event(trx, h, 'bulkProgress', deps.clock.now(), { done: parts, total: work.length });
        });
        bus.changed(sectionId);
      }
    };
    try {
      await Promise.all(Array.from({ length: pool.size + 1 }, lane));
    } finally {
      await pool.close();
    }
    await deps.db.transaction().execute(async (trx) => {
      const h = (await store(trx).hall(sectionId, round, true))!;
      if (h.bulk_unsealed_at) return;
      const now = deps.clock.now();
      await store(trx).updateHall(sectionId, round, { bulk_unsealed_at: now });
      await record(trx, systemActor, h, 'bulkUnsealed', { parts: work.length });
      await event(trx, h, 'bulkUnsealed', now, { parts: work.length });
    });
    bus.changed(sectionId);
    return { parts, bytes };
  }

  return { run };
}

export type BulkUnseal = ReturnType<typeof createBulkUnseal>;
