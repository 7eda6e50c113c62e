// Deposit forfeiture (不予退还投标保证金, decision 0042): the tenderer's (or its agency's) decisions on a
// section's bidders' deposits on a statutory ground the server checks against the record, and the
// bidder's view of the decisions on its own deposits.
import type {
  BondForfeitureCandidate,
  BondForfeitureGround,
  BondForfeitureList,
  BondForfeitureRequest,
  BondForfeitureView,
} from '@bidhall/contracts';
import { api } from './client.ts';

export type { BondForfeitureCandidate, BondForfeitureGround, BondForfeitureList, BondForfeitureRequest, BondForfeitureView };
export type ForfeiturePaymentState = BondForfeitureView['payments'][number]['state'];

export const forfeituresApi = {
  /** The section's forfeitures and, after the bid deadline, each bidder's held deposits with the grounds the record supports. */
  ofSection: (sectionId: string) => api.get<BondForfeitureList>(`/sections/${sectionId}/bond-forfeitures`),
  /** Forfeits one bidder's deposits (422 BOND_FORFEITURE_UNLAWFUL, 409 BOND_FORFEITED / BOND_NOTHING_TO_FORFEIT); answers the list. */
  decide: (sectionId: string, body: BondForfeitureRequest) =>
    api.post<BondForfeitureList>(`/sections/${sectionId}/bond-forfeitures`, body),
  /** Bidders: the decisions on the caller's entity's deposits. */
  mine: () => api.get<BondForfeitureView[]>('/bond-forfeitures/mine'),
};
