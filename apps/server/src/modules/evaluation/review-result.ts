import type { EvaluationSummary } from '@bidhall/contracts';
import { MIN_QUALIFIED } from '@bidhall/rules';
import type { Db } from '../../platform/db/database.ts';
import { json } from './evaluation.deps.ts';
import type { EvaluatedBid } from './evaluation.tables.ts';
import { reportTables } from './report.tables.ts';

/** The prequalification's outcome as bidding and documents need it. */
export interface Prequalification {
  /** The entities that passed. */
  entityIds: string[];
  /** Fewer than three passed: the prequalification is held again (实施条例 第十九条). */
  tooFew: boolean;
  completedAt: string;
}

/** An application as the completed review judged it: passed, or the criteria it failed (none: not among the limited number). */
export interface ReviewedApplication {
  bidId: string;
  entityId: string;
  entityName: string;
  qualified: boolean;
  failing: { number: string; title: string }[];
}

/**
 * evaluation → prequalification: the completed prequalification review — when its report was signed
 * by every member, and every application's verdict; null before.
 */
export async function reviewOutcomeOf(trx: Db, sectionId: string): Promise<{ completedAt: Date; applicants: ReviewedApplication[] } | null> {
  const row = await reportTables(trx)
    .selectFrom('evaluation.evaluation as e')
    .innerJoin('evaluation.report as r', (j) => j.onRef('r.section_id', '=', 'e.section_id').onRef('r.sitting', '=', 'e.sitting'))
    .select(['e.bids', 'e.summary', 'r.completed_at'])
    .where('e.section_id', '=', sectionId)
    .where('e.sitting', '=', 'application')
    .executeTakeFirst();
  if (!row?.completed_at || row.summary === null) return null;
  const summary = json<EvaluationSummary>(row.summary);
  const qualified = new Set((summary.qualified ?? []).map((q) => q.bidId));
  const failing = new Map(summary.compliance.map((c) => [c.bidId, c.failing]));
  const applicants = json<EvaluatedBid[]>(row.bids).map((b) => ({
    bidId: b.bidId,
    entityId: b.entityId,
    entityName: b.entityName,
    qualified: qualified.has(b.bidId),
    failing: failing.get(b.bidId) ?? [],
  }));
  return { completedAt: row.completed_at, applicants };
}

/**
 * evaluation → documents: the applicants who passed the prequalification, once the review's report
 * is signed by every member; null before.
 */
export async function prequalificationOf(trx: Db, sectionId: string): Promise<Prequalification | null> {
  const outcome = await reviewOutcomeOf(trx, sectionId);
  if (!outcome) return null;
  const entityIds = outcome.applicants.filter((a) => a.qualified).map((a) => a.entityId);
  return { entityIds, tooFew: entityIds.length < MIN_QUALIFIED, completedAt: outcome.completedAt.toISOString() };
}
