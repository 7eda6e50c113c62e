import { createDecipheriv, createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import type { Sitting } from '@bidhall/contracts';
import type { PreparationFingerprint } from '@bidhall/crypto';
import type { Db } from '../../platform/db/database.ts';
import { evaluationKey } from './bulk-unseal.ts';
import { hallStore } from './hall-store.ts';
import { type OpeningDeps, tables } from './opening.deps.ts';

/** A part of a read-out bid as its signed manifest lists it, and whether its evaluation copy exists. */
export interface EvaluationCopyPart {
  partId: string;
  name: string;
  role: 'bidSummary' | 'file';
  partKey: string | null;
  mediaType: string | null;
  size: number;
  plaintextHash: string;
  available: boolean;
}

export interface EvaluationCopyBid {
  bidId: string;
  entityId: string;
  receivedAt: string;
  bond: { form: string | null; status: string | null };
  preparation: PreparationFingerprint | null;
  parts: EvaluationCopyPart[];
}

export type OpenedCopy =
  | { ok: true; name: string; size: number; mediaType: string | null; stream: Readable }
  | { ok: false; reason: 'unavailable' | 'tampered'; detail: string };

const OPENED = new Set(['unsealed', 'remedied']);

/**
 * opening → evaluation (decision 0028): the parts of the read-out bids and their copies re-sealed under
 * the section's evaluation key by the bulk decryption — the bids', or the applications' for the review. A copy is checked before its first byte leaves
 * (its SM3 address and its HMAC-SM3 over IV and ciphertext) and again while it streams (the plaintext's
 * hash and size against the bidder's signed manifest): a copy that fails ends the stream with an error
 * instead of passing other bytes off as the bid.
 */
export function createEvaluationCopy(deps: OpeningDeps) {
  async function readHall(trx: Db, sectionId: string, sitting: Sitting) {
    const row = await tables(trx).selectFrom('opening.hall').select('round').where('section_id', '=', sectionId).where('sitting', '=', sitting).orderBy('round', 'desc').executeTakeFirst();
    if (!row) return null;
    const hall = await hallStore(trx, sitting).hall(sectionId, row.round);
    return hall?.readout_at ? hall : null;
  }

  async function bidsOf(trx: Db, sectionId: string, sitting: Sitting = 'bid'): Promise<{ round: number; finished: boolean; bids: EvaluationCopyBid[] } | null> {
    const hall = await readHall(trx, sectionId, sitting);
    if (!hall) return null;
    const opened = (await hallStore(trx, sitting).bids(sectionId, hall.round)).filter((b) => OPENED.has(b.unseal_status));
    const manifests = new Map((await deps.bids.openedBids(trx, sectionId, hall.round, hall.bid_deadline, sitting)).map((b) => [b.bidId, b.signedManifest.manifest]));
    const ids = opened.map((b) => b.bid_id);
    const copies = ids.length ? await tables(trx).selectFrom('opening.unsealed_part').select(['bid_id', 'part_id']).where('bid_id', 'in', ids).execute() : [];
    const have = new Set(copies.map((c) => `${c.bid_id}:${c.part_id}`));
    return {
      round: hall.round,
      finished: hall.bulk_unsealed_at !== null,
      bids: opened.map((b) => {
        const m = manifests.get(b.bid_id);
        return {
          bidId: b.bid_id,
          entityId: b.entity_id,
          receivedAt: b.received_at.toISOString(),
          bond: { form: b.bond_form, status: b.bond_status },
          preparation: m?.preparation ?? null,
          parts: (m?.parts ?? []).map((p) => ({
            partId: p.partId,
            name: p.name,
            role: p.role,
            partKey: p.partKey ?? null,
            mediaType: p.mediaType ?? null,
            size: p.size,
            plaintextHash: p.plaintextHash,
            available: have.has(`${b.bid_id}:${p.partId}`),
          })),
        };
      }),
    };
  }

  async function open(trx: Db, sectionId: string, bidId: string, partId: string, sitting: Sitting = 'bid'): Promise<OpenedCopy> {
    const hall = await readHall(trx, sectionId, sitting);
    const bid = hall && (await hallStore(trx, sitting).bids(sectionId, hall.round)).find((b) => b.bid_id === bidId && OPENED.has(b.unseal_status));
    if (!hall || !bid) return { ok: false, reason: 'unavailable', detail: 'no such read-out bid' };
    const [opened] = await deps.bids.openedBids(trx, sectionId, hall.round, hall.bid_deadline, sitting, bidId);
    const manifest = opened?.signedManifest.manifest;
    const listed = manifest?.parts.find((p) => p.partId === partId);
    const row = await tables(trx).selectFrom('opening.unsealed_part').selectAll().where('bid_id', '=', bidId).where('part_id', '=', partId).executeTakeFirst();
    if (!manifest || !listed || !row) return { ok: false, reason: 'unavailable', detail: 'the part has no evaluation copy (yet)' };
    if (row.plaintext_hash !== listed.plaintextHash || Number(row.plaintext_size) !== listed.size) return { ok: false, reason: 'tampered', detail: 'the copy is recorded as other bytes than the bidder signed' };
    const key = evaluationKey(deps, sectionId, hall.round, sitting);
    const iv = Buffer.from(row.iv);
    const expectedMac = Buffer.from(row.mac);
    const macOf = () => createHmac('sm3', key.mac).update(iv);

    // First pass: the sealed copy is the stored one, under this section's key, before a byte is sent.
    let first: Readable;
    try {
      first = (await deps.blobs.open(row.blob_sm3)).stream;
    } catch {
      return { ok: false, reason: 'tampered', detail: 'the copy is missing from the store' };
    }
    const mac = macOf();
    const address = createHash('sm3');
    for await (const chunk of first) {
      mac.update(chunk as Buffer);
      address.update(chunk as Buffer);
    }
    const macOk = timingSafeEqual(mac.digest(), expectedMac.length === 32 ? expectedMac : Buffer.alloc(32));
    if (!macOk || address.digest('hex') !== row.blob_sm3) return { ok: false, reason: 'tampered', detail: 'the copy does not match its tag' };

    // Second pass: decrypted as it streams; the tag and the plaintext's hash are checked again at the end.
    const source = (await deps.blobs.open(row.blob_sm3)).stream;
    const decipher = createDecipheriv('sm4-ctr', key.enc, iv);
    const again = macOf();
    const plain = createHash(manifest.hashAlg === 'sha256' ? 'sha256' : 'sm3');
    let size = 0;
    const verified = new Transform({
      transform(chunk: Buffer, _enc, done) {
        again.update(chunk);
        const out = decipher.update(chunk);
        plain.update(out);
        size += out.length;
        done(null, out);
      },
      flush(done) {
        const tail = decipher.final();
        plain.update(tail);
        size += tail.length;
        const same = timingSafeEqual(again.digest(), expectedMac) && plain.digest('hex') === listed.plaintextHash && size === listed.size;
        done(same ? null : new Error(`part ${listed.name} of bid ${bidId} changed while it was read`), tail);
      },
    });
    source.on('error', (err) => verified.destroy(err));
    return { ok: true, name: listed.name, size: listed.size, mediaType: listed.mediaType ?? null, stream: source.pipe(verified) };
  }

  return { bidsOf, open };
}

export type EvaluationCopy = ReturnType<typeof createEvaluationCopy>;
