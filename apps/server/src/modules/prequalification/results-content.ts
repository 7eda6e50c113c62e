import type { SectionSnapshotView } from '@bidhall/contracts';
import { canonicalJson, sm3, toHex } from '@bidhall/crypto';
import { escapeHtml as e } from '../../platform/text/encode.ts';
import type { ReviewedApplicant } from './prequalification.deps.ts';
import type { LetterTable } from './prequalification.tables.ts';

type Letter = Pick<LetterTable, 'bid_id' | 'entity_name' | 'outcome' | 'basis' | 'exclusion' | 'reason'>;
type Basis = LetterTable['basis'];

/** Why an applicant passed or failed, from the committee's verdict (before the tenderer's confirmation). */
export function basisOf(a: Pick<ReviewedApplicant, 'qualified' | 'failing'>): Basis {
  if (a.qualified) return 'qualified';
  return a.failing.length > 0 ? 'failedCriteria' : 'notAmongLimited';
}

/**
 * A-177: the reasons each letter starts from, taken from the review — passed; failed with the criteria;
 * passed them but not among the limited number; or left out by the tenderer with its reason. The
 * tenderer edits and confirms them.
 */
export function defaultReason(
  section: Pick<SectionSnapshotView, 'projectName' | 'name'>,
  basis: Basis,
  failing: { number: string; title: string }[],
  exclusion: string | null,
): string {
  const what = `${section.projectName}${section.name}`;
  switch (basis) {
    case 'qualified':
      return `贵单位通过了${what}的资格预审。请在招标文件规定的时间内获取招标文件并按时递交投标文件。`;
    case 'failedCriteria':
      return `贵单位未通过${what}的资格预审：经资格审查委员会审查，申请文件不符合以下审查标准：${failing.map((f) => `${f.number} ${f.title}`).join('；')}。`;
    case 'notAmongLimited':
      return `贵单位的申请通过了${what}资格预审的审查标准，但按资格预审文件规定的有限数量制，未进入通过资格预审的申请人名单。`;
    case 'excluded':
      return `贵单位未通过${what}的资格预审：${exclusion ?? ''}`;
  }
}

/** The results as the tenderer signs them: who confirmed the list, the remarks and every letter, in a fixed order. */
export function resultsContent(
  section: Pick<SectionSnapshotView, 'id' | 'round'>,
  authority: string,
  remarks: string,
  letters: readonly Letter[],
) {
  return {
    sectionId: section.id,
    round: section.round,
    authority,
    remarks,
    letters: [...letters]
      .sort((a, b) => (a.bid_id < b.bid_id ? -1 : a.bid_id > b.bid_id ? 1 : 0))
      .map((l) => ({
        bidId: l.bid_id,
        entityName: l.entity_name,
        outcome: l.outcome,
        basis: l.basis,
        exclusion: l.exclusion,
        reason: l.reason,
      })),
  };
}

export function contentSm3(content: ReturnType<typeof resultsContent>): string {
  return toHex(sm3(canonicalJson(content)));
}

/**
 * 资格预审结果公告 (A-179): the section, the applicants who passed (named), how many applied, the
 * tenderer's remarks, and the SM3 of the signed results so that anyone can tie the letters to it. No
 * failed applicant is named. Escaped.
 */
export function resultNoticeHtml(p: {
  section: SectionSnapshotView;
  remarks: string;
  contentSm3: string;
  letters: readonly Letter[];
  tooFew: boolean;
}): string {
  const { section } = p;
  const passed = p.letters
    .filter((l) => l.outcome === 'passed')
    .map((l) => l.entity_name)
    .sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return [
    `<p>${e(section.projectName)}${e(section.name)}（标段编号 ${e(section.code)}）资格预审已结束。共 ${p.letters.length} 个申请人递交资格预审申请文件，经资格审查委员会审查，通过资格预审的申请人如下（共 ${passed.length} 个）：</p>`,
    passed.length ? `<ol>${passed.map((n) => `<li>${e(n)}</li>`).join('')}</ol>` : '<p>无。</p>',
    p.tooFew
      ? '<p>通过资格预审的申请人少于 3 个，招标人将重新组织资格预审（《招标投标法实施条例》第十九条）。</p>'
      : '<p>通过资格预审的申请人可按规定获取招标文件并投标；未通过资格预审的申请人不得参加投标。</p>',
    p.remarks.trim() ? `<p>${e(p.remarks).replace(/\n/g, '<br>')}</p>` : '',
    `<p>招标人：${e(section.tendererName)}${section.agencyName ? `；招标代理机构：${e(section.agencyName)}` : ''}</p>`,
    `<p>资格预审结果通知书电子签名摘要（SM3）：<code>${e(p.contentSm3)}</code></p>`,
  ]
    .filter(Boolean)
    .join('\n');
}
