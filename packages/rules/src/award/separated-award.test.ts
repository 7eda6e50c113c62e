import { describe, expect, it } from 'vitest';
import { checkAwardCommittee, lowestPriceCandidates, tallyVotes, voteShortlist } from './separated-award.ts';

const members = ['m1', 'm2', 'm3', 'm4', 'm5'];
const ballots = (votes: string[]) => votes.map((bidId, i) => ({ voter: members[i]!, bidId }));

describe('the separated award’s counting (task 7)', () => {
  it('an award committee is an odd number of distinct members, at least five', () => {
    expect(() => checkAwardCommittee(['a', 'b', 'c'])).toThrow(/at least 5/);
    expect(() => checkAwardCommittee(['a', 'b', 'c', 'd', 'e', 'f'])).toThrow(/odd/);
    expect(() => checkAwardCommittee(['a', 'a', 'c', 'd', 'e'])).toThrow(/twice/);
    expect(() => checkAwardCommittee(members)).not.toThrow();
  });

  it('票决: the most voted wins; a tie at the top decides nothing', () => {
    const t = tallyVotes(['b1', 'b2', 'b3'], members, ballots(['b2', 'b2', 'b1', 'b2', 'b3']));
    expect(t.winner).toBe('b2');
    expect(t.counts).toEqual([
      { bidId: 'b2', votes: 3 },
      { bidId: 'b1', votes: 1 },
      { bidId: 'b3', votes: 1 },
    ]);
    const tie = tallyVotes(['b1', 'b2', 'b3'], members, ballots(['b1', 'b2', 'b1', 'b2', 'b3']));
    expect(tie).toMatchObject({ winner: null, leaders: ['b1', 'b2'] });
  });

  it('refuses a stranger’s ballot, a second ballot, a vote for a non-candidate and a missing member', () => {
    expect(() => tallyVotes(['b1'], members, [{ voter: 'x', bidId: 'b1' }])).toThrow(/not on the award committee/);
    expect(() => tallyVotes(['b1'], members, [...ballots(['b1', 'b1', 'b1', 'b1', 'b1']), { voter: 'm1', bidId: 'b1' }])).toThrow(/twice/);
    expect(() => tallyVotes(['b1'], members, ballots(['b1', 'b1', 'b1', 'b1', 'b9']))).toThrow(/not a recommended candidate/);
    expect(() => tallyVotes(['b1'], members, ballots(['b1', 'b1', 'b1', 'b1']))).toThrow(/have not voted/);
  });

  it('票决抽签: the shortlist keeps everyone tied at the cut', () => {
    const t = tallyVotes(['b1', 'b2', 'b3'], members, ballots(['b1', 'b1', 'b2', 'b2', 'b3']));
    expect(voteShortlist(t, 2)).toEqual(['b1', 'b2']);
    const tied = tallyVotes(['b1', 'b2', 'b3'], members, ballots(['b1', 'b1', 'b1', 'b2', 'b3']));
    expect(voteShortlist(tied, 2)).toEqual(['b1', 'b2', 'b3']);
    expect(() => voteShortlist(t, 1)).toThrow(/at least 2/);
  });

  it('价格竞争: the lowest price wins; equal lowest prices go to a lot', () => {
    expect(lowestPriceCandidates([{ bidId: 'b1', priceFen: 300n }, { bidId: 'b2', priceFen: 200n }])).toEqual({ winner: 'b2', tied: ['b2'] });
    expect(lowestPriceCandidates([{ bidId: 'b3', priceFen: 200n }, { bidId: 'b2', priceFen: 200n }, { bidId: 'b1', priceFen: 900n }])).toEqual({ winner: null, tied: ['b2', 'b3'] });
  });
});
