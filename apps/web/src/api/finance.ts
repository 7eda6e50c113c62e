// Bid bond refunds (finance module, decision 0033): the bidder's own refunds and its request for them;
// the staff's list (sealed before a section's deadline) and task 10's figure (paid within 2 working days).
import type { BondRefundFigure, BondRefundView } from '@bidhall/contracts';
import { api } from './client.ts';

export type { BondRefundFigure, BondRefundView };
export type RefundState = BondRefundView['state'];
export const REFUND_STATES: readonly RefundState[] = ['requested', 'paid', 'settled'];

/** How a refund stands against its due date: paid by it, paid after it, unpaid past it, or not yet due. */
export type RefundTiming = 'onTime' | 'late' | 'overdue' | 'pending';
export const REFUND_TIMINGS: readonly RefundTiming[] = ['onTime', 'late', 'overdue', 'pending'];
export const refundTiming = (r: Pick<BondRefundView, 'onTime' | 'overdue'>): RefundTiming =>
  r.onTime === true ? 'onTime' : r.onTime === false ? 'late' : r.overdue ? 'overdue' : 'pending';

export const refundsApi = {
  /** The caller's entity's refunds, newest first. */
  mine: () => api.get<BondRefundView[]>('/bond-refunds/mine'),
  /** Asks for the deposits on a section back (refused BOND_HELD while a bid there is live); answers the entity's refunds. */
  request: (sectionId: string) => api.post<BondRefundView[]>('/bond-refunds/mine', { sectionId }),
  /** Staff, supervisors and auditors: the refunds of their regions, newest first. */
  list: (filter: { state?: RefundState | 'overdue'; limit?: number }) => api.get<BondRefundView[]>('/bond-refunds', { ...filter }),
  /** Task 10's figure over the refunds requested in [from, to). */
  figure: (range: { from: string; to: string }) => api.get<BondRefundFigure>('/bond-refunds/figure', range),
};
