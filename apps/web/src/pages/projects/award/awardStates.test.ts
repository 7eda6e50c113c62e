import { describe, expect, it } from 'vitest';
import { choiceNeeds, decisionBlock, endOfDay, noticeStep, objectionTags, periodPhase, publicityStep } from './awardStates.ts';

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

  it('steps the notices draft → pending → issued', () => {
    expect(noticeStep(null)).toBe(-1);
    expect(noticeStep({ state: 'draft' })).toBe(0);
    expect(noticeStep({ state: 'pendingVerification' })).toBe(1);
    expect(noticeStep({ state: 'issued' })).toBe(2);
  });

  it('says why the winner cannot be decided yet', () => {
    const publicity = { state: 'published' as const, endsAt: '2025-01-05T00:00:00+08:00' };
    const before = Date.parse('2025-01-04T00:00:00+08:00');
    const after = Date.parse('2025-01-06T00:00:00+08:00');
    const base = { decidable: false, decision: null, suspended: false, publicity };
    expect(decisionBlock({ ...base, publicity: null }, after)).toBe('unpublished');
    expect(decisionBlock({ ...base, publicity: { ...publicity, state: 'pendingVerification' } }, after)).toBe('unpublished');
    expect(decisionBlock(base, before)).toBe('publicityRunning');
    expect(decisionBlock({ ...base, suspended: true }, after)).toBe('suspended');
    expect(decisionBlock({ ...base, decidable: true }, after)).toBeNull();
  });

  it('asks reasons for a later candidate, and the ground when the first-ranked must win', () => {
    expect(choiceNeeds(1, true)).toEqual({ reason: false, passedOver: false });
    expect(choiceNeeds(2, false)).toEqual({ reason: true, passedOver: false });
    expect(choiceNeeds(2, true)).toEqual({ reason: true, passedOver: true });
    expect(choiceNeeds(undefined, true)).toEqual({ reason: false, passedOver: false });
  });

  it('ends a business date at the next Beijing midnight', () => {
    expect(endOfDay('2025-01-05')).toBe('2025-01-05T16:00:00.000Z');
  });
});
