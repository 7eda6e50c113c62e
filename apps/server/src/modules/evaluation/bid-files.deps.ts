import type { BidSummaryField, Sitting } from '@bidhall/contracts';
import type { PreparationFingerprint } from '@bidhall/crypto';
import type { Readable } from 'node:stream';
import type { Db } from '../../platform/db/database.ts';

/**
 * opening → evaluation (decision 0028): the read-out bids' (or applications') parts as their signed manifests list them,
 * with whether the bulk decryption has made each one's evaluation copy, and a copy's plaintext checked
 * before and while it streams. Null before the readout.
 */
export interface EvaluationCopyPort {
  bidsOf(
    trx: Db,
    sectionId: string,
    sitting?: Sitting,
  ): Promise<{
    round: number;
    finished: boolean;
    bids: {
      bidId: string;
      entityId: string;
      receivedAt: string;
      bond: { form: string | null; status: string | null };
      preparation: PreparationFingerprint | null;
      parts: { partId: string; name: string; role: 'bidSummary' | 'file'; partKey: string | null; mediaType: string | null; size: number; plaintextHash: string; available: boolean }[];
    }[];
  } | null>;
  open(
    trx: Db,
    sectionId: string,
    bidId: string,
    partId: string,
    sitting?: Sitting,
  ): Promise<{ ok: true; name: string; size: number; mediaType: string | null; stream: Readable } | { ok: false; reason: 'unavailable' | 'tampered'; detail: string }>;
}

/** documents → evaluation: what the issued tender document requires of a bid; null without one. */
export interface RequirementsPort {
  requirementsOf(
    trx: Db,
    sectionId: string,
  ): Promise<{
    /** 最高投标限价, integer fen. */
    controlPriceFen: string | null;
    maxDurationDays: number | null;
    qualityStandard: string | null;
    /** The bid bond asked, integer fen; null or 0 when none. */
    bidBondFen: string | null;
    fields: BidSummaryField[];
    parts: { key: string; name: string }[];
  } | null>;
  /** The tender bill the bids price: its SM3 and the lines to price in the bill's order; null without one. */
  billOf(trx: Db, sectionId: string): Promise<{ billSm3: string; items: { code: string; name: string; unit: string; quantity: string }[] } | null>;
}
