import { EVALUATION_REPORT_FORMAT, type EvaluationReportContent, type EvaluationReportParts, type EvaluationSummary, type SectionSnapshotView, type Sitting } from '@bidhall/contracts';
import { escapeHtml as e } from '../../platform/text/encode.ts';
import { at, closingParts, complianceTable, membersTable, METHOD, num, outliersPara, para, seatsOf, table, tr, yuan } from './report-html-parts.ts';
import { reviewReportHtml } from './review-report-html.ts';
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

const ROLE = { expert: '评标专家', representative: '招标人代表' } as const;
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

/** B-024: the committee's finding that the tender failed, in the law's words, stated before the (empty) ranking. */
function failedTenderPara(f: NonNullable<EvaluationSummary['failure']>): string {
  return `<p data-failure="${e(f.code)}"><strong>评标结论：废标。</strong>${e(f.reason)}。</p>`;
}

/** The report as members and officers read it before signing: every string escaped, tables and paragraphs only. */
export function reportHtml(r: EvaluationReportContent): string {
  if (r.sitting === 'application') return reviewReportHtml(r);
  const s = r.summary;
  const seatOf = seatsOf(r, ROLE);
  const factorNumbers = [...new Set(s.bids.flatMap((b) => b.factors.map((f) => f.number)))];
  const scoreRows = (s.memberScores ?? []).flatMap((ms) =>
    Object.entries(ms.scores).map(([bidId, row]) => tr([e(seatOf.get(ms.memberId) ?? ''), e(s.bids.find((b) => b.bidId === bidId)?.entityName ?? bidId), ...factorNumbers.map((n) => num(row[n] ?? null))])),
  );
  return [
    `<h2>${e(r.projectName)}${e(r.sectionName)}评标报告</h2>`,
    `<p>标段编号：${e(r.sectionCode)}；招标人：${e(r.tendererName)}；评标办法：${METHOD[s.method]}；评标时间：${at(r.window.startsAt)} 至 ${at(r.window.endsAt)}</p>`,
    '<h3>一、评标委员会成员</h3>',
    membersTable(r, ROLE),
    '<h3>二、资格和符合性评审</h3>',
    complianceTable(s, '投标人'),
    '<h3>三、评分和评标价</h3>',
    s.coefficient ? `<p>下浮系数：${e(s.coefficient)}；评标基准价：${yuan(s.benchmarkPriceFen)}</p>` : '',
    table(
      ['投标人', '投标报价', ...factorNumbers.map((n) => `${e(n)} 平均分`), '价格分', '偏差率（%）', '总分', '评标价'],
      s.bids.map((b) => tr([e(b.entityName), yuan(b.priceFen), ...factorNumbers.map((n) => num(b.factors.find((f) => f.number === n)?.mean ?? null)), num(b.priceScore), num(b.deviationPercent), num(b.total), yuan(b.evaluatedPriceFen)])),
    ),
    s.priceFindings ? priceFindingsHtml(s.priceFindings) : '',
    scoreRows.length ? '<h3>四、各成员评分</h3>' + table(['成员', '投标人', ...factorNumbers.map(e)], scoreRows) : '',
    '<h3>五、排序和推荐的中标候选人</h3>',
    s.failure ? failedTenderPara(s.failure) : '',
    table(['名次', '投标人', '总分', '评标价'], s.ranking.map((x) => tr([String(x.rank), e(x.entityName), num(x.total), yuan(x.evaluatedPriceFen)]))),
    `<p>推荐的中标候选人${s.candidates.some((c) => c.rank === null) ? '（评定分离，不排序）' : ''}：${s.candidates.length ? s.candidates.map((c) => (c.rank === null ? e(c.entityName) : `第 ${c.rank} 名 ${e(c.entityName)}`)).join('；') : '无'}</p>`,
    '<h3>六、评分偏离提示</h3>',
    outliersPara(s, seatOf),
    ...closingParts(r, ['七、评标委员会意见', '八、发现的问题', '九、对招标人的建议']),
  ]
    .filter(Boolean)
    .join('\n');
}
