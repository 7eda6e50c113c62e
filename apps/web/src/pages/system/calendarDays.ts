// Dates of a holiday notice as people read them: runs of consecutive days ("2月6日至12日") and back.

const DAY_MS = 86_400_000;
const toMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface DayRun {
  first: string;
  last: string;
  days: number;
}

/** Sorted runs of consecutive dates (YYYY-MM-DD); duplicates count once. */
export function dayRuns(dates: readonly string[]): DayRun[] {
  const sorted = [...new Set(dates)].sort();
  const runs: DayRun[] = [];
  for (const date of sorted) {
    const last = runs.at(-1);
    if (last && toMs(date) - toMs(last.last) === DAY_MS) {
      last.last = date;
      last.days++;
    } else runs.push({ first: date, last: date, days: 1 });
  }
  return runs;
}

/** Every date from `first` to `last`, both included (YYYY-MM-DD). */
export function daysBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let ms = toMs(first); ms <= toMs(last); ms += DAY_MS) out.push(toDate(ms));
  return out;
}
