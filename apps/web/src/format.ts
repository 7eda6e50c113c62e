const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch milliseconds as Beijing time (UTC+8, no daylight saving), whatever the browser's zone. */
export function formatBeijing(epochMs: number, withSeconds = true): string {
  const d = new Date(epochMs + 8 * 3_600_000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${withSeconds ? `:${pad(d.getUTCSeconds())}` : ''}`;
  return `${date} ${time}`;
}

/** An ISO timestamp from the API shown in Beijing time; '—' when absent. */
export function formatTime(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatBeijing(ms, withSeconds);
}
