/** an evaluation window is at most 3 days long (the server refuses longer). */
export const MAX_WINDOW_MS = 3 * 86_400_000;

/** Minutes before the window's end at which the room reminds everyone in it. */
export const REMINDERS_MIN = [60, 30, 10] as const;

/** Why a window cannot be opened, checked before asking (the server checks again and has the last word). */
export function windowIssue(startsAt: number, endsAt: number, now: number): 'order' | 'tooLong' | 'over' | undefined {
  if (endsAt <= startsAt) return 'order';
  if (endsAt - startsAt > MAX_WINDOW_MS) return 'tooLong';
  if (endsAt <= now) return 'over';
  return undefined;
}

/**
 * The reminder due when the time left went from `before` to `left` (both in ms): the smallest threshold
 * crossed, so that a page that slept through several reminds once, with the latest.
 */
export function reminderCrossed(before: number, left: number): number | undefined {
  let due: number | undefined;
  for (const minutes of REMINDERS_MIN) {
    const at = minutes * 60_000;
    if (before > at && left <= at && left > 0) due = minutes;
  }
  return due;
}

/** How urgent the time left is, for the countdown's colour: over, under 10 minutes, under an hour. */
export function urgency(left: number): 'over' | 'urgent' | 'soon' | 'calm' {
  if (left <= 0) return 'over';
  if (left <= 10 * 60_000) return 'urgent';
  if (left <= 60 * 60_000) return 'soon';
  return 'calm';
}
