/**
 * 资格预审: which applicants pass the prequalification review. Under the pass method (合格制)
 * every applicant that passes the compliance and qualification review passes. Under the limited-number
 * method (有限数量制) those are scored on the review's factors (no price) and at most `limit` pass,
 * highest total first; equal totals go to the earlier application, then to the smaller id. Fewer than
 * three passing applicants means the prequalification is held again (招标投标法实施条例 第十九条).
 */
import { receiptTime } from './candidates.ts';
import { EvaluationInputError } from './evaluation.errors.ts';
import type { BidFactorScores } from './factor-scores.ts';
import { compareIds } from './records.ts';
import { round2 } from './rounding.ts';

/** 实施条例 第十九条: fewer passing applicants than this and the prequalification is held again. */
export const MIN_QUALIFIED = 3;

export interface Applicant {
  bidId: string;
  /** When the platform received the application (ISO instant). */
  receivedAt: string | Date;
}

export interface QualifiedApplicant {
  bidId: string;
  /** The place by total under the limited-number method; null under the pass method. */
  rank: number | null;
  /** The total of the factor contributions, rounded to 2 decimals; null under the pass method. */
  total: number | null;
}

export interface ReviewResult {
  /** The applicants ranked by total (limited number) or sorted by id (pass): every applicant that passed the review. */
  ranking: QualifiedApplicant[];
  /** Those that pass the prequalification. */
  qualified: QualifiedApplicant[];
  /** Fewer than MIN_QUALIFIED pass: the prequalification is to be held again. */
  tooFew: boolean;
}

/** 合格制: every applicant that passed the review passes. */
export function passReview(passed: readonly Applicant[]): ReviewResult {
  const qualified = [...passed]
    .sort((a, b) => compareIds(a.bidId, b.bidId))
    .map((a) => ({ bidId: a.bidId, rank: null, total: null }));
  return { ranking: qualified, qualified, tooFew: qualified.length < MIN_QUALIFIED };
}

/** 有限数量制: the passed applicants' factor subtotals, ranked; the first `limit` pass. */
export function limitedNumberReview(
  passed: readonly Applicant[],
  factors: readonly BidFactorScores[],
  limit: number,
): ReviewResult {
  if (!Number.isSafeInteger(limit) || limit < 1)
    throw new EvaluationInputError(`a limited-number review passes at least one applicant, not ${limit}`, { limit });
  const subtotal = new Map(factors.map((f) => [f.bidId, f.subtotal]));
  const rows = passed.map((a) => {
    const s = subtotal.get(a.bidId);
    if (s === undefined) throw new EvaluationInputError(`applicant ${a.bidId} has no factor scores`, { bidId: a.bidId });
    return { bidId: a.bidId, total: round2(s), at: receiptTime(a.bidId, a.receivedAt) };
  });
  rows.sort((a, b) => b.total - a.total || a.at - b.at || compareIds(a.bidId, b.bidId));
  const ranking = rows.map((r, i) => ({ bidId: r.bidId, rank: i + 1, total: r.total }));
  const qualified = ranking.slice(0, limit);
  return { ranking, qualified, tooFew: qualified.length < MIN_QUALIFIED };
}
