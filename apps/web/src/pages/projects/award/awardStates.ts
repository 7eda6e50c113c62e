import type { AwardNoticeView, AwardStandingView, PublicityView, ResultObjectionView } from '@bidhall/contracts';

/** The publicity's step in 起草 → 待核验 → 已发布; -1 before a draft exists. */
export function publicityStep(p: Pick<PublicityView, 'state'> | null | undefined): number {
  if (!p) return -1;
  return p.state === 'draft' ? 0 : p.state === 'pendingVerification' ? 1 : 2;
}

export type PeriodPhase = 'notStarted' | 'running' | 'over';

/** Where a published publicity's period stands on the server's clock. */
export function periodPhase(p: Pick<PublicityView, 'startsAt' | 'endsAt'>, nowMs: number): PeriodPhase {
  if (nowMs < Date.parse(p.startsAt)) return 'notStarted';
  return nowMs < Date.parse(p.endsAt) ? 'running' : 'over';
}

export type ObjectionTag = 'open' | 'answered' | 'overdue' | 'late';

/** An objection's tags: answered or open (overdue when its 3 days have passed), and late when raised after the period. */
export function objectionTags(o: Pick<ResultObjectionView, 'state' | 'overdue' | 'late'>): ObjectionTag[] {
  const tags: ObjectionTag[] = [o.state === 'answered' ? 'answered' : o.overdue ? 'overdue' : 'open'];
  if (o.late) tags.push('late');
  return tags;
}

export const OBJECTION_TAG_COLOURS: Record<ObjectionTag, string> = {
  open: 'processing',
  answered: 'success',
  overdue: 'error',
  late: 'warning',
};

export const PUBLICITY_STATE_COLOURS: Record<PublicityView['state'], string> = {
  draft: 'default',
  pendingVerification: 'processing',
  published: 'success',
};

export const NOTICE_STATE_COLOURS: Record<AwardNoticeView['state'], string> = {
  draft: 'default',
  pendingVerification: 'processing',
  issued: 'success',
};

/** The notices' step in 起草 → 待核验 → 已发出; -1 before a draft exists. */
export function noticeStep(n: Pick<AwardNoticeView, 'state'> | null | undefined): number {
  if (!n) return -1;
  return n.state === 'draft' ? 0 : n.state === 'pendingVerification' ? 1 : 2;
}

export type DecisionBlock = 'unpublished' | 'publicityRunning' | 'suspended' | 'pending';

/**
 * Why the winner cannot be decided now (null: it can, or it is decided): the server's `decidable`
 * says whether; this says why, as the server checks it — published, its period over, no objection open.
 */
export function decisionBlock(
  s: Pick<AwardStandingView, 'decidable' | 'decision' | 'suspended'> & { publicity: Pick<PublicityView, 'state' | 'endsAt'> | null },
  nowMs: number,
): DecisionBlock | null {
  if (s.decision || s.decidable) return null;
  if (!s.publicity || s.publicity.state !== 'published') return 'unpublished';
  if (nowMs < Date.parse(s.publicity.endsAt)) return 'publicityRunning';
  if (s.suspended) return 'suspended';
  return 'pending';
}

/** What the decision form asks for the chosen candidate (A-168, Reg. 55). */
export function choiceNeeds(rank: number | undefined, firstRankedOnly: boolean): { reason: boolean; passedOver: boolean } {
  const later = rank !== undefined && rank > 1;
  return { reason: later, passedOver: later && firstRankedOnly };
}

/** The end of a Beijing business date (YYYY-MM-DD): the next midnight in Beijing, as an ISO instant. */
export function endOfDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000).toISOString();
}
