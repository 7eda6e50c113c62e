import type { ContractContent } from '@bidhall/contracts';
import { escapeHtml as e } from '../../platform/text/encode.ts';

const SHANGHAI = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const at = (d: Date | string) => e(SHANGHAI.format(typeof d === 'string' ? new Date(d) : d));
export const yuan = (fen: string | null) => {
  if (fen === null || !/^\d+$/.test(fen)) return '—';
  const v = BigInt(fen);
  return `${(v / 100n).toLocaleString('zh-CN')}.${String(v % 100n).padStart(2, '0')} 元`;
};
const para = (s: string) => e(s).replace(/\n/g, '<br>');
const row = (label: string, value: string) => `<tr><th>${e(label)}</th><td>${value}</td></tr>`;

/**
 * The concluded contract as published (A-184): parties, price, duration, quality, manager, the
 * document's terms and the clauses, with the SM3 both sides signed and when each signed. Escaped.
 */
export function conclusionHtml(p: {
  content: ContractContent;
  contentSm3: string;
  signatures: readonly { side: 'tenderer' | 'winner'; entityName: string; signedAt: Date }[];
  verifiedAt: Date;
}): string {
  const c = p.content;
  const signed = p.signatures
    .map((s) => `${s.side === 'tenderer' ? '招标人' : '中标人'} ${e(s.entityName)} 于 ${at(s.signedAt)} 签署`)
    .join('；');
  const clauses = c.clauses.map((x) => `<h4>${e(x.title)}</h4><p>${para(x.text)}</p>`).join('\n');
  return [
    `<p>${e(c.project.projectName)}${e(c.project.sectionName)}（标段编号 ${e(c.project.sectionCode)}）的合同已由双方电子签署，现予公开：</p>`,
    `<table><tbody>${[
      row('合同名称', e(c.title)),
      row('招标人（发包人）', e(c.tenderer.name)),
      row('中标人（承包人）', e(c.winner.name)),
      row('合同价格', yuan(c.priceFen)),
      row('工期/服务期', c.durationDays ? `${e(c.durationDays)} 日历天` : '—'),
      row('质量标准', c.quality ? e(c.quality) : '—'),
      row('项目负责人', c.projectManager ? e(c.projectManager) : '—'),
      row('中标通知书发出时间', at(c.awardNoticeAt)),
    ].join('')}</tbody></table>`,
    c.terms.paymentTerms ? `<h4>付款方式</h4><p>${para(c.terms.paymentTerms)}</p>` : '',
    c.terms.specialTerms ? `<h4>专用合同条款</h4><p>${para(c.terms.specialTerms)}</p>` : '',
    clauses,
    `<p>合同内容 SM3：${e(p.contentSm3)}</p>`,
    `<p>交易中心核验时间：${at(p.verifiedAt)}。${signed}。</p>`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** A performance record as published (A-185, A-186). */
export function performanceHtml(p: {
  content: ContractContent;
  side: 'tenderer' | 'winner';
  entityName: string;
  day: string;
  milestone: string;
  text: string;
  attachmentSm3: string | null;
}): string {
  return [
    `<p>${e(p.content.project.projectName)}${e(p.content.project.sectionName)}（${e(p.content.title)}）履约信息：</p>`,
    `<table><tbody>${[
      row('记录方', `${p.side === 'tenderer' ? '招标人' : '中标人'} ${e(p.entityName)}`),
      row('日期', e(p.day)),
      row('履约节点', e(p.milestone)),
    ].join('')}</tbody></table>`,
    `<p>${para(p.text)}</p>`,
    p.attachmentSm3 ? `<p>证明材料 SM3：${e(p.attachmentSm3)}</p>` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** A verified change as published, with its reason. */
export function changeHtml(p: {
  content: ContractContent;
  number: number;
  reason: string;
  text: string;
  previousPriceFen: string;
  newPriceFen: string | null;
  verifiedAt: Date;
}): string {
  return [
    `<p>${e(p.content.project.projectName)}${e(p.content.project.sectionName)}（${e(p.content.title)}）第 ${p.number} 次合同变更：</p>`,
    `<h4>变更原因</h4><p>${para(p.reason)}</p>`,
    `<h4>变更内容</h4><p>${para(p.text)}</p>`,
    p.newPriceFen !== null ? `<p>合同价格由 ${yuan(p.previousPriceFen)} 变更为 ${yuan(p.newPriceFen)}。</p>` : '',
    `<p>交易中心核验时间：${at(p.verifiedAt)}。</p>`,
  ]
    .filter(Boolean)
    .join('\n');
}
