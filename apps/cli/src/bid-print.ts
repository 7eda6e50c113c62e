/** What the bid tool prints: the requirements of a section (A-87), sizes and times for people. */
import type { BiddingRequirements } from '@bidhall/contracts';
import { formatFen } from './bid-money.ts';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

export function timeLeft(deadline: string, now: string): string {
  const ms = Date.parse(deadline) - Date.parse(now);
  if (ms <= 0) return 'passed';
  const m = Math.floor(ms / 60_000);
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  return `${d ? `${d} d ` : ''}${h} h ${m % 60} min left`;
}

const FIELD_TYPES: Record<string, string> = {
  money: 'amount (yuan, sealed as integer fen)',
  integer: 'whole number',
  text: 'text',
  select: 'one of',
};

/** The requirements as lines of text. */
export function requirementsText(r: BiddingRequirements): string {
  const lines: string[] = [];
  lines.push(`Section ${r.sectionCode} ${r.sectionName} (round ${r.round}), tenderer ${r.tendererName}`);
  lines.push(`Tender document ${r.document.id} version ${r.document.version}, SM3 ${r.document.contentSm3}`);
  lines.push(
    `Bid deadline ${r.bidDeadline} — server time ${r.serverTime} (${timeLeft(r.bidDeadline, r.serverTime)}); bids ${r.open ? 'are accepted now' : 'are NOT accepted now'}`,
  );
  lines.push('', 'Parts of the bid (files):');
  for (const p of r.document.parts) {
    lines.push(
      `  ${p.key.padEnd(14)} ${p.name}  ${p.required ? 'required' : 'optional'}  types ${p.fileTypes.join(', ')}  at most ${p.maxSizeMiB} MiB`,
    );
  }
  lines.push('', 'bidSummary (read out at opening):');
  for (const f of r.document.bidSummaryFields) {
    const type = f.type === 'select' ? `one of ${(f.options ?? []).join(' / ')}` : FIELD_TYPES[f.type];
    lines.push(
      `  ${f.key.padEnd(14)} ${f.label}  ${type}${f.unit ? ` (${f.unit})` : ''}  ${f.required ? 'required' : 'optional'}`,
    );
  }
  if (r.document.requirements.length) {
    lines.push('', 'The document requires:');
    for (const q of r.document.requirements) lines.push(`  ${q.label}: ${q.value ?? '—'}`);
  }
  lines.push('');
  lines.push(
    r.bond.required && r.bond.amountFen
      ? `Bid bond: ${formatFen(r.bond.amountFen)} yuan (${r.bond.amountFen} fen) as ${r.bond.forms.map((f) => (f === 'deposit' ? 'a deposit' : 'an e-guarantee')).join(' or ')}`
      : 'Bid bond: none required',
  );
  lines.push(
    '',
    `Sealing: suites ${r.sealing.suites.join(', ')}; the content keys are wrapped to your certificate and split ${r.sealing.threshold}-of-${r.sealing.custodians.length} to the opening custodians:`,
  );
  for (const c of r.sealing.custodians) lines.push(`  ${c.index}. ${c.label} (${c.holder}) key ${c.keyId.slice(0, 16)}…`);
  lines.push(`  custodian set SM3 ${r.sealing.custodianSetSm3}`);
  return lines.join('\n');
}
