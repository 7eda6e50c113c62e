import type { Sitting } from '@bidhall/contracts';

/**
 * Where the bidding words of a sitting are: a prequalification application says 资格预审申请文件, 申请截止时间…
 * where a bid says 投标文件, 投标截止时间… (`applicationBidding.*` holds those of its keys that differ from `bidding.*`).
 */
export const biddingWords = (sitting: Sitting | undefined) => (sitting === 'application' ? 'applicationBidding' : 'bidding') as 'bidding' | 'applicationBidding';

/** The receipt's sitting: a receipt without one is a bid's (decision 0023). */
export const receiptSitting = (receipt: { sitting?: 'application' }): Sitting => receipt.sitting ?? 'bid';
