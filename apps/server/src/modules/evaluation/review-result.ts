import { type EvaluationSummary, type SectionSnapshotView } from '@bidhall/contracts';
import { MIN_QUALIFIED } from '@bidhall/rules';
import type { Db } from '../../platform/db/database.ts';
import { type EvaluationDeps, json } from './evaluation.deps.ts';
import type { EvaluatedBid } from './evaluation.tables.ts';
import { reportTables } from './report.tables.ts';

/**
 * 资格预审结果通知 (A-160): once the review's report is complete, each applicant hears whether it
 * passed, and if not, the criteria it failed or that it was not among the limited number.
 */
export async function notifyApplicants(
  trx: Db,
  deps: Pick<EvaluationDeps, 'notify'>,
  args: { section: SectionSnapshotView; summary: EvaluationSummary; bids: EvaluatedBid[] },
) {
  const { section, summary } = args;
  const qualified = new Set((summary.qualified ?? []).map((q) => q.bidId));
  const failing = new Map(summary.compliance.map((c) => [c.bidId, c.failing]));
  const redo = qualified.size < MIN_QUALIFIED ? '通过资格预审的申请人少于 3 个，招标人将重新组织资格预审。' : '';
  for (const b of args.bids) {
    const f = failing.get(b.bidId) ?? [];
    const body = qualified.has(b.bidId)
      ? `您已通过资格预审。${redo || '请在规定时间内获取招标文件并投标。'}`
      : f.length
        ? `您未通过资格预审，不符合以下条款：${f.map((x) => `${x.number} ${x.title}`).join('；')}。${redo}`
        : `您通过了审查，但未进入通过资格预审的限定数量（有限数量制）。${redo}`;
    await deps.notify(trx, {
      recipientKind: 'entity',
      recipientId: b.entityId,
      topic: 'applicationReview.result',
      title: `资格预审结果通知：${section.name}`,
      body,
      link: `/bidder/sections/${section.id}`,
      dedupeKey: `applicationReview.result:${section.id}:${b.entityId}`,
    });
  }
}

/** The prequalification's outcome as bidding and documents need it. */
export interface Prequalification {
  /** The entities that passed. */
  entityIds: string[];
  /** Fewer than three passed: the prequalification is held again (实施条例 第十九条). */
  tooFew: boolean;
  completedAt: string;
}

/**
 * evaluation → documents: the applicants who passed the prequalification, once the review's report
 * is signed by every member; null before.
 */
export async function prequalificationOf(trx: Db, sectionId: string): Promise<Prequalification | null> {
  const row = await reportTables(trx)
    .selectFrom('evaluation.evaluation as e')
    .innerJoin('evaluation.report as r', (j) => j.onRef('r.section_id', '=', 'e.section_id').onRef('r.sitting', '=', 'e.sitting'))
    .select(['e.bids', 'e.summary', 'r.completed_at'])
    .where('e.section_id', '=', sectionId)
    .where('e.sitting', '=', 'application')
    .executeTakeFirst();
  if (!row?.completed_at || row.summary === null) return null;
  const summary = json<EvaluationSummary>(row.summary);
  const entityOf = new Map(json<EvaluatedBid[]>(row.bids).map((b) => [b.bidId, b.entityId]));
  const entityIds = (summary.qualified ?? []).map((q) => entityOf.get(q.bidId)).filter((x): x is string => x !== undefined);
  return { entityIds, tooFew: entityIds.length < MIN_QUALIFIED, completedAt: row.completed_at.toISOString() };
}
