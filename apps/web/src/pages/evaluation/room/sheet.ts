import type { EvaluationSheetInput, EvaluationView, ScoringFactor } from '@bidhall/contracts';

export type Rubric = NonNullable<EvaluationView['rubric']>;
export type Verdicts = EvaluationSheetInput['verdicts'];
export type Scores = EvaluationSheetInput['scores'];
export interface Sheet {
  verdicts: Verdicts;
  scores: Scores;
}

/** The factors a member scores: every factor but the price, whose score comes from the formula. */
export const scoredFactors = (rubric: Rubric): ScoringFactor[] => rubric.factors.filter((f) => f.category !== 'price');

/** The pass/fail criteria, qualification first, each with its group. */
export const criteriaOf = (rubric: Rubric) => [
  ...rubric.qualification.map((c) => ({ ...c, group: 'qualification' as const })),
  ...rubric.compliance.map((c) => ({ ...c, group: 'compliance' as const })),
];

/** The key of one field of the sheet: a verdict or a score of one bid. */
export const fieldKey = (bidId: string, kind: 'verdict' | 'score', number: string) => `${bidId}/${kind}/${number}`;

export interface Progress {
  done: number;
  total: number;
}

/** How much of the sheet is filled, in all and per bid: what submitting needs (every verdict, every score). */
export function sheetProgress(rubric: Rubric, bidIds: readonly string[], sheet: Sheet): { all: Progress; byBid: Record<string, Progress> } {
  const criteria = criteriaOf(rubric);
  const factors = scoredFactors(rubric);
  const byBid: Record<string, Progress> = {};
  const all = { done: 0, total: 0 };
  for (const bidId of bidIds) {
    const done = criteria.filter((c) => sheet.verdicts[bidId]?.[c.number]).length + factors.filter((f) => typeof sheet.scores[bidId]?.[f.number] === 'number').length;
    const total = criteria.length + factors.length;
    byBid[bidId] = { done, total };
    all.done += done;
    all.total += total;
  }
  return { all, byBid };
}

/** The sheet with one verdict set. */
export function withVerdict(sheet: Sheet, bidId: string, number: string, verdict: 'pass' | 'fail'): Sheet {
  return { ...sheet, verdicts: { ...sheet.verdicts, [bidId]: { ...sheet.verdicts[bidId], [number]: verdict } } };
}

/** The sheet with one score set, or cleared (null). */
export function withScore(sheet: Sheet, bidId: string, number: string, score: number | null): Sheet {
  const row = { ...sheet.scores[bidId] };
  if (score === null) delete row[number];
  else row[number] = score;
  return { ...sheet, scores: { ...sheet.scores, [bidId]: row } };
}

/**
 * The field a refusal of the sheet is about, from the problem's details: an out-of-range score names its
 * bid and factor, an incomplete sheet its first missing verdict or score, an unknown clause the clause.
 */
export function refusedField(code: string, details: Record<string, unknown>): string | undefined {
  const bidId = typeof details.bidId === 'string' ? details.bidId : undefined;
  if (code === 'EVALUATION_SCORE_OUT_OF_RANGE' && bidId && typeof details.factor === 'string') return fieldKey(bidId, 'score', details.factor);
  if (code !== 'EVALUATION_SHEET_INVALID') return undefined;
  const at = Array.isArray(details.missing) ? (details.missing[0] as Record<string, unknown> | undefined) : details;
  if (!at || typeof at.bidId !== 'string') return undefined;
  if (typeof at.factor === 'string') return fieldKey(at.bidId, 'score', at.factor);
  if (typeof at.criterion === 'string') return fieldKey(at.bidId, 'verdict', at.criterion);
  return undefined;
}
