import { OPENING_RECORD_FORMAT, type BidSummaryField, type OpeningRecord, type ReadoutRow } from '@bidhall/contracts';
import { unsealWindowEnd } from '@bidhall/rules';
import { escapeHtml } from '../../platform/text/encode.ts';
import type { HallBidRow, HallRow } from './hall-store.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The opening record from the hall's facts (A-115): every bid, its sign-in and unsealing, the readout, the objections. */
export function buildRecord(input: {
  hall: HallRow;
  bids: readonly HallBidRow[];
  objections: readonly { entity_name: string; text: string; raised_at: Date; answer: string | null; answered_at: Date | null }[];
  section: { code: string; name: string; projectName: string; tendererName: string };
  frozenAt: Date;
}): OpeningRecord {
  const { hall } = input;
  return {
    format: OPENING_RECORD_FORMAT,
    sectionId: hall.section_id,
    round: hall.round,
    sectionCode: input.section.code,
    sectionName: input.section.name,
    projectName: input.section.projectName,
    tendererName: input.section.tendererName,
    bidDeadline: hall.bid_deadline.toISOString(),
    openedAt: hall.opened_at.toISOString(),
    unsealStartedAt: iso(hall.unseal_started_at),
    unsealWindowEnd: iso(unsealWindowEnd({ unsealStartedAt: hall.unseal_started_at, unsealWindowMinutes: hall.unseal_window_minutes })),
    bidders: input.bids.map((b) => ({
      order: b.receipt_order,
      entityName: b.entity_name,
      receivedAt: b.received_at.toISOString(),
      signedInAt: iso(b.signed_in_at),
      unseal: { status: b.unseal_status, at: iso(b.unsealed_at), reason: b.failure_reason, outcome: b.failure_outcome },
      bondStatus: b.bond_status,
    })),
    fields: hall.summary_fields as BidSummaryField[],
    readout: (hall.readout ?? []) as ReadoutRow[],
    coefficient: hall.coefficient ? { drawId: hall.coefficient_draw_id, value: hall.coefficient } : null,
    objections: input.objections.map((o) => ({ entityName: o.entity_name, text: o.text, raisedAt: o.raised_at.toISOString(), answer: o.answer, answeredAt: iso(o.answered_at) })),
    frozenAt: input.frozenAt.toISOString(),
  };
}

const UNSEAL_LABEL: Record<string, string> = { sealed: '未解密', unsealed: '解密成功', failed: '解密失败', remedied: '补救解密成功' };
const OUTCOME_LABEL: Record<string, string> = { revoked: '视为撤销投标文件', withdrawn: '视为撤回投标文件', remedy: '按招标文件补救' };
const SHANGHAI = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const at = (s: string | null) => (s ? escapeHtml(SHANGHAI.format(new Date(s))) : '—');

/** Money in fen as 元 with two decimals; anything else as given. */
function value(field: BidSummaryField, v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  if (field.type === 'money' && /^\d+$/.test(String(v))) {
    const fen = BigInt(String(v));
    return `${(fen / 100n).toLocaleString('zh-CN')}.${String(fen % 100n).padStart(2, '0')} 元`;
  }
  return escapeHtml(`${v}${field.unit && field.type !== 'money' ? ` ${field.unit}` : ''}`);
}

/** The record as the portal shows it: every string escaped, only the notice policy's tags. */
export function recordHtml(r: OpeningRecord, signatures: readonly { entityName: string; signedAt: string }[]): string {
  const e = escapeHtml;
  const rows = (cells: string[], tag = 'td') => `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
  const parts = [
    `<h2>${e(r.sectionName)}（${e(r.sectionCode)}）开标记录</h2>`,
    `<p>项目名称：${e(r.projectName)}<br>招标人：${e(r.tendererName)}<br>投标截止（开标）时间：${at(r.bidDeadline)}<br>解密时间：${at(r.unsealStartedAt)} 至 ${at(r.unsealWindowEnd)}</p>`,
    '<h3>投标人递交与解密情况</h3>',
    `<table><thead>${rows(['序号', '投标人', '递交时间', '签到时间', '解密状态', '说明', '投标保证金'], 'th')}</thead><tbody>`,
    ...r.bidders.map((b) =>
      rows([String(b.order), e(b.entityName), at(b.receivedAt), at(b.signedInAt), `${UNSEAL_LABEL[b.unseal.status] ?? e(b.unseal.status)} ${at(b.unseal.at)}`, e([b.unseal.reason, b.unseal.outcome ? OUTCOME_LABEL[b.unseal.outcome] : null].filter(Boolean).join('；') || '—'), e(b.bondStatus ?? '—')]),
    ),
    '</tbody></table>',
    '<h3>唱标</h3>',
    `<table><thead>${rows(['序号', '投标人', ...r.fields.map((f) => e(f.label))], 'th')}</thead><tbody>`,
    ...r.readout.map((row) => rows([String(row.order), e(row.entityName), ...r.fields.map((f) => value(f, row.values[f.key]))])),
    '</tbody></table>',
    r.coefficient ? `<p>评标基准价下浮系数（开标时随机抽取）：${e(r.coefficient.value)}${r.coefficient.drawId ? `（抽取记录 ${e(r.coefficient.drawId)}，可复核）` : ''}</p>` : '',
    '<h3>开标现场异议及答复</h3>',
    r.objections.length
      ? `<table><thead>${rows(['提出人', '异议', '提出时间', '答复', '答复时间'], 'th')}</thead><tbody>${r.objections.map((o) => rows([e(o.entityName), e(o.text), at(o.raisedAt), e(o.answer ?? '未答复'), at(o.answeredAt)])).join('')}</tbody></table>`
      : '<p>无</p>',
    `<p>投标人电子签名确认：${signatures.length ? signatures.map((s) => `${e(s.entityName)}（${at(s.signedAt)}）`).join('；') : '无'}</p>`,
  ];
  return parts.join('\n');
}
