import type { EvaluationSummary, ReviewMethod } from '@bidhall/contracts';
import {
  bidTotals,
  combineScores,
  type ComplianceVerdicts,
  complianceVerdicts,
  EvaluationInputError,
  type EvaluatorScores,
  evaluatedPrices,
  factorScores,
  limitedNumberReview,
  lowestEvaluatedPrice,
  passReview,
  priceScores,
  type ProcurementKind,
  rankBids,
  type Recommendation,
  scoreOutliers,
  ScoreOutOfRangeError,
  tenderFailure,
} from '@bidhall/rules';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { SittingMethod } from './evaluation.deps.ts';
import type { EvaluatedBid } from './evaluation.tables.ts';

export interface MemberSheet {
  memberId: string;
  name: string;
  verdicts: Record<string, Record<string, 'pass' | 'fail'>>;
  scores: Record<string, Record<string, number>>;
}

/**
 * The chair's summary from every member's submitted sheet, by the rules' engine (nothing recomputed
 * here): compliance by majority (A-140), factor means and price scores with the opening's coefficient,
 * totals (A-144), ranking and at most `method.candidates` candidates (A-145, B-026) — or the lowest
 * evaluated price (A-141) — and each member's deviation from the others (A-150). A government procurement
 * section's bids (`kind`) with fewer than three passing the review fail the tender instead (B-024).
 */
export function computeSummary(input: {
  method: SittingMethod;
  /** The section's procurement kind, for the bids' evaluation; absent: no rule depends on it. */
  kind?: ProcurementKind | undefined;
  bids: readonly EvaluatedBid[];
  coefficient: string | null;
  sheets: readonly MemberSheet[];
  adjustments: Record<string, Record<string, string>>;
  now: Date;
}): EvaluationSummary {
  try {
    return compute(input);
  } catch (e) {
    if (e instanceof ScoreOutOfRangeError) throw new DomainError('EVALUATION_SCORE_OUT_OF_RANGE', e.message, { bidId: e.bidId, factor: e.factor, score: e.score });
    if (e instanceof EvaluationInputError) throw new DomainError('EVALUATION_STATE_CONFLICT', e.message, { reason: 'input', ...e.details });
    throw e;
  }
}

function compute({ method, kind, bids, coefficient, sheets, adjustments, now }: Parameters<typeof computeSummary>[0]): EvaluationSummary {
  const name = new Map(bids.map((b) => [b.bidId, b.entityName]));
  const criteria = [...method.qualification, ...method.compliance];
  const verdicts: Record<string, Record<string, Record<string, 'pass' | 'fail'>>> = {};
  for (const s of sheets) verdicts[s.memberId] = Object.fromEntries(bids.map((b) => [b.bidId, s.verdicts[b.bidId] ?? {}]));
  const compliance = complianceVerdicts(
    criteria.map((c) => c.number),
    verdicts as ComplianceVerdicts,
  );
  const passed = new Set(compliance.filter((c) => c.passed).map((c) => c.bidId));
  const valid = bids.filter((b) => passed.has(b.bidId));
  const complianceView = compliance.map((c) => ({
    bidId: c.bidId,
    entityName: name.get(c.bidId) ?? '',
    passed: c.passed,
    failing: c.failing.map((n) => ({ number: n, title: criteria.find((x) => x.number === n)?.title ?? '' })),
  }));
  const base = { computedAt: now.toISOString(), method: method.type, compliance: complianceView, coefficient };
  if (method.type === 'pass' || method.type === 'limitedNumber') return { ...base, ...reviewResult(method, valid, sheets) };
  const failure = kind ? tenderFailure(kind, valid.length) : null;
  if (failure) return { ...base, ...failedTender(failure, valid, sheets) };
  const facts = valid.map((b) => ({ bidId: b.bidId, priceFen: BigInt(b.priceFen ?? ''), receivedAt: b.receivedAt }));

  if (method.type === 'lowestEvaluatedPrice') {
    const adjusted = facts.map((b) => ({ ...b, adjustments: Object.entries(adjustments[b.bidId] ?? {}).map(([clause, fen]) => ({ clause, amountFen: BigInt(fen) })) }));
    const rec = lowestEvaluatedPrice(adjusted, { candidates: method.candidates, separatedAward: !!method.separatedAward });
    const evaluated = new Map(evaluatedPrices(adjusted).map((e) => [e.bidId, e]));
    const ranking = rec.mode === 'ranked' ? rec.ranking : [];
    return {
      ...base,
      benchmarkPriceFen: null,
      bids: valid.map((b) => ({
        bidId: b.bidId,
        entityName: b.entityName,
        priceFen: b.priceFen,
        factors: [],
        priceScore: null,
        deviationPercent: null,
        total: null,
        evaluatedPriceFen: String(evaluated.get(b.bidId)!.evaluatedPriceFen),
      })),
      ranking: ranking.map((r) => ({ rank: r.rank, bidId: r.bidId, entityName: name.get(r.bidId) ?? '', total: null, evaluatedPriceFen: String(r.evaluatedPriceFen) })),
      candidates: candidatesOf(rec, name),
      outliers: sheets.map((s) => ({ memberId: s.memberId, name: s.name, deviation: 0, robustZ: 0, flagged: false, worstFactor: null })),
      memberScores: [],
    };
  }

  const priceFactor = method.factors.find((f) => f.category === 'price');
  if (!priceFactor) throw new DomainError('EVALUATION_STATE_CONFLICT', 'the scoring method has no price factor', { reason: 'method' });
  if (coefficient === null) throw new DomainError('EVALUATION_STATE_CONFLICT', 'the price coefficient has not been drawn', { reason: 'coefficient' });
  // Only the valid bids are scored: a bid that failed the review has no score (its sheet entries are set aside).
  const scores: Record<string, Record<string, Record<string, number>>> = {};
  for (const s of sheets) scores[s.memberId] = Object.fromEntries(valid.map((b) => [b.bidId, s.scores[b.bidId] ?? {}]));
  const factors = valid.length ? factorScores(method.factors, scores as EvaluatorScores) : [];
  const prices = priceScores(method.priceFormula, facts, Number(coefficient), priceFactor);
  const scored = combineScores(facts, factors, prices);
  const totals = new Map(bidTotals(scored).map((t) => [t.bidId, t.total]));
  const rec = rankBids(scored, { candidates: method.candidates, separatedAward: !!method.separatedAward });
  const deviations = valid.length ? scoreOutliers(method.factors, scores as EvaluatorScores) : [];
  const byFactor = new Map(factors.map((f) => [f.bidId, f]));
  const byPrice = new Map(prices.bids.map((p) => [p.bidId, p]));
  return {
    ...base,
    benchmarkPriceFen: prices.benchmark ? String(prices.benchmark.priceFen) : null,
    bids: valid.map((b) => ({
      bidId: b.bidId,
      entityName: b.entityName,
      priceFen: b.priceFen,
      factors: byFactor.get(b.bidId)?.factors ?? [],
      priceScore: byPrice.get(b.bidId)?.score ?? null,
      deviationPercent: byPrice.get(b.bidId)?.deviationPercent ?? null,
      total: totals.get(b.bidId) ?? null,
      evaluatedPriceFen: null,
    })),
    ranking: (rec.mode === 'ranked' ? rec.ranking : []).map((r) => ({ rank: r.rank, bidId: r.bidId, entityName: name.get(r.bidId) ?? '', total: r.total, evaluatedPriceFen: null })),
    candidates: candidatesOf(rec, name),
    outliers: sheets.map((s) => {
      const d = deviations.find((x) => x.evaluatorId === s.memberId);
      return { memberId: s.memberId, name: s.name, deviation: d?.deviation ?? 0, robustZ: d?.robustZ ?? 0, flagged: d?.flagged ?? false, worstFactor: d?.worstFactor ?? null };
    }),
    // The valid bids' scores only, as the engine took them.
    memberScores: sheets.map((s) => ({ memberId: s.memberId, scores: scores[s.memberId]! })),
  };
}

/**
 * B-024: the tender failed (废标) — the review's verdicts stand, the valid bids are listed unscored,
 * nobody is ranked or recommended; the reason says so in the law's words.
 */
function failedTender(failure: NonNullable<ReturnType<typeof tenderFailure>>, valid: readonly EvaluatedBid[], sheets: readonly MemberSheet[]) {
  return {
    benchmarkPriceFen: null,
    bids: valid.map((b) => ({ bidId: b.bidId, entityName: b.entityName, priceFen: b.priceFen, factors: [], priceScore: null, deviationPercent: null, total: null, evaluatedPriceFen: null })),
    ranking: [],
    candidates: [],
    outliers: sheets.map((s) => ({ memberId: s.memberId, name: s.name, deviation: 0, robustZ: 0, flagged: false, worstFactor: null })),
    memberScores: [],
    failure: {
      ...failure,
      reason: `符合资格条件、对招标文件作出实质性响应的供应商只有${failure.compliant}家，不足${failure.required}家，依照${failure.source}的规定应予废标，依法重新招标`,
    },
  };
}

/**
 * The recommended candidates: ranked, or under the separated award (评定分离) unranked and in id order —
 * the ranking is then empty too, so that no order reaches the tenderer's award committee.
 */
function candidatesOf(rec: Recommendation<{ bidId: string }>, name: Map<string, string>): EvaluationSummary['candidates'] {
  if (rec.mode === 'separated') return rec.recommended.map((bidId) => ({ rank: null, bidId, entityName: name.get(bidId) ?? '' }));
  return rec.candidates.map((r) => ({ rank: r.rank, bidId: r.bidId, entityName: name.get(r.bidId) ?? '' }));
}

/**
 * A prequalification review: no price, no benchmark, no candidates; the applicants who pass —
 * all that passed the review, or the first `limit` of them by their factor totals — and, under the
 * limited-number method, the factor means, the ranking and each member's deviation.
 */
function reviewResult(method: ReviewMethod, valid: readonly EvaluatedBid[], sheets: readonly MemberSheet[]) {
  const name = new Map(valid.map((b) => [b.bidId, b.entityName]));
  const quiet = sheets.map((s) => ({ memberId: s.memberId, name: s.name, deviation: 0, robustZ: 0, flagged: false, worstFactor: null }));
  const row = (b: EvaluatedBid, factors: { number: string; mean: number; contribution: number }[], total: number | null) => ({
    bidId: b.bidId,
    entityName: b.entityName,
    priceFen: null,
    factors,
    priceScore: null,
    deviationPercent: null,
    total,
    evaluatedPriceFen: null,
  });
  if (method.type === 'pass') {
    const r = passReview(valid);
    return {
      benchmarkPriceFen: null,
      bids: valid.map((b) => row(b, [], null)),
      ranking: [],
      candidates: [],
      outliers: quiet,
      memberScores: [],
      qualified: r.qualified.map((q) => ({ bidId: q.bidId, entityName: name.get(q.bidId) ?? '', rank: null, total: null })),
    };
  }
  const scores: Record<string, Record<string, Record<string, number>>> = {};
  for (const s of sheets) scores[s.memberId] = Object.fromEntries(valid.map((b) => [b.bidId, s.scores[b.bidId] ?? {}]));
  const factors = valid.length ? factorScores(method.factors, scores as EvaluatorScores) : [];
  const r = limitedNumberReview(valid, factors, method.limit);
  const byFactor = new Map(factors.map((f) => [f.bidId, f.factors]));
  const totals = new Map(r.ranking.map((x) => [x.bidId, x.total]));
  const deviations = valid.length ? scoreOutliers(method.factors, scores as EvaluatorScores) : [];
  return {
    benchmarkPriceFen: null,
    bids: valid.map((b) => row(b, byFactor.get(b.bidId) ?? [], totals.get(b.bidId) ?? null)),
    ranking: r.ranking.map((x) => ({ rank: x.rank!, bidId: x.bidId, entityName: name.get(x.bidId) ?? '', total: x.total, evaluatedPriceFen: null })),
    candidates: [],
    outliers: sheets.map((s) => {
      const d = deviations.find((x) => x.evaluatorId === s.memberId);
      return { memberId: s.memberId, name: s.name, deviation: d?.deviation ?? 0, robustZ: d?.robustZ ?? 0, flagged: d?.flagged ?? false, worstFactor: d?.worstFactor ?? null };
    }),
    memberScores: sheets.map((s) => ({ memberId: s.memberId, scores: scores[s.memberId]! })),
    qualified: r.qualified.map((q) => ({ bidId: q.bidId, entityName: name.get(q.bidId) ?? '', rank: q.rank, total: q.total })),
  };
}
