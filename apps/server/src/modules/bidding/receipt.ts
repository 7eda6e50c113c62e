import { randomUUID } from 'node:crypto';
import type { BidReceipt } from '@bidhall/contracts';
import { canonicalJson, concat, fromHex, randomBytes, signJson, sm3, toHex } from '@bidhall/crypto';
import type { Db } from '../../platform/db/database.ts';
import { type BiddingDeps, tables } from './bidding.deps.ts';

export type ReceiptCore = Omit<BidReceipt, 'commitment' | 'salt' | 'logIndex' | 'timestamp' | 'signature'>;

/** Hex SM3(salt bytes || canonical JSON of the receipt's core): the only thing the public log holds of a bid event. */
export function receiptCommitment(core: ReceiptCore, saltHex: string): string {
  return toHex(sm3(concat(fromHex(saltHex), canonicalJson(core))));
}

/** The core of a receipt: what it commits to, without the commitment, salt, log index, timestamp and signature. */
export function coreOf(receipt: BidReceipt): ReceiptCore {
  const { commitment: _c, salt: _s, logIndex: _l, timestamp: _t, signature: _g, ...core } = receipt;
  return core;
}

/**
 * A bid event, received blind (decision 0019): one public log entry `{type: 'sealedBidEvent',
 * occurredAt, commitment}` — no section, entity or region — and a receipt signed by the platform,
 * the manifest's SM3 stamped by the time authority. In the caller's transaction; no audit-trail row.
 */
export async function issueReceipt(
  deps: Pick<BiddingDeps, 'log' | 'signingKey' | 'timeAuthority'>,
  trx: Db,
  p: Omit<ReceiptCore, 'type' | 'receiptId'>,
): Promise<BidReceipt> {
  const core: ReceiptCore = { type: 'bidhall.bidReceipt/1', receiptId: randomUUID(), ...p };
  const salt = toHex(randomBytes(16));
  const commitment = receiptCommitment(core, salt);
  // Stamped before the log append: from the append to the commit the log is locked for every other
  // submission, so only what needs the log index (the receipt's signature) is computed in that time.
  const timestamp = deps.timeAuthority.stamp('SM3', p.manifestSm3);
  const [logIndex] = await deps.log.append(trx, [{ type: 'sealedBidEvent', occurredAt: p.receivedAt, commitment }]);
  const body: Omit<BidReceipt, 'signature'> = { ...core, logIndex: logIndex!, commitment, salt, timestamp };
  const receipt: BidReceipt = { ...body, signature: signJson(body, deps.signingKey.key) };
  await tables(trx)
    .insertInto('bidding.receipt')
    .values({ id: core.receiptId, bid_id: p.bidId, event: p.event, log_index: logIndex!, receipt: JSON.stringify(receipt), issued_at: new Date(p.receivedAt) })
    .execute();
  return receipt;
}
