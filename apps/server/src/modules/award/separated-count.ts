import type { SeparatedAwardInput, SeparatedAwardTerms, SeparatedAwardView } from '@bidhall/contracts';
import { checkAwardCommittee, EvaluationInputError, lowestPriceCandidates, tallyVotes, voteShortlist } from '@bidhall/rules';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { ResultCandidate } from './award.deps.ts';

export interface ProceedingCount {
  rounds: SeparatedAwardView['rounds'];
  deliberation: { bidId: string; minutes: string } | null;
  /** Decided by the count itself; null when a lot decides among `lotPool`. */
  outcome: string | null;
  lotPool: string[] | null;
}

const invalid = (message: string, details: Record<string, unknown>) => new DomainError('AWARD_PROCEEDING_INVALID', message, details);

/**
 * The award committee's sitting counted by the method the tender document fixed (评定分离): 票决 —
 * rounds until one candidate has more votes than any other, each later round among the previous one's
 * leaders; 票决抽签 — one round, then the lot among the `shortlist` most voted; 集体议事 — the agreed
 * candidate; 价格竞争 — the lowest read-out price, a tie to the lot. Refuses anything the method does
 * not use, so that the record holds only what decided.
 */
export function countProceeding(terms: SeparatedAwardTerms, candidates: readonly ResultCandidate[], input: SeparatedAwardInput): ProceedingCount {
  try {
    checkAwardCommittee(input.members);
    if (terms.method !== 'deliberation' && input.deliberation) throw invalid('only a deliberation records minutes', { reason: 'deliberationUnused' });
    if ((terms.method === 'deliberation' || terms.method === 'priceCompetition') && input.rounds.length > 0) {
      throw invalid(`${terms.method} takes no ballots`, { reason: 'ballotsUnused' });
    }
    switch (terms.method) {
      case 'vote':
        return vote(candidates, input);
      case 'voteThenLot':
        return voteThenLot(candidates, input, terms.shortlist ?? 2);
      case 'deliberation':
        return deliberation(candidates, input);
      case 'priceCompetition':
        return priceCompetition(candidates);
    }
  } catch (e) {
    if (e instanceof EvaluationInputError) throw invalid(e.message, { reason: 'count', ...e.details });
    throw e;
  }
}

const nameOf = (candidates: readonly ResultCandidate[]) => new Map(candidates.map((c) => [c.bidId, c.entityName]));

function vote(candidates: readonly ResultCandidate[], input: SeparatedAwardInput): ProceedingCount {
  if (input.rounds.length === 0) throw invalid('a vote needs the ballots of at least one round', { reason: 'noBallots' });
  const names = nameOf(candidates);
  let pool = candidates.map((c) => c.bidId);
  const rounds: ProceedingCount['rounds'] = [];
  for (const [i, ballots] of input.rounds.entries()) {
    const tally = tallyVotes(pool, input.members, ballots);
    rounds.push({ candidates: pool, ballots, counts: tally.counts.map((c) => ({ ...c, entityName: names.get(c.bidId) ?? '' })) });
    if (tally.winner) {
      if (i < input.rounds.length - 1) throw invalid(`round ${i + 1} decided; no round follows it`, { reason: 'roundAfterWinner', round: i + 1 });
      return { rounds, deliberation: null, outcome: tally.winner, lotPool: null };
    }
    pool = tally.leaders;
  }
  throw new DomainError('AWARD_VOTE_TIED', `round ${input.rounds.length} tied at the top: the committee votes again among the leaders`, { leaders: pool });
}

function voteThenLot(candidates: readonly ResultCandidate[], input: SeparatedAwardInput, shortlist: number): ProceedingCount {
  if (input.rounds.length !== 1) throw invalid('vote then lot takes exactly one voting round', { reason: 'oneRound', rounds: input.rounds.length });
  const names = nameOf(candidates);
  const pool = candidates.map((c) => c.bidId);
  const tally = tallyVotes(pool, input.members, input.rounds[0]!);
  const round = { candidates: pool, ballots: input.rounds[0]!, counts: tally.counts.map((c) => ({ ...c, entityName: names.get(c.bidId) ?? '' })) };
  const drawn = pool.length < 2 ? pool : voteShortlist(tally, shortlist);
  return { rounds: [round], deliberation: null, outcome: drawn.length === 1 ? drawn[0]! : null, lotPool: drawn.length === 1 ? null : drawn };
}

function deliberation(candidates: readonly ResultCandidate[], input: SeparatedAwardInput): ProceedingCount {
  const d = input.deliberation;
  if (!d) throw invalid('a deliberation records the agreed candidate and its minutes', { reason: 'noMinutes' });
  if (!candidates.some((c) => c.bidId === d.bidId)) throw invalid('the agreed candidate is not a recommended candidate', { reason: 'notCandidate' });
  return { rounds: [], deliberation: d, outcome: d.bidId, lotPool: null };
}

function priceCompetition(candidates: readonly ResultCandidate[]): ProceedingCount {
  const low = lowestPriceCandidates(candidates.map((c) => ({ bidId: c.bidId, priceFen: BigInt(c.priceFen) })));
  return { rounds: [], deliberation: null, outcome: low.winner, lotPool: low.winner ? null : low.tied };
}
