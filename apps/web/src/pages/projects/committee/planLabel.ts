import type { Sitting } from '@bidhall/contracts';

const REVIEW_WORDED = ['size', 'evaluationStartsAt', 'venue'] as const;
type ReviewWorded = (typeof REVIEW_WORDED)[number];

/** The plan's label key: a prequalification review's committee says 资格审查 where the evaluation's says 评标. */
export function planLabel<K extends string>(sitting: Sitting, key: K): `experts.committee.plan.${K}` | `experts.committee.reviewPlan.${ReviewWorded}` {
  const worded = (REVIEW_WORDED as readonly string[]).includes(key);
  return sitting === 'application' && worded ? `experts.committee.reviewPlan.${key as ReviewWorded}` : `experts.committee.plan.${key}`;
}
