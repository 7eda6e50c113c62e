import type { SeparatedAwardMethod, SeparatedAwardView } from '@bidhall/contracts';
import { escapeHtml as e } from '../../platform/text/encode.ts';

export const METHOD_LABEL: Record<SeparatedAwardMethod, string> = {
  vote: '票决法',
  voteThenLot: '票决抽签法',
  deliberation: '集体议事法',
  priceCompetition: '价格竞争法',
};

/**
 * 定标过程与理由 as the result notice publishes them (task 7: "the reasons published"): the method, the
 * award committee's members, each voting round's counts, the lot's draw (anyone re-computes it from its
 * id) and the tenderer's reasons. Who voted for whom stays in the record for the supervisor. Escaped.
 */
export function proceedingHtml(p: SeparatedAwardView, names: ReadonlyMap<string, string>): string {
  const name = (bidId: string) => e(names.get(bidId) ?? bidId);
  const parts = [
    `<p>本标段实行评定分离：评标委员会推荐不排序的中标候选人，招标人组建定标委员会（${p.members.length} 人：${p.members.map(e).join('、')}），按招标文件规定的${METHOD_LABEL[p.method]}确定中标人。</p>`,
  ];
  p.rounds.forEach((r, i) => {
    const counts = r.counts.map((c) => `${e(c.entityName)} ${c.votes} 票`).join('；');
    parts.push(`<p>第 ${i + 1} 轮投票：${counts}。</p>`);
  });
  if (p.deliberation) parts.push(`<p>集体议事确定：${name(p.deliberation.bidId)}。</p>`);
  if (p.lot) {
    const pool = p.lot.pool.map(name).join('、');
    const drawn = p.lot.selected ? `，抽中 ${name(p.lot.selected)}` : '';
    parts.push(`<p>在 ${pool} 中以可验证随机抽取确定${drawn}（抽取编号 <code>${e(p.lot.drawId)}</code>，任何人可据此复核）。</p>`);
  }
  parts.push(`<p>定标理由：${e(p.reason).replace(/\n/g, '<br>')}</p>`);
  return parts.join('\n');
}
