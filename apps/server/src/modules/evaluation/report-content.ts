import { EVALUATION_REPORT_FORMAT, type EvaluationReportContent, type EvaluationReportParts, type EvaluationSummary, type SectionSnapshotView, type Sitting } from '@bidhall/contracts';
import { escapeHtml as e } from '../../platform/text/encode.ts';
import type { MemberTable } from './evaluation.tables.ts';

/** The report's content from the stored summary and the chair's parts (A-151): nothing is recomputed. */
export function buildReportContent(input: {
  section: SectionSnapshotView;
  sitting: Sitting;
  window: { startsAt: Date; endsAt: Date };
  members: readonly Pick<MemberTable, 'id' | 'role' | 'seat' | 'name'>[];
  chairMemberId: string | null;
  summary: EvaluationSummary;
  summarisedAt: Date;
  parts: EvaluationReportParts;
  generatedAt: Date;
}): EvaluationReportContent {
  const { section } = input;
  const ordered = [...input.members].sort((a, b) => (a.role === b.role ? (a.seat ?? 0) - (b.seat ?? 0) : a.role === 'expert' ? -1 : 1));
  return {
    format: EVALUATION_REPORT_FORMAT,
    sectionId: section.id,
    sectionCode: section.code,
    sectionName: section.name,
    projectName: section.projectName,
    tendererName: section.tendererName,
    ...(input.sitting === 'application' ? { sitting: input.sitting } : {}),
    window: { startsAt: input.window.startsAt.toISOString(), endsAt: input.window.endsAt.toISOString() },
    members: ordered.map((m) => ({ memberId: m.id, role: m.role, seat: m.seat, name: m.name, chair: m.id === input.chairMemberId })),
    summary: input.summary,
    summarisedAt: input.summarisedAt.toISOString(),
    parts: input.parts,
    generatedAt: input.generatedAt.toISOString(),
  };
}

const SHANGHAI = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
const at = (s: string) => e(SHANGHAI.format(new Date(s)));
const yuan = (fen: string | null) => {
  if (fen === null || !/^-?\d+$/.test(fen)) return '—';
  const v = BigInt(fen);
  const abs = v < 0n ? -v : v;
  return `${v < 0n ? '-' : ''}${(abs / 100n).toLocaleString('zh-CN')}.${String(abs % 100n).padStart(2, '0')} 元`;
};
const num = (n: number | null) => (n === null ? '—' : n.toFixed(2));
const tr = (cells: string[], tag = 'td') => `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
const table = (head: string[], body: string[]) => (body.length ? `<table><thead>${tr(head, 'th')}</thead><tbody>${body.join('')}</tbody></table>` : '<p>无</p>');
const para = (text: string) => (text.trim() ? `<p>${e(text).replace(/\n/g, '<br>')}</p>` : '<p>无</p>');
const ROLE = { expert: '评标专家', representative: '招标人代表' } as const;
const METHOD = { scoring: '综合评估法', lowestEvaluatedPrice: '经评审的最低投标价法', pass: '合格制', limitedNumber: '有限数量制' } as const;
const BILL_STATUS = { checked: '已核对', pending: '尚在解密', absent: '未提交', unreadable: '无法读取', otherBill: '非本次招标工程量清单' } as const;
const BILL_ISSUE = {
  missingItem: '漏项',
  unknownItem: '清单外项目',
  duplicateItem: '重复报价',
  unitPriceNotPositive: '综合单价不大于零',
  amountMismatch: '合价计算错误',
  totalMismatch: '总价与明细不符',
  differsFromReadout: '总价与开标报价不符',
} as const;

/** A-148: the price checks the summary recorded — above the control price, and each priced bill's findings. */
function priceFindingsHtml(f: NonNullable<EvaluationSummary['priceFindings']>): string {
  // Plain text: para() escapes it.
  const above = f.aboveControl.length
    ? f.aboveControl.map((a) => `${a.entityName} 报价 ${yuan(a.priceFen)}，超过最高投标限价 ${yuan(a.excessFen)}`).join('\n')
    : f.controlPriceFen
      ? `各投标报价均未超过最高投标限价 ${yuan(f.controlPriceFen)}`
      : '招标文件未设最高投标限价';
  const issue = (i: NonNullable<typeof f.pricedBill>[number]['issues'][number]) =>
    `${BILL_ISSUE[i.kind]}${i.code ? ` ${e(i.code)}` : ''}${i.expectedFen !== null ? ` 应为 ${yuan(i.expectedFen)}` : ''}${i.actualFen !== null ? `，实为 ${yuan(i.actualFen)}` : ''}`;
  return [
    '<h4>报价核查</h4>',
    para(above),
    f.pricedBill
      ? table(
          ['投标人', '已标价工程量清单', '问题', '综合单价偏离均价项数'],
          f.pricedBill.map((b) => tr([e(b.entityName), BILL_STATUS[b.status], b.issues.length ? b.issues.map(issue).join('；') : '—', String(b.deviatingItems)])),
        )
      : '',
  ].join('\n');
}

/** The report as members and officers read it before signing: every string escaped, tables and paragraphs only. */
export function reportHtml(r: EvaluationReportContent): string {
  if (r.sitting === 'application') return reviewReportHtml(r);
  const s = r.summary;
  const seatOf = new Map(r.members.map((m) => [m.memberId, m.seat === null ? ROLE[m.role] : `${m.seat} 号席位`]));
  const factorNumbers = [...new Set(s.bids.flatMap((b) => b.factors.map((f) => f.number)))];
  const scoreRows = (s.memberScores ?? []).flatMap((ms) =>
    Object.entries(ms.scores).map(([bidId, row]) => tr([e(seatOf.get(ms.memberId) ?? ''), e(s.bids.find((b) => b.bidId === bidId)?.entityName ?? bidId), ...factorNumbers.map((n) => num(row[n] ?? null))])),
  );
  return [
    `<h2>${e(r.projectName)}${e(r.sectionName)}评标报告</h2>`,
    `<p>标段编号：${e(r.sectionCode)}；招标人：${e(r.tendererName)}；评标办法：${METHOD[s.method]}；评标时间：${at(r.window.startsAt)} 至 ${at(r.window.endsAt)}</p>`,
    '<h3>一、评标委员会成员</h3>',
    table(['席位', '身份', '姓名', '职务'], r.members.map((m) => tr([m.seat === null ? '—' : String(m.seat), ROLE[m.role], e(m.name), m.chair ? '主任委员' : '委员']))),
    '<h3>二、资格和符合性评审</h3>',
    table(['投标人', '结论', '不符合的条款'], s.compliance.map((c) => tr([e(c.entityName), c.passed ? '通过' : '不通过', c.failing.length ? c.failing.map((f) => `${e(f.number)} ${e(f.title)}`).join('；') : '—']))),
    '<h3>三、评分和评标价</h3>',
    s.coefficient ? `<p>下浮系数：${e(s.coefficient)}；评标基准价：${yuan(s.benchmarkPriceFen)}</p>` : '',
    table(
      ['投标人', '投标报价', ...factorNumbers.map((n) => `${e(n)} 平均分`), '价格分', '偏差率（%）', '总分', '评标价'],
      s.bids.map((b) => tr([e(b.entityName), yuan(b.priceFen), ...factorNumbers.map((n) => num(b.factors.find((f) => f.number === n)?.mean ?? null)), num(b.priceScore), num(b.deviationPercent), num(b.total), yuan(b.evaluatedPriceFen)])),
    ),
    s.priceFindings ? priceFindingsHtml(s.priceFindings) : '',
    scoreRows.length ? '<h3>四、各成员评分</h3>' + table(['成员', '投标人', ...factorNumbers.map(e)], scoreRows) : '',
    '<h3>五、排序和推荐的中标候选人</h3>',
    table(['名次', '投标人', '总分', '评标价'], s.ranking.map((x) => tr([String(x.rank), e(x.entityName), num(x.total), yuan(x.evaluatedPriceFen)]))),
    `<p>推荐的中标候选人：${s.candidates.length ? s.candidates.map((c) => `第 ${c.rank} 名 ${e(c.entityName)}`).join('；') : '无'}</p>`,
    '<h3>六、评分偏离提示</h3>',
    para(s.outliers.filter((o) => o.flagged).map((o) => `${seatOf.get(o.memberId) ?? ''} 的评分明显偏离其他成员（偏离度 ${o.deviation.toFixed(3)}）`).join('\n')),
    '<h3>七、评标委员会意见</h3>',
    para(r.parts.remarks),
    '<h3>八、发现的问题</h3>',
    para(r.parts.problems),
    '<h3>九、对招标人的建议</h3>',
    para(r.parts.recommendations),
    `<p>汇总时间：${at(r.summarisedAt)}；报告生成时间：${at(r.generatedAt)}</p>`,
  ]
    .filter(Boolean)
    .join('\n');
}

const REVIEW_ROLE = { expert: '审查专家', representative: '招标人代表' } as const;

/** 资格审查报告 (A-160): the same parts without price, ending in the applicants who pass. */
function reviewReportHtml(r: EvaluationReportContent): string {
  const s = r.summary;
  const qualified = s.qualified ?? [];
  const seatOf = new Map(r.members.map((m) => [m.memberId, m.seat === null ? REVIEW_ROLE[m.role] : `${m.seat} 号席位`]));
  const factorNumbers = [...new Set(s.bids.flatMap((b) => b.factors.map((f) => f.number)))];
  return [
    `<h2>${e(r.projectName)}${e(r.sectionName)}资格审查报告</h2>`,
    `<p>标段编号：${e(r.sectionCode)}；招标人：${e(r.tendererName)}；资格审查办法：${METHOD[s.method]}；审查时间：${at(r.window.startsAt)} 至 ${at(r.window.endsAt)}</p>`,
    '<h3>一、资格审查委员会成员</h3>',
    table(['席位', '身份', '姓名', '职务'], r.members.map((m) => tr([m.seat === null ? '—' : String(m.seat), REVIEW_ROLE[m.role], e(m.name), m.chair ? '主任委员' : '委员']))),
    '<h3>二、初步审查和详细审查</h3>',
    table(['申请人', '结论', '不符合的条款'], s.compliance.map((c) => tr([e(c.entityName), c.passed ? '通过' : '不通过', c.failing.length ? c.failing.map((f) => `${e(f.number)} ${e(f.title)}`).join('；') : '—']))),
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
    qualified.length < 3 ? '<p><strong>通过资格预审的申请人少于 3 个，应当重新进行资格预审（《招标投标法实施条例》第十九条）。</strong></p>' : '',
    '<h3>五、评分偏离提示</h3>',
    para(s.outliers.filter((o) => o.flagged).map((o) => `${seatOf.get(o.memberId) ?? ''} 的评分明显偏离其他成员（偏离度 ${o.deviation.toFixed(3)}）`).join('\n')),
    '<h3>六、资格审查委员会意见</h3>',
    para(r.parts.remarks),
    '<h3>七、发现的问题</h3>',
    para(r.parts.problems),
    '<h3>八、对招标人的建议</h3>',
    para(r.parts.recommendations),
    `<p>汇总时间：${at(r.summarisedAt)}；报告生成时间：${at(r.generatedAt)}</p>`,
  ]
    .filter(Boolean)
    .join('\n');
}
