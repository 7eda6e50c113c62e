/**
 * Pass/fail reviews (形式、资格、响应性评审): each evaluator's verdict per bid per criterion, decided by
 * the majority of the committee (少数服从多数).
 */
import { EvaluationInputError } from './evaluation.errors.ts';
import { evaluatorsAndBids, ownValue } from './records.ts';

export type Verdict = 'pass' | 'fail';

/** evaluator id → bid id → criterion number → verdict. */
export type ComplianceVerdicts = Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, Verdict>>>>>>;

export interface BidCompliance {
  bidId: string;
  passed: boolean;
  /** Criterion numbers the bid fails, in the order of the criteria. */
  failing: string[];
  /** Votes per criterion number. */
  votes: Record<string, { pass: number; fail: number }>;
}

/**
 * Per bid (sorted by id): a criterion is met when more than half of the evaluators find it met; the
 * bid passes when it meets every criterion. Every evaluator gives a verdict on every criterion of
 * every bid, or the review is incomplete (EvaluationInputError).
 */
export function complianceVerdicts(criteria: readonly string[], verdicts: ComplianceVerdicts): BidCompliance[] {
  const { evaluators, bids } = evaluatorsAndBids(verdicts);
  return bids.map((bidId) => {
    const votes: Record<string, { pass: number; fail: number }> = {};
    const failing: string[] = [];
    for (const criterion of criteria) {
      const tally = { pass: 0, fail: 0 };
      for (const evaluatorId of evaluators) {
        const v = ownValue(ownValue(verdicts[evaluatorId], bidId), criterion);
        if (v !== 'pass' && v !== 'fail') {
          throw new EvaluationInputError(`evaluator ${evaluatorId} has no verdict on criterion ${criterion} for bid ${bidId}`, { evaluatorId, bidId, criterion });
        }
        tally[v]++;
      }
      Object.defineProperty(votes, criterion, { value: tally, enumerable: true, writable: true, configurable: true });
      // 少数服从多数: the criterion is met only with a majority for "pass". An even split (possible only
      // when the committee counts an even number of evaluators) is no majority for it, so it fails.
      if (tally.pass * 2 <= evaluators.length) failing.push(criterion);
    }
    return { bidId, passed: failing.length === 0, failing, votes };
  });
}
