import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { seatCounts, toPlanForm, toPlanInput } from './planForm.ts';

describe('committee plan form', () => {
  it('sends the evaluation start as Beijing time and leaves blank credit codes out', () => {
    const plan = toPlanInput({
      ...toPlanForm(null, { regionCode: '150602', mandatory: true }),
      specialties: [{ code: 'A03', count: 4 }],
      tendererRepresentatives: 1,
      evaluationStartsAt: dayjs('2026-12-20 09:30'),
      venue: ' 市交易中心第三评标室 ',
      avoidUnits: [{ name: '示范监理', creditCode: ' ' }, { name: '示范设计', creditCode: '91150602ma0000000x' }],
    });
    expect(plan.evaluationStartsAt).toBe('2026-12-20T09:30:00+08:00');
    expect(plan.venue).toBe('市交易中心第三评标室');
    expect(plan.regionCodes).toEqual(['150602']);
    expect(plan.mandatory).toBe(true);
    expect(plan.avoidUnits).toEqual([{ name: '示范监理' }, { name: '示范设计', creditCode: '91150602MA0000000X' }]);
  });

  it('round-trips a saved plan', () => {
    const saved = toPlanInput({
      ...toPlanForm(null, { regionCode: '150602', mandatory: false }),
      specialties: [{ code: 'A01', count: 3 }, { code: 'A05', count: 2 }],
      evaluationStartsAt: dayjs('2026-12-20 09:30'),
      venue: 'x',
    });
    expect(toPlanInput(toPlanForm(saved, { regionCode: '1', mandatory: true }))).toEqual(saved);
  });

  it('counts the expert seats against the specialty rows', () => {
    expect(seatCounts({ size: 7, tendererRepresentatives: 2, specialties: [{ count: 3 }, { count: 1 }] })).toEqual({ expertSeats: 5, specialtySeats: 4 });
  });
});

describe('committee plan issues', () => {
  it('takes the figures a refusal names from the plan', async () => {
    const { issueValues, isWordedRule } = await import('./planIssues.ts');
    expect(issueValues({ size: 7, tendererRepresentatives: 3, specialties: [{ code: 'A01', count: 3 }, { code: 'A05', count: 2 }] })).toEqual({ size: 7, reps: 3, experts: 5, total: 8, max: 2 });
    expect(isWordedRule('B-021')).toBe(true);
    expect(isWordedRule('B-099')).toBe(false);
  });
});
