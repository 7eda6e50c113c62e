import type { SeparatedAwardInput } from '@bidhall/contracts';
import { describe, expect, it } from 'vitest';
import type { ResultCandidate } from './award.deps.ts';
import { countProceeding } from './separated-count.ts';

const cand = (bidId: string, priceFen: string): ResultCandidate => ({ rank: null, bidId, entityId: `e-${bidId}`, entityName: `公司${bidId}`, priceFen, total: null, evaluatedPriceFen: null });
const candidates = [cand('A', '1000'), cand('B', '900'), cand('C', '900')];
const members = ['m1', 'm2', 'm3', 'm4', 'm5'];
const round = (...votes: string[]) => votes.map((bidId, i) => ({ voter: members[i]!, bidId }));
const input = (over: Partial<SeparatedAwardInput>): SeparatedAwardInput => ({ members, rounds: [], reason: 'r', ...over });
const codeOf = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    return [(e as { code: string }).code, (e as { details?: { reason?: string } }).details?.reason];
  }
};

describe('the award committee’s count (评定分离)', () => {
  it('votes until one candidate leads; a tie at the top asks for another round among the leaders only', () => {
    const vote = { method: 'vote' as const, shortlist: null };
    expect(countProceeding(vote, candidates, input({ rounds: [round('A', 'A', 'A', 'B', 'C')] })).outcome).toBe('A');
    expect(codeOf(() => countProceeding(vote, candidates, input({ rounds: [round('A', 'A', 'B', 'B', 'C')] })))?.[0]).toBe('AWARD_VOTE_TIED');
    const runoff = countProceeding(vote, candidates, input({ rounds: [round('A', 'A', 'B', 'B', 'C'), round('B', 'B', 'B', 'A', 'A')] }));
    expect(runoff.outcome).toBe('B');
    expect(runoff.rounds[1]!.candidates).toEqual(['A', 'B']);
    // The second round is among the leaders: C is out of it.
    expect(codeOf(() => countProceeding(vote, candidates, input({ rounds: [round('A', 'A', 'B', 'B', 'C'), round('C', 'C', 'C', 'A', 'A')] })))?.[0]).toBe('AWARD_PROCEEDING_INVALID');
    expect(codeOf(() => countProceeding(vote, candidates, input({ rounds: [round('A', 'A', 'A', 'B', 'C'), round('A', 'A', 'A', 'B', 'B')] })))).toEqual(['AWARD_PROCEEDING_INVALID', 'roundAfterWinner']);
    expect(codeOf(() => countProceeding(vote, candidates, input({}))))
      .toEqual(['AWARD_PROCEEDING_INVALID', 'noBallots']);
    expect(codeOf(() => countProceeding(vote, candidates, input({ rounds: [round('A', 'A', 'A', 'B')] })))?.[0]).toBe('AWARD_PROCEEDING_INVALID');
  });

  it('vote then lot keeps every candidate tied at the cut in the lot', () => {
    const terms = { method: 'voteThenLot' as const, shortlist: 2 };
    expect(countProceeding(terms, candidates, input({ rounds: [round('A', 'A', 'A', 'B', 'C')] })).lotPool).toEqual(['A', 'B', 'C']);
    const clear = countProceeding(terms, candidates, input({ rounds: [round('A', 'A', 'B', 'B', 'C')] }));
    expect([clear.outcome, clear.lotPool]).toEqual([null, ['A', 'B']]);
  });

  it('deliberation records the agreed candidate with minutes; price competition takes the lowest price, a tie to the lot', () => {
    const delib = { method: 'deliberation' as const, shortlist: null };
    expect(countProceeding(delib, candidates, input({ deliberation: { bidId: 'C', minutes: '纪要' } })).outcome).toBe('C');
    expect(codeOf(() => countProceeding(delib, candidates, input({})))).toEqual(['AWARD_PROCEEDING_INVALID', 'noMinutes']);
    expect(codeOf(() => countProceeding(delib, candidates, input({ deliberation: { bidId: 'Z', minutes: '纪要' } })))).toEqual(['AWARD_PROCEEDING_INVALID', 'notCandidate']);
    expect(codeOf(() => countProceeding(delib, candidates, input({ rounds: [round('A', 'A', 'A', 'B', 'C')], deliberation: { bidId: 'C', minutes: '纪要' } })))).toEqual([
      'AWARD_PROCEEDING_INVALID',
      'ballotsUnused',
    ]);
    const price = { method: 'priceCompetition' as const, shortlist: null };
    expect(countProceeding(price, candidates, input({}))).toMatchObject({ outcome: null, lotPool: ['B', 'C'] });
    expect(countProceeding(price, [cand('A', '1000'), cand('B', '999')], input({})).outcome).toBe('B');
    expect(codeOf(() => countProceeding(price, candidates, input({ deliberation: { bidId: 'B', minutes: 'x' } })))).toEqual(['AWARD_PROCEEDING_INVALID', 'deliberationUnused']);
  });
});
