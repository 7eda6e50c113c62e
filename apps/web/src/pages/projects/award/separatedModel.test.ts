import { describe, expect, it } from 'vitest';
import { byRankThenName, cleanMembers, committeeSizeOk, missingVoters, separatedInput, tiedLeaders } from './separatedModel.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const members = ['甲', '乙', '丙', '丁', '戊'];

describe('separated award model', () => {
  it('wants an odd committee of at least 5', () => {
    expect(committeeSizeOk(members.slice(0, 3))).toBe(false);
    expect(committeeSizeOk(members.slice(0, 4))).toBe(false);
    expect(committeeSizeOk(members)).toBe(true);
    expect(committeeSizeOk([...members, '己'])).toBe(false);
  });

  it('cleans the names entered', () => {
    expect(cleanMembers([' 甲 ', '', '乙', '甲'])).toEqual(['甲', '乙']);
  });

  it('sorts ranked candidates by rank, unranked ones by name after them', () => {
    const sorted = byRankThenName([
      { rank: null, entityName: 'Zeta' },
      { rank: 2, entityName: 'Beta' },
      { rank: null, entityName: 'Alpha' },
      { rank: 1, entityName: 'Gamma' },
    ]);
    expect(sorted.map((c) => c.entityName)).toEqual(['Gamma', 'Beta', 'Alpha', 'Zeta']);
  });

  it('lists the members who have not voted, or voted outside the round', () => {
    expect(missingVoters(members, { candidates: [A], votes: { 甲: A, 乙: B } })).toEqual(['乙', '丙', '丁', '戊']);
  });

  it('sends only what the method uses', () => {
    const rounds = [
      { candidates: [A, B], votes: { 甲: A, 乙: B } },
      { candidates: [A, B], votes: { 甲: B } },
    ];
    expect(separatedInput('vote', members, rounds, {}, ' why ')).toEqual({
      members,
      rounds: [
        [
          { voter: '甲', bidId: A },
          { voter: '乙', bidId: B },
        ],
        [{ voter: '甲', bidId: B }],
      ],
      reason: 'why',
    });
    expect(separatedInput('voteThenLot', members, rounds, {}, 'r').rounds).toHaveLength(1);
    expect(separatedInput('priceCompetition', members, rounds, { bidId: A, minutes: 'm' }, 'r')).toEqual({
      members,
      rounds: [],
      reason: 'r',
    });
    expect(separatedInput('deliberation', members, rounds, { bidId: A, minutes: ' m ' }, 'r')).toEqual({
      members,
      rounds: [],
      deliberation: { bidId: A, minutes: 'm' },
      reason: 'r',
    });
  });

  it('reads the leaders of a tied vote', () => {
    expect(tiedLeaders({ code: 'AWARD_VOTE_TIED', details: { leaders: [A, B] } })).toEqual([A, B]);
    expect(tiedLeaders({ code: 'AWARD_PROCEEDING_INVALID', details: {} })).toBeNull();
    expect(tiedLeaders(new Error('x'))).toBeNull();
  });
});
