import type { SectionSnapshotView } from '@bidhall/contracts';
import { escapeHtml as e } from '../../platform/text/encode.ts';
import type { ResultCandidate } from './award.deps.ts';
import { at, yuan } from './html-format.ts';

/**
 * The publicity as published (B-029): the section, the candidates in the report's order with their
 * prices and totals, the period, where to object, and the tenderer's remarks. Every string escaped.
 */
export function publicityHtml(p: {
  section: SectionSnapshotView;
  candidates: readonly ResultCandidate[];
  startsAt: Date;
  endsAt: Date;
  remarks: string;
}): string {
  const { section } = p;
  const rows = p.candidates
    .map(
      (c) =>
        `<tr><td>第 ${c.rank} 名</td><td>${e(c.entityName)}</td><td>${yuan(c.priceFen)}</td><td>${c.total === null ? '—' : c.total.toFixed(2)}</td><td>${yuan(c.evaluatedPriceFen)}</td></tr>`,
    )
    .join('');
  return [
    `<p>${e(section.projectName)}${e(section.name)}（标段编号 ${e(section.code)}）的评标工作已经结束，现将中标候选人公示如下：</p>`,
    `<table><thead><tr><th>排序</th><th>中标候选人</th><th>投标报价</th><th>评标得分</th><th>评标价</th></tr></thead><tbody>${rows}</tbody></table>`,
    `<p>公示期：${at(p.startsAt)} 至 ${at(p.endsAt)}。</p>`,
    '<p>投标人或者其他利害关系人对评标结果有异议的，应当在公示期间通过本平台提出；招标人自收到异议之日起 3 日内作出答复，作出答复前暂停招标投标活动（《招标投标法实施条例》第五十四条）。</p>',
    p.remarks.trim() ? `<p>${e(p.remarks).replace(/\n/g, '<br>')}</p>` : '',
    `<p>招标人：${e(section.tendererName)}${section.agencyName ? `；招标代理机构：${e(section.agencyName)}` : ''}</p>`,
  ]
    .filter(Boolean)
    .join('\n');
}
