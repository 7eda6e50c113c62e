import type { EvaluationSummary, SectionSnapshotView } from '@bidhall/contracts';
import { systemActor } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import type { EvaluationDeps } from './evaluation.deps.ts';
import type { EvaluatedBid } from './evaluation.tables.ts';

/**
 * B-024, inside the summary's transaction: the committee found a government procurement tender failed
 * (废标, 政府采购法 第三十六条). The section goes to its next round through projects (A-198), as a failed
 * opening does; the tenderer (and its agency) and every bidder hear the reason (第三十七条: 废标后，
 * 采购人应当将废标理由通知所有投标人). A section that moved on meanwhile (terminated) is not re-tendered.
 */
export async function retenderFailedTender(
  trx: Db,
  deps: Pick<EvaluationDeps, 'retender' | 'notify'>,
  input: { section: SectionSnapshotView; bids: readonly EvaluatedBid[]; failure: NonNullable<EvaluationSummary['failure']> },
): Promise<{ round: number | null; notified: number }> {
  const { section, failure } = input;
  const round =
    section.stage === 'opened' ? (await deps.retender(trx, section.id, `评标废标：${failure.reason}`, systemActor)).round : null;
  const recipients = new Set([
    section.tendererEntityId,
    ...(section.agencyEntityId ? [section.agencyEntityId] : []),
    ...input.bids.map((b) => b.entityId),
  ]);
  for (const entityId of recipients) {
    await deps.notify(trx, {
      recipientKind: 'entity',
      recipientId: entityId,
      topic: 'evaluation.tenderFailed',
      title: `废标通知：${section.projectName}${section.name}`,
      body: `${failure.reason}。${round === null ? '' : `本标段将进行第${round}轮招标，请关注重新招标公告。`}`,
      dedupeKey: `evaluation.tenderFailed:${section.id}:${section.round}:${entityId}`,
    });
  }
  return { round, notified: recipients.size };
}
