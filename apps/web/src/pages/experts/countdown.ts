const pad = (n: number) => String(n).padStart(2, '0');

/** Milliseconds left as whole days and hh:mm:ss (rounded down); null once nothing is left. */
export function splitRemaining(ms: number): { days: number; clock: string; seconds: number } | null {
  if (!(ms > 0)) return null;
  const s = Math.floor(ms / 1000);
  const days = Math.floor(s / 86_400);
  return { days, clock: `${pad(Math.floor((s % 86_400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`, seconds: s };
}
