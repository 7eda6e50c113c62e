import type { EvaluationReportContent } from '@bidhall/contracts';
import { MIN_QUALIFIED } from '@bidhall/rules';
import { escapeHtml as e } from '../../platform/text/encode.ts';
import { at, closingParts, complianceTable, membersTable, METHOD, num, outliersPara, seatsOf, table, tr } from './report-html-parts.ts';

const REVIEW_ROLE = { expert: '审查专家', representative: '招标人代表' } as const;

/** 资格审查报告: the evaluation report's parts without price, ending in the applicants who pass. */
export function reviewReportHtml(r: EvaluationReportContent): string {
  const s = r.summary;
  const qualified = s.qualified ?? [];
  const factorNumbers = [...new Set(s.bids.flatMap((b) => b.factors.map((f) => f.number)))];
  return [
    `<h2>${e(r.projectName)}${e(r.sectionName)}资格审查报告</h2>`,
    `<p>标段编号：${e(r.sectionCode)}；招标人：${e(r.tendererName)}；资格审查办法：${METHOD[s.method]}；审查时间：${at(r.window.startsAt)} 至 ${at(r.window.endsAt)}</p>`,
    '<h3>一、资格审查委员会成员</h3>',
    membersTable(r, REVIEW_ROLE),
    '<h3>二、初步审查和详细审查</h3>',
    complianceTable(s, '申请人'),
    s.method === 'limitedNumber'
      ? '<h3>三、评分</h3>' +
        table(
          ['名次', '申请人', ...factorNumbers.map((n) => `${e(n)} 平均分`), '总分'],
          s.ranking.map((x) => {
            const b = s.bids.find((y) => y.bidId === x.bidId);
            return tr([String(x.rank), e(x.entityName), ...factorNumbers.map((n) => num(b?.factors.find((f) => f.number === n)?.mean ?? null)), num(x.total)]);
          }),
        )
      : '',
    '<h3>四、通过资格预审的申请人</h3>',
    table(['申请人', '名次', '总分'], qualified.map((q) => tr([e(q.entityName), q.rank === null ? '—' : String(q.rank), num(q.total)]))),
    qualified.length < MIN_QUALIFIED ? `<p><strong>通过资格预审的申请人少于 ${MIN_QUALIFIED} 个，应当重新进行资格预审（《招标投标法实施条例》第十九条）。</strong></p>` : '',
    '<h3>五、评分偏离提示</h3>',
    outliersPara(s, seatsOf(r, REVIEW_ROLE)),
    ...closingParts(r, ['六、资格审查委员会意见', '七、发现的问题', '八、对招标人的建议']),
  ]
    .filter(Boolean)
    .join('\n');
}
