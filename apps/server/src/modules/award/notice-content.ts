import type { SectionSnapshotView, SeparatedAwardView } from '@bidhall/contracts';
import { canonicalJson, sm3, toHex } from '@bidhall/crypto';
import { escapeHtml as e } from '../../platform/text/encode.ts';
import type { EvaluatedOutcome } from './award.deps.ts';
import type { DecisionTable, LetterTable } from './award.tables.ts';
import { at, yuan } from './html-format.ts';
import { METHOD_LABEL, proceedingHtml } from './separated-html.ts';

type Decision = Pick<DecisionTable, 'bid_id' | 'entity_name' | 'price_fen' | 'rank' | 'method' | 'decided_at'>;
type Letter = Pick<LetterTable, 'bid_id' | 'entity_name' | 'kind' | 'rank' | 'reason'>;

/**
 * A-173: the reasons each letter starts from, taken from the evaluation — the winner's rank and price;
 * another bidder's rank, or the review criteria its bid failed. The tenderer edits and confirms them.
 */
export function defaultReason(bid: EvaluatedOutcome, decision: Decision, section: SectionSnapshotView): string {
  const how = decision.method ? `经评标委员会评审推荐（评定分离，不排序）、中标候选人公示期满，由定标委员会按${METHOD_LABEL[decision.method]}` : `经评标委员会评审（第 ${decision.rank} 名中标候选人）、中标候选人公示期满，`;
  if (bid.bidId === decision.bid_id) {
    return `${how}确定贵单位为${section.projectName}${section.name}的中标人，中标价 ${yuan(decision.price_fen)}。请自本通知书发出之日起三十日内与招标人签订书面合同（《招标投标法》第四十六条）。`;
  }
  if (bid.failing.length > 0) {
    const clauses = bid.failing.map((f) => `${f.number} ${f.title}`).join('；');
    return `贵单位的投标未通过评标委员会的评审（${clauses}），未进入排序。中标人为 ${decision.entity_name}。`;
  }
  if (decision.method) return `${how}确定的中标人为 ${decision.entity_name}，贵单位未被确定为中标人。`;
  const standing = bid.rank === null ? '未被推荐为中标候选人' : `评审排序第 ${bid.rank} 名`;
  return `贵单位${standing}。经评审和公示，中标人为 ${decision.entity_name}（第 ${decision.rank} 名中标候选人）。`;
}

/** The notices as the tenderer signs them: the winner, the remarks and every letter, in a fixed order. */
export function noticeContent(section: Pick<SectionSnapshotView, 'id' | 'round'>, decision: Decision, remarks: string, letters: readonly Letter[]) {
  return {
    sectionId: section.id,
    round: section.round,
    winner: { bidId: decision.bid_id, entityName: decision.entity_name, rank: decision.rank, priceFen: decision.price_fen, ...(decision.method ? { method: decision.method } : {}) },
    remarks,
    letters: [...letters]
      .sort((a, b) => (a.bid_id < b.bid_id ? -1 : a.bid_id > b.bid_id ? 1 : 0))
      .map((l) => ({ bidId: l.bid_id, entityName: l.entity_name, kind: l.kind, rank: l.rank, reason: l.reason })),
  };
}

export function contentSm3(content: ReturnType<typeof noticeContent>): string {
  return toHex(sm3(canonicalJson(content)));
}

/**
 * 中标结果公告 (A-171): the section, the winner and its price, when it was decided, the tenderer's
 * remarks, and the SM3 of the signed notices so that anyone can tie the letters to it. Escaped.
 */
export function resultNoticeHtml(p: {
  section: SectionSnapshotView;
  decision: Decision;
  remarks: string;
  contentSm3: string;
  bidders: number;
  /** The separated award's sitting, with the candidates' names by bid id. */
  proceeding?: { view: SeparatedAwardView; names: ReadonlyMap<string, string> } | null;
}): string {
  const { section, decision } = p;
  const standing = decision.method ? `<tr><th>定标方法</th><td>评定分离，${METHOD_LABEL[decision.method]}</td></tr>` : `<tr><th>评审排序</th><td>第 ${decision.rank} 名中标候选人</td></tr>`;
  return [
    `<p>${e(section.projectName)}${e(section.name)}（标段编号 ${e(section.code)}）经公开招标、评标委员会评审和中标候选人公示，确定中标人如下：</p>`,
    `<table><tbody><tr><th>中标人</th><td>${e(decision.entity_name)}</td></tr><tr><th>中标价</th><td>${yuan(decision.price_fen)}</td></tr>${standing}<tr><th>确定时间</th><td>${at(decision.decided_at)}</td></tr></tbody></table>`,
    p.proceeding ? proceedingHtml(p.proceeding.view, p.proceeding.names) : '',
    `<p>招标人已向中标人发出中标通知书，并将中标结果通知所有未中标的投标人（共 ${p.bidders} 家投标人）。</p>`,
    p.remarks.trim() ? `<p>${e(p.remarks).replace(/\n/g, '<br>')}</p>` : '',
    `<p>招标人：${e(section.tendererName)}${section.agencyName ? `；招标代理机构：${e(section.agencyName)}` : ''}</p>`,
    `<p>通知书电子签名摘要（SM3）：<code>${e(p.contentSm3)}</code></p>`,
  ]
    .filter(Boolean)
    .join('\n');
}
