import type { AwardStandingView } from '@bidhall/contracts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { AwardDeps } from './award.deps.ts';
import { awardErrors } from './award.errors.ts';
import { registerAwardRoutes } from './award.routes.ts';
import { registerDecisionRoutes } from './decision.routes.ts';
import { AWARD_REPORT_OVERDUE_JOB, createDecisionService, decisionView } from './decision.service.ts';
import { createLetterReading } from './letters.read.ts';
import { createNoticeService } from './notice.service.ts';
import { createObjectionService, OBJECTION_OVERDUE_JOB } from './objection.service.ts';
import { createPublicityService, publicityView } from './publicity.service.ts';
import { createAwardScopes } from './scopes.ts';
import { createPassedOver } from './passed-over.ts';
import { sectionAccess } from './section-access.ts';
import { createSeparatedAwardService } from './separated.service.ts';
import { createSettingService } from './setting.service.ts';

export type { AwardDeps, EvaluatedOutcome, ResultCandidate } from './award.deps.ts';
export type { AwardedSection } from './letters.read.ts';
export { AWARD_REPORT_OVERDUE_JOB, OBJECTION_OVERDUE_JOB };

/**
 * Award (定标, issue 13 §1–§3; decisions 0034, 0035): the candidates' publicity from the completed
 * evaluation report and the objections to it; who decides the winner, the decision, the written report
 * to the supervisor; the result notice and the letters to every bidder.
 */
export function createAwardModule(deps: AwardDeps) {
  const publicity = createPublicityService(deps);
  const objections = createObjectionService(deps, publicity);
  const settings = createSettingService(deps);
  const decisions = createDecisionService(deps, { publicity, objections, settings });
  const separated = createSeparatedAwardService(deps, decisions);
  const notices = createNoticeService(deps, decisions, separated);
  const letters = createLetterReading(deps);
  const access = sectionAccess(deps);
  deps.jobs.define({ name: OBJECTION_OVERDUE_JOB, cron: '7 * * * *', handle: async () => void (await objections.warnOverdue()) });
  deps.jobs.define({ name: AWARD_REPORT_OVERDUE_JOB, cron: '17 * * * *', handle: async () => void (await decisions.warnOverdue()) });

  async function standing(sectionId: string): Promise<AwardStandingView> {
    const { db, clock } = deps;
    const section = await access.section(db, sectionId);
    const p = await publicity.current(db, sectionId);
    const open = await objections.openCount(db, sectionId);
    const decision = await decisions.current(db, section);
    return {
      sectionId,
      publicity: p ? publicityView(p, clock.now(), publicity.latestStart(p.report_completed_at)) : null,
      suspended: open > 0,
      openObjections: open,
      setting: await settings.of(db, section),
      firstRankedOnly: await decisions.firstRankedOnly(db, section),
      decidable: !decision && (await decisions.decidable(db, sectionId)).ok,
      decision: decision ? decisionView(decision, clock.now()) : null,
      notice: await notices.current(db, section),
      separatedAward: await separated.terms(db, sectionId),
      proceeding: await separated.view(sectionId),
    };
  }

  return {
    errors: awardErrors,
    scopes: createAwardScopes(deps),
    publicity,
    objections,
    decisions,
    notices,
    standing,
    /** award → contract: the section's winner once the award notice is issued. */
    awarded: letters.awarded,
    /** award → finance: whom the decision passed over, and why (a forfeiture's ground, decision 0042). */
    passedOver: createPassedOver(deps, { decisions, publicity }),
    registerRoutes(app: AppInstance) {
      registerAwardRoutes(app, { publicity, objections, standing });
      registerDecisionRoutes(app, { settings, decisions, notices, letters, separated });
    },
  };
}

export type AwardModule = ReturnType<typeof createAwardModule>;
