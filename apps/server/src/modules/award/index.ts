import type { AwardStandingView } from '@bidhall/contracts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { AwardDeps } from './award.deps.ts';
import { awardErrors } from './award.errors.ts';
import { registerAwardRoutes } from './award.routes.ts';
import { createObjectionService, OBJECTION_OVERDUE_JOB } from './objection.service.ts';
import { createPublicityService, publicityView } from './publicity.service.ts';
import { createAwardScopes } from './scopes.ts';

export type { AwardDeps, ResultCandidate } from './award.deps.ts';
export { OBJECTION_OVERDUE_JOB };

/**
 * Award (定标, issue 13 §1; decision 0034): the candidates' publicity from the completed evaluation
 * report, its verification and publication, and the objections to the result with the tenderer's
 * answers; while one is unanswered the award is suspended.
 */
export function createAwardModule(deps: AwardDeps) {
  const publicity = createPublicityService(deps);
  const objections = createObjectionService(deps, publicity);
  deps.jobs.define({ name: OBJECTION_OVERDUE_JOB, cron: '7 * * * *', handle: async () => void (await objections.warnOverdue()) });

  async function standing(sectionId: string): Promise<AwardStandingView> {
    const p = await publicity.current(deps.db, sectionId);
    const open = await objections.openCount(deps.db, sectionId);
    return {
      sectionId,
      publicity: p ? publicityView(p, deps.clock.now(), publicity.latestStart(p.report_completed_at)) : null,
      suspended: open > 0,
      openObjections: open,
    };
  }

  return {
    errors: awardErrors,
    scopes: createAwardScopes(deps),
    publicity,
    objections,
    standing,
    registerRoutes(app: AppInstance) {
      registerAwardRoutes(app, { publicity, objections, standing });
    },
  };
}

export type AwardModule = ReturnType<typeof createAwardModule>;
