/**
 * 评定分离 (the separated award, action-plan task 7): the committee recommends unranked candidates and
 * the tenderer's award committee (定标委员会) decides by the method its tender document fixed. These are
 * the counting rules; the lot itself is the trust core's verifiable draw, fed with what these return.
 */
import { EvaluationInputError } from '../evaluation/evaluation.errors.ts';

/** An award committee has at least 5 members, an odd number (local rules commonly say 5 to 9 or more). */
export const MIN_AWARD_COMMITTEE = 5;

export interface Ballot {
  voter: string;
  bidId: string;
}

export interface VoteTally {
  /** Votes per candidate, every candidate listed (0 included), most first, ties by id. */
  counts: { bidId: string; votes: number }[];
  /** The candidate with more votes than any other; null on a tie at the top. */
  winner: string | null;
  /** The candidates sharing the most votes. */
  leaders: string[];
}

export function checkAwardCommittee(members: readonly string[]): void {
  const distinct = new Set(members);
  if (distinct.size !== members.length) throw new EvaluationInputError('a member sits on the award committee twice', { members: members.length });
  if (members.length < MIN_AWARD_COMMITTEE || members.length % 2 === 0) {
    throw new EvaluationInputError(`the award committee has an odd number of members, at least ${MIN_AWARD_COMMITTEE}, not ${members.length}`, { members: members.length });
  }
}

/**
 * 票决: every member votes once for one candidate. Refuses a ballot by a non-member, a second ballot,
 * a vote for a non-candidate, and a missing member's ballot — the tally is of the whole committee.
 */
export function tallyVotes(candidates: readonly string[], members: readonly string[], ballots: readonly Ballot[]): VoteTally {
  checkAwardCommittee(members);
  const memberSet = new Set(members);
  const counts = new Map(candidates.map((c) => [c, 0]));
  const voted = new Set<string>();
  for (const b of ballots) {
    if (!memberSet.has(b.voter)) throw new EvaluationInputError(`${b.voter} is not on the award committee`, { voter: b.voter });
    if (voted.has(b.voter)) throw new EvaluationInputError(`${b.voter} voted twice`, { voter: b.voter });
    const n = counts.get(b.bidId);
    if (n === undefined) throw new EvaluationInputError(`bid ${b.bidId} is not a recommended candidate`, { bidId: b.bidId });
    counts.set(b.bidId, n + 1);
    voted.add(b.voter);
  }
  const missing = members.filter((m) => !voted.has(m));
  if (missing.length > 0) throw new EvaluationInputError(`${missing.length} member(s) have not voted`, { missing });
  const sorted = [...counts].map(([bidId, votes]) => ({ bidId, votes })).sort((a, b) => b.votes - a.votes || (a.bidId < b.bidId ? -1 : 1));
  const top = sorted[0]?.votes ?? 0;
  const leaders = sorted.filter((c) => c.votes === top).map((c) => c.bidId);
  return { counts: sorted, winner: leaders.length === 1 ? leaders[0]! : null, leaders };
}

/**
 * 票决抽签: the votes narrow the candidates to the `size` most voted (every candidate tied at the cut
 * stays in, so that the cut never decides a tie); the lot is drawn among them.
 */
export function voteShortlist(tally: VoteTally, size: number): string[] {
  if (!Number.isSafeInteger(size) || size < 2) throw new EvaluationInputError(`a shortlist for a lot has at least 2 candidates, not ${size}`, { size });
  if (tally.counts.length <= size) return tally.counts.map((c) => c.bidId);
  const cut = tally.counts[size - 1]!.votes;
  return tally.counts.filter((c) => c.votes >= cut).map((c) => c.bidId);
}

/** 价格竞争: the lowest read-out price wins; candidates sharing it go to a lot (`tied`). */
export function lowestPriceCandidates(candidates: readonly { bidId: string; priceFen: bigint }[]): { winner: string | null; tied: string[] } {
  if (candidates.length === 0) throw new EvaluationInputError('no candidates to compare', {});
  const low = candidates.reduce((m, c) => (c.priceFen < m ? c.priceFen : m), candidates[0]!.priceFen);
  const tied = candidates.filter((c) => c.priceFen === low).map((c) => c.bidId).sort();
  return { winner: tied.length === 1 ? tied[0]! : null, tied };
}
