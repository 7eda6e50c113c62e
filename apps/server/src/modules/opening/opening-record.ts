import { OPENING_RECORD_FORMAT, STANDARD_RECORD_TEMPLATE, type BidSummaryField, type OpeningRecord, type ReadoutRow, type RecordBlock, type RecordTemplateUsed, type UnsealFailureCode } from '@bidhall/contracts';
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
  template: RecordTemplateUsed;
}): OpeningRecord {
  const { hall } = input;
  return {
    format: OPENING_RECORD_FORMAT,
    sectionId: hall.section_id,
    round: hall.round,
    // Absent for bids, so that a bid record's canonical JSON (and SM3) is what it was before sittings.
    ...(hall.sitting === 'application' ? { sitting: 'application' as const } : {}),
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
      unseal: { status: b.unseal_status, at: iso(b.unsealed_at), code: b.failure_code, reason: b.failure_reason, outcome: b.failure_outcome },
      bondStatus: b.bond_status,
    })),
    fields: hall.summary_fields as BidSummaryField[],
    readout: (hall.readout ?? []) as ReadoutRow[],
    coefficient: hall.coefficient ? { drawId: hall.coefficient_draw_id, value: hall.coefficient } : null,
    objections: input.objections.map((o) => ({ entityName: o.entity_name, text: o.text, raisedAt: o.raised_at.toISOString(), answer: o.answer, answeredAt: iso(o.answered_at) })),
    frozenAt: input.frozenAt.toISOString(),
    template: input.template,
  };
}

const UNSEAL_LABEL: Record<string, string> = { sealed: '未解密', unsealed: '解密成功', failed: '解密失败', remedied: '补救解密成功' };
/** A-112 on the portal: why a bid did not open, in the record's language (the detail stays in the record's JSON). */
const FAILURE_LABEL: Record<UnsealFailureCode, string> = {
  keyMissing: '未提交全部投标文件的解密密钥',
  keyNotWrapped: '解密密钥未按开标密钥封装',
  keyDoesNotOpen: '解密密钥无法解开投标文件',
  summaryMissing: '投标文件缺少开标一览表',
  summaryNotInManifest: '开标一览表不在投标人签名的清单中',
  summaryDoesNotOpen: '开标一览表解密失败',
  summaryNotSigned: '解密所得开标一览表与投标人签名的不一致',
  windowClosed: '解密时限内未完成解密',
  remedyDoesNotOpen: '开标密钥保管人的密钥份额亦无法解密',
};
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

type Signatures = readonly { entityName: string; signedAt: string }[];
const e = escapeHtml;
const rows = (cells: string[], tag = 'td') => `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
const table = (head: string[], body: string[]) => `<table><thead>${rows(head, 'th')}</thead><tbody>${body.join('')}</tbody></table>`;

/** Each part of the record as HTML; a part the record has nothing for says so. */
const unsealCells = (b: OpeningRecord['bidders'][number]) => [
  `${UNSEAL_LABEL[b.unseal.status] ?? e(b.unseal.status)} ${at(b.unseal.at)}`,
  e([b.unseal.code ? FAILURE_LABEL[b.unseal.code] : b.unseal.reason, b.unseal.outcome ? OUTCOME_LABEL[b.unseal.outcome] : null].filter(Boolean).join('；') || '—'),
];
const MIB = 1024 * 1024;
const fileList = (files: NonNullable<ReadoutRow['files']>) => files.map((f) => `${e(f.name)}（${f.size >= MIB ? `${(f.size / MIB).toFixed(1)} MB` : `${Math.max(1, Math.round(f.size / 1024))} KB`}，SM3 ${e(f.plaintextHash.slice(0, 16))}…）`).join('<br>');

/** Each part of the record as HTML; a part the record has nothing for says so. Applications have applicants and no bond (A-121, A-125). */
const BLOCKS: Record<RecordBlock, (r: OpeningRecord, signatures: Signatures) => string> = {
  bidders: (r) =>
    r.sitting === 'application'
      ? table(
          ['序号', '申请人', '递交时间', '签到时间', '解密状态', '说明'],
          r.bidders.map((b) => rows([String(b.order), e(b.entityName), at(b.receivedAt), at(b.signedInAt), ...unsealCells(b)])),
        )
      : table(
          ['序号', '投标人', '递交时间', '签到时间', '解密状态', '说明', '投标保证金'],
          r.bidders.map((b) => rows([String(b.order), e(b.entityName), at(b.receivedAt), at(b.signedInAt), ...unsealCells(b), e(b.bondStatus ?? '—')])),
        ),
  readout: (r) => {
    if (!r.readout.length) return '<p>无</p>';
    if (r.sitting === 'application') {
      return table(
        ['序号', '申请人', '递交时间', ...r.fields.map((f) => e(f.label)), '申请文件内容'],
        r.readout.map((row) => rows([String(row.order), e(row.entityName), at(row.receivedAt ?? null), ...r.fields.map((f) => value(f, row.values[f.key])), fileList(row.files ?? [])])),
      );
    }
    return table(['序号', '投标人', ...r.fields.map((f) => e(f.label))], r.readout.map((row) => rows([String(row.order), e(row.entityName), ...r.fields.map((f) => value(f, row.values[f.key]))])));
  },
  coefficient: (r) => (r.coefficient ? `<p>评标基准价下浮系数（开标时随机抽取）：${e(r.coefficient.value)}${r.coefficient.drawId ? `（抽取记录 ${e(r.coefficient.drawId)}，可复核）` : ''}</p>` : '<p>本次开标未抽取系数</p>'),
  objections: (r) => (r.objections.length ? table(['提出人', '异议', '提出时间', '答复', '答复时间'], r.objections.map((o) => rows([e(o.entityName), e(o.text), at(o.raisedAt), e(o.answer ?? '未答复'), at(o.answeredAt)]))) : '<p>无</p>'),
  signatures: (_r, signatures) => `<p>${signatures.length ? signatures.map((s) => `${e(s.entityName)}（${at(s.signedAt)}）`).join('；') : '无'}</p>`,
};

/** `{{placeholder}}` filled from the record, then escaped; line breaks kept. */
function fill(text: string, r: OpeningRecord): string {
  const facts: Record<string, string> = {
    sectionName: r.sectionName,
    sectionCode: r.sectionCode,
    projectName: r.projectName,
    tendererName: r.tendererName,
    bidDeadline: r.bidDeadline ? SHANGHAI.format(new Date(r.bidDeadline)) : '—',
    openedAt: SHANGHAI.format(new Date(r.openedAt)),
    round: String(r.round),
  };
  return e(text.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (_m, name: string) => facts[name] ?? '')).replace(/\n/g, '<br>');
}

/** The record as the portal shows it, laid out by the template it was drawn up from: every string escaped, only the notice policy's tags. */
export function recordHtml(r: OpeningRecord, signatures: Signatures): string {
  const { content } = r.template ?? STANDARD_RECORD_TEMPLATE;
  return [
    `<h2>${fill(content.title, r)}</h2>`,
    content.preamble ? `<p>${fill(content.preamble, r)}</p>` : '',
    `<p>解密时间：${at(r.unsealStartedAt)} 至 ${at(r.unsealWindowEnd)}</p>`,
    ...content.blocks.flatMap((b) => [`<h3>${e(b.heading)}</h3>`, BLOCKS[b.block](r, signatures)]),
    content.closing ? `<p>${fill(content.closing, r)}</p>` : '',
  ]
    .filter(Boolean)
    .join('\n');
}
