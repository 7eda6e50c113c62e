import type { EvaluationSummary, ScoringFactor } from '@bidhall/contracts';

export interface MemberLine {
  memberId: string;
  name: string;
  flagged: boolean;
  values: number[];
}

export interface ScoreSeries {
  /** Bid names, or factor names. */
  categories: string[];
  /** The committee's mean for each category. */
  committee: number[];
  members: MemberLine[];
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Each member's scores beside the committee's mean, by bid (the sum of the member's factor scores for
 * each valid bid) or by factor (the member's mean score of the factor over the valid bids). The
 * members the summary flagged as outliers are marked.
 */
export function scoreSeries(summary: EvaluationSummary, factors: readonly ScoringFactor[], by: 'bid' | 'factor', nameOf: (memberId: string) => string): ScoreSeries {
  const bids = summary.bids;
  const flagged = new Set(summary.outliers.filter((o) => o.flagged).map((o) => o.memberId));
  const cells = (scores: Record<string, Record<string, number>>) =>
    by === 'bid'
      ? bids.map((b) => factors.reduce((s, f) => s + (scores[b.bidId]?.[f.number] ?? 0), 0))
      : factors.map((f) => mean(bids.map((b) => scores[b.bidId]?.[f.number] ?? 0)));
  const members = summary.memberScores.map((m) => ({ memberId: m.memberId, name: nameOf(m.memberId), flagged: flagged.has(m.memberId), values: cells(m.scores).map(round2) }));
  const categories = by === 'bid' ? bids.map((b) => b.entityName) : factors.map((f) => `${f.number} ${f.name}`);
  const committee = categories.map((_, i) => round2(mean(members.map((m) => m.values[i]!))));
  return { categories, committee, members };
}
