import type { PublicityView, ResultObjectionView } from '@bidhall/contracts';

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
