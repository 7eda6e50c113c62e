import { escapeHtml } from '../../platform/text/encode.ts';

const SHANGHAI = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** An instant as Beijing time, escaped. */
export const at = (d: Date) => escapeHtml(SHANGHAI.format(d));

/** Integer fen as yuan with two decimals ("—" for none). */
export const yuan = (fen: string | null) => {
  if (fen === null || !/^\d+$/.test(fen)) return '—';
  const v = BigInt(fen);
  return `${(v / 100n).toLocaleString('zh-CN')}.${String(v % 100n).padStart(2, '0')} 元`;
};
