import type { EvaluationMethod, EvaluationSummary, SeparatedAwardTerms } from '@bidhall/contracts';
import type { Db } from '../../platform/db/database.ts';
import { json } from './evaluation.deps.ts';
import type { EvaluatedBid } from './evaluation.tables.ts';
import { reportTables } from './report.tables.ts';

/** A recommended candidate as the completed report ranks it (rank null under the separated award). */
export interface ReportedCandidate {
  rank: number | null;
  bidId: string;
  entityId: string;
  entityName: string;
  priceFen: string;
  total: number | null;
  evaluatedPriceFen: string | null;
}

/** Every evaluated bid: its rank, or the review criteria it failed (for the letters' reasons). */
export interface EvaluatedOutcome {
  bidId: string;
  entityId: string;
  entityName: string;
  rank: number | null;
  failing: { number: string; title: string }[];
}

/** B-024: the committee found the tender failed (废标): no candidates, the section tendered again. */
export interface FailedTender {
  reason: string;
  source: string;
}

/**
 * evaluation → award: the bids' evaluation result once its report is signed by every member — the
 * report's SM3, when it was completed, the candidates with their ranks, and the separated award's terms
 * when the document fixed one (评定分离), or the failure of the tender (B-024, no candidates); null before.
 */
export async function evaluationResultOf(
  trx: Db,
  sectionId: string,
): Promise<{ reportSm3: string; completedAt: Date; candidates: ReportedCandidate[]; bids: EvaluatedOutcome[]; separatedAward: SeparatedAwardTerms | null; failure: FailedTender | null } | null> {
  const row = await reportTables(trx)
    .selectFrom('evaluation.evaluation as e')
    .innerJoin('evaluation.report as r', (j) => j.onRef('r.section_id', '=', 'e.section_id').onRef('r.sitting', '=', 'e.sitting'))
    .select(['e.bids', 'e.summary', 'e.method', 'r.completed_at', 'r.report_sm3'])
    .where('e.section_id', '=', sectionId)
    .where('e.sitting', '=', 'bid')
    .executeTakeFirst();
  if (!row?.completed_at || !row.report_sm3 || row.summary === null) return null;
  const summary = json<EvaluationSummary>(row.summary);
  const bids = new Map(json<EvaluatedBid[]>(row.bids).map((b) => [b.bidId, b]));
  const ranked = new Map(summary.ranking.map((r) => [r.bidId, r]));
  const failing = new Map(summary.compliance.map((c) => [c.bidId, c.failing]));
  return {
    reportSm3: row.report_sm3,
    completedAt: row.completed_at,
    separatedAward: json<EvaluationMethod>(row.method).separatedAward ?? null,
    failure: summary.failure ? { reason: summary.failure.reason, source: summary.failure.source } : null,
    // A failed tender has none (the summary lists none; said again here so that the award never finds one).
    candidates: (summary.failure ? [] : summary.candidates).flatMap((c) => {
      const bid = bids.get(c.bidId);
      if (!bid) return [];
      const r = ranked.get(c.bidId);
      return [
        {
          rank: c.rank,
          bidId: c.bidId,
          entityId: bid.entityId,
          entityName: c.entityName,
          priceFen: bid.priceFen ?? '0',
          total: r?.total ?? null,
          evaluatedPriceFen: r?.evaluatedPriceFen ?? null,
        },
      ];
    }),
    bids: [...bids.values()].map((b) => ({
      bidId: b.bidId,
      entityId: b.entityId,
      entityName: b.entityName,
      rank: ranked.get(b.bidId)?.rank ?? null,
      failing: failing.get(b.bidId) ?? [],
    })),
  };
}
