import { readoutTable, type ReadoutTable } from '@bidhall/contracts';

/**
 * The table a `readout` event carries: shown the moment the stream delivers it, before the
 * view is fetched again; null for anything that is not one (an older server sent only a count).
 */
export function readoutFromEvent(raw: string): ReadoutTable | null {
  try {
    const parsed = readoutTable.safeParse((JSON.parse(raw) as { data?: unknown }).data);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
