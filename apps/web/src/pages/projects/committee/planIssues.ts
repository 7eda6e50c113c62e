import type { CommitteePlanInput } from '@bidhall/contracts';

/** The rules whose refusals the web app words itself; any other keeps the server's message. */
export const WORDED_RULES = ['B-020', 'B-021', 'B-022', 'B-045', 'B-046', 'size', 'seats'] as const;
export type WordedRule = (typeof WORDED_RULES)[number];

export function isWordedRule(rule: string): rule is WordedRule {
  return (WORDED_RULES as readonly string[]).includes(rule);
}

/** The figures a composition refusal names, from the plan it refused. */
export function issueValues(plan: Pick<CommitteePlanInput, 'size' | 'tendererRepresentatives' | 'specialties'>) {
  const experts = plan.specialties.reduce((n, s) => n + s.count, 0);
  const reps = plan.tendererRepresentatives;
  return { size: plan.size, reps, experts, total: experts + reps, max: Math.floor(plan.size / 3) };
}
