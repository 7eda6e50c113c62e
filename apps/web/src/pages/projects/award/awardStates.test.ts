import { describe, expect, it } from 'vitest';
import { objectionTags, periodPhase, publicityStep } from './awardStates.ts';

describe('award states', () => {
  it('steps the publicity draft → pending → published', () => {
    expect(publicityStep(null)).toBe(-1);
    expect(publicityStep({ state: 'draft' })).toBe(0);
    expect(publicityStep({ state: 'pendingVerification' })).toBe(1);
    expect(publicityStep({ state: 'published' })).toBe(2);
  });

  it('places the period on the clock', () => {
    const p = { startsAt: '2025-01-02T00:00:00+08:00', endsAt: '2025-01-05T00:00:00+08:00' };
    expect(periodPhase(p, Date.parse('2025-01-01T23:59:59+08:00'))).toBe('notStarted');
    expect(periodPhase(p, Date.parse('2025-01-02T00:00:00+08:00'))).toBe('running');
    expect(periodPhase(p, Date.parse('2025-01-05T00:00:00+08:00'))).toBe('over');
  });

  it('tags objections: open, overdue, answered, late', () => {
    expect(objectionTags({ state: 'open', overdue: false, late: false })).toEqual(['open']);
    expect(objectionTags({ state: 'open', overdue: true, late: false })).toEqual(['overdue']);
    expect(objectionTags({ state: 'answered', overdue: false, late: true })).toEqual(['answered', 'late']);
  });
});
