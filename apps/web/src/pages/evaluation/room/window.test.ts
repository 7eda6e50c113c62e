import { describe, expect, it } from 'vitest';
import { MAX_WINDOW_MS, reminderCrossed, urgency, windowIssue } from './window.ts';

const MIN = 60_000;

describe('the evaluation window', () => {
  it('is refused before asking when it ends first, is longer than 3 days or is over', () => {
    const now = Date.parse('2026-11-26T02:00:00Z');
    expect(windowIssue(now + MIN, now, now)).toBe('order');
    expect(windowIssue(now, now + MAX_WINDOW_MS + 1, now)).toBe('tooLong');
    expect(windowIssue(now, now + MAX_WINDOW_MS, now)).toBeUndefined();
    expect(windowIssue(now - 10 * MIN, now - MIN, now)).toBe('over');
  });

  it('reminds once per threshold crossed, the latest when several were slept through', () => {
    expect(reminderCrossed(61 * MIN, 59 * MIN)).toBe(60);
    expect(reminderCrossed(59 * MIN, 58 * MIN)).toBeUndefined();
    expect(reminderCrossed(90 * MIN, 5 * MIN)).toBe(10);
    expect(reminderCrossed(5 * MIN, -1)).toBeUndefined();
    expect([urgency(0), urgency(9 * MIN), urgency(59 * MIN), urgency(61 * MIN)]).toEqual(['over', 'urgent', 'soon', 'calm']);
  });
});
