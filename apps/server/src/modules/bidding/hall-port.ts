import type { Sitting } from '@bidhall/contracts';
import type { SignedManifest } from '@bidhall/crypto';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Db } from '../../platform/db/database.ts';
import { type BiddingDeps, tables } from './bidding.deps.ts';

/** A bid live at the deadline, as the opening hall reads it. */
export interface OpenedBid {
  bidId: string;
  entityId: string;
  entityName: string;
  receivedAt: Date;
  manifestSm3: string;
  signedManifest: SignedManifest;
  bondForm: string | null;
  bondStatus: string | null;
  /** The receipt of its submission: commitment and salt, revealed once the hall opens. */
  receipt: { commitment: string; salt: string; logIndex: number };
}

export interface SealedPartRef {
  partId: string;
  name: string;
  role: 'bidSummary' | 'file';
  blobSm3: string;
  ciphertextSize: number;
  ciphertextHash: string;
  header: unknown;
}

/**
 * bidding → opening (decision 0021): the section's bids (or applications, decision 0023) only once the
 * sitting's deadline has passed, in receipt order, and their sealed parts. Before the deadline
 * this port refuses, whatever asks.
 */
export function createHallPort(deps: Pick<BiddingDeps, 'clock'>) {
  function assertPast(deadline: Date) {
    if (deps.clock.now().getTime() < deadline.getTime()) throw new DomainError('BIDDING_NOT_READY', 'bids are read only after the deadline');
  }
  return {
    async openedBids(trx: Db, sectionId: string, round: number, deadline: Date, sitting: Sitting = 'bid', only?: string): Promise<OpenedBid[]> {
      assertPast(deadline);
      let q = tables(trx)
        .selectFrom('bidding.bid as b')
        .innerJoin('bidding.receipt as r', (j) => j.onRef('r.bid_id', '=', 'b.id').on('r.event', '=', 'submitted'))
        .select(['b.id', 'b.entity_id', 'b.entity_name', 'b.received_at', 'b.manifest_sm3', 'b.manifest', 'b.bond_form', 'b.bond_status', 'r.receipt'])
        .where('b.section_id', '=', sectionId)
        .where('b.round', '=', round)
        .where('b.sitting', '=', sitting)
        .where('b.status', '=', 'submitted')
        .where('b.received_at', '<', deadline);
      // One bid (an unsealing checks its own manifest): not every manifest of a 500-bid hall.
      if (only) q = q.where('b.id', '=', only);
      const rows = await q.orderBy('b.received_at').orderBy('b.receipt_seq').execute();
      return rows.map((r) => {
        const receipt = (typeof r.receipt === 'string' ? JSON.parse(r.receipt) : r.receipt) as { commitment: string; salt: string; logIndex: number };
        return {
          bidId: r.id,
          entityId: r.entity_id,
          entityName: r.entity_name,
          receivedAt: r.received_at,
          manifestSm3: r.manifest_sm3,
          signedManifest: (typeof r.manifest === 'string' ? JSON.parse(r.manifest) : r.manifest) as SignedManifest,
          bondForm: r.bond_form,
          bondStatus: r.bond_status,
          receipt: { commitment: receipt.commitment, salt: receipt.salt, logIndex: Number(receipt.logIndex) },
        };
      });
    },
    async sealedParts(trx: Db, bidId: string, deadline: Date): Promise<SealedPartRef[]> {
      assertPast(deadline);
      const rows = await tables(trx).selectFrom('bidding.bid_part').selectAll().where('bid_id', '=', bidId).orderBy('role').orderBy('name').execute();
      return rows.map((r) => ({
        partId: r.part_id,
        name: r.name,
        role: r.role,
        blobSm3: r.blob_sm3,
        ciphertextSize: Number(r.ciphertext_size),
        ciphertextHash: r.ciphertext_hash,
        header: typeof r.header === 'string' ? JSON.parse(r.header) : r.header,
      }));
    },
  };
}

export type HallPort = ReturnType<typeof createHallPort>;
