import type { EvaluationReportContent, EvaluationSummary } from '@bidhall/contracts';
import { escapeHtml as e } from '../../platform/text/encode.ts';

/** The pieces both reports are written with (the bids' 评标报告, the review's 资格审查报告): every string escaped. */
const SHANGHAI = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
export const at = (s: string) => e(SHANGHAI.format(new Date(s)));
export const yuan = (fen: string | null) => {
  if (fen === null || !/^-?\d+$/.test(fen)) return '—';
  const v = BigInt(fen);
  const abs = v < 0n ? -v : v;
  return `${v < 0n ? '-' : ''}${(abs / 100n).toLocaleString('zh-CN')}.${String(abs % 100n).padStart(2, '0')} 元`;
};
export const num = (n: number | null) => (n === null ? '—' : n.toFixed(2));
export const tr = (cells: string[], tag = 'td') => `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
export const table = (head: string[], body: string[]) => (body.length ? `<table><thead>${tr(head, 'th')}</thead><tbody>${body.join('')}</tbody></table>` : '<p>无</p>');
export const para = (text: string) => (text.trim() ? `<p>${e(text).replace(/\n/g, '<br>')}</p>` : '<p>无</p>');
export const METHOD = { scoring: '综合评估法', lowestEvaluatedPrice: '经评审的最低投标价法', pass: '合格制', limitedNumber: '有限数量制' } as const;

type Role = Record<'expert' | 'representative', string>;

/** Each member's place as the report names it: its seat, or its role. */
export const seatsOf = (r: EvaluationReportContent, role: Role) => new Map(r.members.map((m) => [m.memberId, m.seat === null ? role[m.role] : `${m.seat} 号席位`]));

export const membersTable = (r: EvaluationReportContent, role: Role) =>
  table(['席位', '身份', '姓名', '职务'], r.members.map((m) => tr([m.seat === null ? '—' : String(m.seat), role[m.role], e(m.name), m.chair ? '主任委员' : '委员'])));

/** The review by majority: who passed, and the criteria each failed. `who` is 投标人 or 申请人. */
export const complianceTable = (s: EvaluationSummary, who: string) =>
  table([who, '结论', '不符合的条款'], s.compliance.map((c) => tr([e(c.entityName), c.passed ? '通过' : '不通过', c.failing.length ? c.failing.map((f) => `${e(f.number)} ${e(f.title)}`).join('；') : '—'])));

export const outliersPara = (s: EvaluationSummary, seatOf: Map<string, string>) =>
  para(s.outliers.filter((o) => o.flagged).map((o) => `${seatOf.get(o.memberId) ?? ''} 的评分明显偏离其他成员（偏离度 ${o.deviation.toFixed(3)}）`).join('\n'));

/** The committee's own words and the times, under the given headings. */
export const closingParts = (r: EvaluationReportContent, headings: [string, string, string]) => [
  `<h3>${headings[0]}</h3>`,
  para(r.parts.remarks),
  `<h3>${headings[1]}</h3>`,
  para(r.parts.problems),
  `<h3>${headings[2]}</h3>`,
  para(r.parts.recommendations),
  `<p>汇总时间：${at(r.summarisedAt)}；报告生成时间：${at(r.generatedAt)}</p>`,
];
