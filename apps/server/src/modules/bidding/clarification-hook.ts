import type { Db } from '../../platform/db/database.ts';
import { type BiddingDeps, tables } from './bidding.deps.ts';

/**
 * A-99 after a clarification: every entity whose live bid on the section answers an earlier version of
 * the document is told to confirm or replace it. Only the bidder hears of its own bid.
 */
export function createClarificationHook(deps: Pick<BiddingDeps, 'notify' | 'sections'>) {
  return async (trx: Db, event: { sectionId: string; documentId?: string; documentVersion: number }): Promise<void> => {
    const section = await deps.sections.get(trx, event.sectionId);
    if (!section) return;
    const live = await tables(trx)
      .selectFrom('bidding.bid')
      .select(['id', 'entity_id', 'sitting', 'document_id', 'document_version', 'confirmed_document_version'])
      .where('section_id', '=', event.sectionId)
      .where('round', '=', section.round)
      .where('status', '=', 'submitted')
      .execute();
    for (const bid of live) {
      // A clarification of the prequalification document concerns the applications, of the tender document the bids.
      if (event.documentId && bid.document_id !== event.documentId) continue;
      const application = bid.sitting === 'application';
      if (Math.max(bid.document_version ?? 0, bid.confirmed_document_version ?? 0) >= event.documentVersion) continue;
      await deps.notify(trx, {
        recipientKind: 'entity',
        recipientId: bid.entity_id,
        topic: 'bidDocumentChanged',
        title: application ? `${section.name}：资格预审文件已澄清或修改，请确认或更新您的资格预审申请文件` : `${section.name}：招标文件已澄清或修改，请确认或更新您的投标文件`,
        body: application
          ? `资格预审文件已更新至第${event.documentVersion}版。您已递交的资格预审申请文件基于此前的版本，请在申请截止时间前确认或重新递交。`
          : `招标文件已更新至第${event.documentVersion}版。您已递交的投标文件基于此前的版本，请在投标截止时间前确认或重新递交。`,
        link: `/workspace/bids/${bid.id}`,
        dedupeKey: `bidding.documentChanged:${bid.id}:${event.documentVersion}`,
      });
    }
  };
}
