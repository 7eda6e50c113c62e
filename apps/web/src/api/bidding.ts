// Sealed bids (issue 10, decision 0019): what a section's tender document requires, submission of a
// bid sealed in this browser, withdrawal and confirmation signed with the bidder's key, the entity's
// own bids with their signed receipts. The sealed parts go up separately over tus (bid/uploads.ts).
import type {
  BiddingRequirements,
  BidReceipt,
  BidReceiptResponse,
  BidSubmitRequest,
  BidView,
  BidWithdrawRequest,
  CustodianKeyView,
} from '@bidhall/contracts';
import type { JsonSignature } from '@bidhall/crypto/browser';
import { api, ApiError } from './client.ts';

export type { BiddingRequirements, BidReceipt, BidReceiptResponse, BidSubmitRequest, BidView, CustodianKeyView };

/** The bidder's virtual sub-account to pay a bid-bond deposit into (finance module, GET /bond-accounts/mine). */
export interface BondAccount {
  sectionId: string;
  accountNumber: string;
  accountName: string;
  bankName: string;
  /** Integer fen as decimal strings. */
  requiredFen: string;
  receivedFen: string;
  receivedBeforeDeadlineFen: string;
}

const enc = encodeURIComponent;

export const biddingApi = {
  requirements: (sectionId: string) => api.get<BiddingRequirements>(`/sections/${enc(sectionId)}/bidding`),
  submit: (sectionId: string, body: BidSubmitRequest) => api.post<BidReceiptResponse>(`/sections/${enc(sectionId)}/bids`, body),
  withdraw: (bidId: string, body: BidWithdrawRequest) => api.post<BidReceiptResponse>(`/bids/${enc(bidId)}/withdrawal`, body),
  confirm: (bidId: string, body: { documentVersion: number; signature: JsonSignature; certificatePem: string }) =>
    api.post<BidView>(`/bids/${enc(bidId)}/confirmation`, body),
  mine: () => api.get<BidView[]>('/bids/mine'),
  one: (bidId: string) => api.get<BidView>(`/bids/${enc(bidId)}`),
  /** The sub-account for a section's deposit; null where the finance module has none (yet). */
  bondAccount: async (sectionId: string): Promise<BondAccount | null> => {
    try {
      return await api.get<BondAccount>('/bond-accounts/mine', { sectionId });
    } catch (err) {
      if (err instanceof ApiError && (err.status === 404 || err.status === 405 || err.code === 'NOT_FOUND')) return null;
      throw err;
    }
  },
  /** Opens (or returns) the entity's sub-account for the section. */
  openBondAccount: (sectionId: string) => api.post<BondAccount>(`/bond-accounts/mine?sectionId=${enc(sectionId)}`, {}),
};
