/**
 * The committee's recommendation from an ordered list of bids: at most `candidates` (B-026: 1 to 3),
 * ranked; or, for the separated award (评定分离), the same bids unranked, sorted by id so that no order
 * is exposed.
 */
import { EvaluationInputError } from './evaluation.errors.ts';
import { compareIds } from './records.ts';

/** B-026: the committee recommends at most three candidates. */
export const MAX_CANDIDATES = 3;

export interface RecommendOptions {
  candidates: number;
  /** 评定分离: the tenderer decides among unranked recommended candidates. */
  separatedAward?: boolean;
}

/**
 * Ranked: every bid with its rank (1 = best) and the candidates, the first `candidates` of them.
 * Separated: only the ids of the recommended bids, sorted by id — no rank, no order.
 */
export type Recommendation<T> = { mode: 'ranked'; ranking: (T & { rank: number })[]; candidates: (T & { rank: number })[] } | { mode: 'separated'; recommended: string[] };

export function checkCandidateCount(candidates: number): void {
  if (!Number.isSafeInteger(candidates) || candidates < 1 || candidates > MAX_CANDIDATES) {
    throw new EvaluationInputError(`the committee recommends 1 to ${MAX_CANDIDATES} candidates, not ${candidates}`, { candidates });
  }
}

/** `ordered` is best first. */
export function recommend<T extends { bidId: string }>(ordered: readonly T[], options: RecommendOptions): Recommendation<T> {
  checkCandidateCount(options.candidates);
  if (options.separatedAward) return { mode: 'separated', recommended: ordered.slice(0, options.candidates).map((b) => b.bidId).sort(compareIds) };
  const ranking = ordered.map((b, i) => ({ ...b, rank: i + 1 }));
  return { mode: 'ranked', ranking, candidates: ranking.slice(0, options.candidates) };
}

/** An instant of receipt as milliseconds, refusing what is not a date. */
export function receiptTime(bidId: string, at: string | Date): number {
  const t = at instanceof Date ? at.getTime() : Date.parse(at);
  if (!Number.isFinite(t)) throw new EvaluationInputError(`bid ${bidId}: receivedAt is not a date`, { bidId });
  return t;
}
