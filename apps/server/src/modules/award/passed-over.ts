import type { Db } from '../../platform/db/database.ts';
import { type AwardDeps, json, type ResultCandidate } from './award.deps.ts';
import type { DecisionService } from './decision.service.ts';
import type { PublicityService } from './publicity.service.ts';

export interface PassedOver {
  entityIds: string[];
  reason: 'declined' | 'noPerformanceBond' | 'disqualified';
}

/**
 * award → finance (decision 0042): the candidates ranked above the decided winner of the section's round
 * and the lawful ground they were passed over on (Reg. 55); null when the first-ranked won or nobody is
 * decided yet. A forfeiture for a declined award or a missing performance bond is checked against it.
 */
export function createPassedOver(
  deps: Pick<AwardDeps, 'sections'>,
  parts: { decisions: DecisionService; publicity: PublicityService },
) {
  return async function passedOver(trx: Db, sectionId: string): Promise<PassedOver | null> {
    const section = await deps.sections.get(trx, sectionId);
    if (!section) return null;
    const d = await parts.decisions.current(trx, section);
    if (!d || !d.passed_over || d.rank === null) return null;
    const p = await parts.publicity.current(trx, sectionId);
    if (!p || p.id !== d.publicity_id) return null;
    const above = json<ResultCandidate[]>(p.candidates).filter((c) => c.rank !== null && c.rank < d.rank!);
    return { entityIds: above.map((c) => c.entityId), reason: d.passed_over };
  };
}
