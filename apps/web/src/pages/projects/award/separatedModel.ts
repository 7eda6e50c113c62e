import type { SeparatedAwardInput, SeparatedAwardTerms } from '@bidhall/contracts';

/** The award committee: an odd number of members, at least 5 (as the server checks it). */
export const MIN_AWARD_COMMITTEE = 5;

export function committeeSizeOk(members: readonly string[]): boolean {
  return members.length >= MIN_AWARD_COMMITTEE && members.length % 2 === 1;
}

/** Names as entered in a tags select: trimmed, non-empty, each once, in the order entered. */
export function cleanMembers(members: readonly string[]): string[] {
  const out: string[] = [];
  for (const m of members) {
    const name = m.trim();
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/** The ranked candidates first by rank; unranked ones (评定分离, rank null) after them by name. */
export function byRankThenName<T extends { rank: number | null; entityName: string }>(candidates: readonly T[]): T[] {
  return [...candidates].sort((a, b) => {
    if (a.rank !== null && b.rank !== null) return a.rank - b.rank;
    if (a.rank !== null) return -1;
    if (b.rank !== null) return 1;
    return a.entityName.localeCompare(b.entityName, 'zh-CN');
  });
}

/** A voting round as the form holds it: the candidates it votes among, and each member's ballot. */
export interface RoundDraft {
  candidates: string[];
  votes: Record<string, string | undefined>;
}

/** Which methods take ballots, and how many rounds at most the form offers. */
export function takesBallots(method: SeparatedAwardTerms['method']): boolean {
  return method === 'vote' || method === 'voteThenLot';
}

/** The members who have not voted in a round. */
export function missingVoters(members: readonly string[], round: RoundDraft): string[] {
  return members.filter((m) => !round.votes[m] || !round.candidates.includes(round.votes[m]));
}

/** The request for the award committee's sitting, holding only what the method uses. */
export function separatedInput(
  method: SeparatedAwardTerms['method'],
  members: readonly string[],
  rounds: readonly RoundDraft[],
  deliberation: { bidId?: string; minutes?: string },
  reason: string,
): SeparatedAwardInput {
  const input: SeparatedAwardInput = {
    members: [...members],
    rounds: takesBallots(method)
      ? (method === 'voteThenLot' ? rounds.slice(0, 1) : rounds).map((r) =>
          members.flatMap((voter) => {
            const bidId = r.votes[voter];
            return bidId ? [{ voter, bidId }] : [];
          }),
        )
      : [],
    reason: reason.trim(),
  };
  if (method === 'deliberation' && deliberation.bidId) {
    input.deliberation = { bidId: deliberation.bidId, minutes: (deliberation.minutes ?? '').trim() };
  }
  return input;
}

/** The leaders of a 409 AWARD_VOTE_TIED, when the error is one. */
export function tiedLeaders(err: unknown): string[] | null {
  if (!err || typeof err !== 'object' || !('code' in err) || err.code !== 'AWARD_VOTE_TIED') return null;
  const details = 'details' in err ? (err.details as { leaders?: unknown } | undefined) : undefined;
  const leaders = details?.leaders;
  return Array.isArray(leaders) && leaders.every((l) => typeof l === 'string') ? (leaders as string[]) : null;
}
