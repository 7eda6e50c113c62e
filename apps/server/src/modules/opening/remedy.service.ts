import { fromUtf8, recoverContentKey, type OpenedShare, type PartHeader } from '@bidhall/crypto';
import type { BidSummaryField, RemedyKit, ShareReleaseRequest } from '@bidhall/contracts';
import { unsealFailureOutcome } from '@bidhall/rules';
import { fromBase64 } from '@bidhall/crypto';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { ContentKeyVault } from './content-keys.ts';
import type { HallBus } from './hall-bus.ts';
import { hallStore, type HallBidRow, type HallRow } from './hall-store.ts';
import { hallTx, type HallCaller } from './hall-tx.ts';
import type { HallService } from './hall.service.ts';
import { type OpeningDeps, tables } from './opening.deps.ts';
import { checkReleasedKeys } from './unseal-check.ts';

const awaitsRemedy = (b: HallBidRow) => b.unseal_status === 'failed' && b.failure_outcome === 'remedy';

/**
 * The remedy of E-bidding Measures art. 31 where the document provides it: a bid its bidder could not
 * unseal is opened by the section's opening custodians (trading centre, supervisor, tenderer), each
 * releasing its share of every content key — decrypted with its own key where it is, wrapped to the
 * opening key. With k shares of every part the keys are recovered and checked like a bidder's; the bid
 * read out is exactly the one sealed (B-023).
 */
export function createRemedyService(
  deps: OpeningDeps,
  vault: ContentKeyVault,
  bus: HallBus,
  halls: Pick<HallService, 'readoutIfSettled' | 'completeCoefficient' | 'unwrapFromOpeningKey' | 'openingKey' | 'sitting'>,
) {
  const { sitting } = halls;
  const store = (db: Db) => hallStore(db, sitting);
  const { lockedHall, record, event, section } = hallTx(deps, sitting);

  async function kit(sectionId: string, caller: Pick<HallCaller, 'userId'>): Promise<RemedyKit> {
    const s = await section(deps.db, sectionId);
    const hall = await store(deps.db).hall(sectionId, s.round);
    if (!hall) throw new DomainError('HALL_NOT_OPEN', 'the hall opens at the bid deadline');
    const bids = (await store(deps.db).bids(sectionId, s.round)).filter(awaitsRemedy);
    const out: RemedyKit['bids'] = [];
    for (const b of bids) {
      const parts = await deps.bids.sealedParts(deps.db, b.bid_id, hall.bid_deadline);
      const mine = await tables(deps.db).selectFrom('opening.released_share').select('part_id').where('bid_id', '=', b.bid_id).where('released_by', '=', caller.userId).execute();
      const releasedParts = new Set(mine.map((r) => r.part_id));
      out.push({
        bidId: b.bid_id,
        entityName: b.entity_name,
        releasedByMe: parts.length > 0 && parts.every((p) => releasedParts.has(p.partId)),
        parts: parts.map((p) => ({ partId: p.partId, name: p.name, header: p.header as Record<string, unknown> })),
      });
    }
    return { openingKeyPem: halls.openingKey.pem, bids: out };
  }

  async function openedShare(wrapped: string, header: PartHeader): Promise<OpenedShare> {
    let share: OpenedShare;
    try {
      share = JSON.parse(fromUtf8(await halls.unwrapFromOpeningKey(fromBase64(wrapped)))) as OpenedShare;
    } catch {
      throw new DomainError('UNSEAL_REQUEST_INVALID', `a share for part ${header.name} is not wrapped to the opening key`, { partId: header.partId });
    }
    const slot = header.custodians.shares[share.index - 1];
    if (share.partId !== header.partId || !slot || slot.keyId !== share.keyId || typeof share.share !== 'string') {
      throw new DomainError('UNSEAL_REQUEST_INVALID', `a share for part ${header.name} is not one of its custodians' shares`, { partId: header.partId });
    }
    return share;
  }

  /** Opens the bid once every part has k shares; true when it was settled (opened or failed for good). */
  async function tryRecover(trx: Db, hall: HallRow, bid: HallBidRow, now: Date): Promise<boolean> {
    const parts = await deps.bids.sealedParts(trx, bid.bid_id, hall.bid_deadline);
    const rows = await tables(trx).selectFrom('opening.released_share').selectAll().where('bid_id', '=', bid.bid_id).execute();
    const keys = new Map<string, Uint8Array>();
    for (const p of parts) {
      const header = p.header as PartHeader;
      const shares: OpenedShare[] = [];
      for (const r of rows.filter((x) => x.part_id === p.partId)) shares.push(JSON.parse(fromUtf8(await vault.open(bid.bid_id, `${p.partId}:${r.share_index}`, new Uint8Array(r.sealed_share)))) as OpenedShare);
      if (shares.length < header.custodians.threshold) return false;
      try {
        keys.set(p.partId, await recoverContentKey(header, shares));
      } catch {
        keys.delete(p.partId);
      }
    }
    const manifest = (await deps.bids.openedBids(trx, hall.section_id, hall.round, hall.bid_deadline, sitting, bid.bid_id))[0]!.signedManifest;
    const checked = await checkReleasedKeys({ parts, signedManifest: manifest, keys, fields: hall.summary_fields as BidSummaryField[], readBlob: (sm3) => deps.blobs.read(sm3) });
    if (!checked.ok) {
      const outcome = unsealFailureOutcome('bidder', false);
      await store(trx).updateBid(bid.bid_id, { failure_code: 'remedyDoesNotOpen', failure_reason: `${bid.failure_reason}; the custodians' shares do not open it either: ${checked.reason}`, failure_outcome: outcome });
      await record(trx, { kind: 'system', label: 'opening hall' }, hall, 'remedyFailed', { bidId: bid.bid_id, entityName: bid.entity_name, reason: checked.reason, outcome });
      await event(trx, hall, 'unsealFailed', now, { bidId: bid.bid_id, entityName: bid.entity_name, reason: checked.reason });
      return true;
    }
    for (const [partId, key] of keys) {
      await tables(trx)
        .insertInto('opening.content_key')
        .values({ bid_id: bid.bid_id, part_id: partId, sealed_key: await vault.seal(bid.bid_id, partId, key), released_by: 'custodians', released_at: now })
        .onConflict((oc) => oc.columns(['bid_id', 'part_id']).doNothing())
        .execute();
    }
    await store(trx).updateBid(bid.bid_id, { unseal_status: 'remedied', unsealed_at: now, summary: JSON.stringify(checked.summary) });
    await record(trx, { kind: 'system', label: 'opening hall' }, hall, 'remedied', { bidId: bid.bid_id, entityName: bid.entity_name });
    await event(trx, hall, 'remedied', now, { bidId: bid.bid_id, entityName: bid.entity_name });
    return true;
  }

  /** An opening custodian releases its shares; bids with k shares of every part are opened at once. */
  async function release(sectionId: string, body: ShareReleaseRequest, caller: HallCaller): Promise<{ released: number; opened: number }> {
    const result = await deps.db.transaction().execute(async (trx) => {
      const { hall, bids, stage, now } = await lockedHall(trx, sectionId);
      if (stage !== 'unsealing') throw new DomainError('HALL_STAGE_CONFLICT', `shares are released while unsealing is open (the hall is at ${stage})`, { stage });
      const byId = new Map(bids.map((b) => [b.bid_id, b]));
      const touched = new Set<string>();
      let released = 0;
      for (const item of body.shares) {
        const bid = byId.get(item.bidId);
        if (!bid || !awaitsRemedy(bid)) throw new DomainError('UNSEAL_REQUEST_INVALID', 'the bid named does not await the custodians', { bidId: item.bidId });
        const part = (await deps.bids.sealedParts(trx, bid.bid_id, hall.bid_deadline)).find((p) => p.partId === item.partId);
        if (!part) throw new DomainError('UNSEAL_REQUEST_INVALID', 'no such part in the bid', { bidId: item.bidId, partId: item.partId });
        const share = await openedShare(item.wrappedShare, part.header as PartHeader);
        const inserted = await tables(trx)
          .insertInto('opening.released_share')
          .values({ bid_id: bid.bid_id, part_id: part.partId, share_index: share.index, key_id: share.keyId, sealed_share: await vault.seal(bid.bid_id, `${part.partId}:${share.index}`, new TextEncoder().encode(JSON.stringify(share))), released_by: caller.userId, released_at: now })
          .onConflict((oc) => oc.columns(['bid_id', 'part_id', 'share_index']).doNothing())
          .returning('bid_id')
          .execute();
        released += inserted.length;
        touched.add(bid.bid_id);
        if (inserted.length) await record(trx, caller.actor, hall, 'shareReleased', { bidId: bid.bid_id, partId: part.partId, shareIndex: share.index, keyId: share.keyId });
      }
      let opened = 0;
      for (const id of touched) if (await tryRecover(trx, hall, byId.get(id)!, now)) opened++;
      if (released) await event(trx, hall, 'shareReleased', now, { shares: released });
      const after = await store(trx).bids(sectionId, hall.round);
      await halls.readoutIfSettled(trx, hall, after, now);
      return { released, opened, round: hall.round };
    });
    bus.changed(sectionId);
    await halls.completeCoefficient(sectionId, result.round);
    return { released: result.released, opened: result.opened };
  }

  return { kit, release };
}

export type RemedyService = ReturnType<typeof createRemedyService>;
