// The tag colours of a bond refund's state and timeliness, shared by the staff's refund table and the bidder's bond card.
import type { RefundState, RefundTiming } from '../../api/finance.ts';

export const REFUND_STATE_COLORS: Record<RefundState, string> = { requested: 'processing', paid: 'success', settled: 'default' };
export const REFUND_TIMING_COLORS: Record<RefundTiming, string> = { onTime: 'green', late: 'orange', overdue: 'red', pending: 'blue' };
