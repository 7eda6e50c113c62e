import type { PrequalificationStandingView } from '@bidhall/contracts';
import type { AppInstance } from '../../platform/http/types.ts';
import { createLetterReading } from './letters.read.ts';
import type { PrequalificationDeps } from './prequalification.deps.ts';
import { prequalificationErrors } from './prequalification.errors.ts';
import { registerPrequalificationRoutes } from './prequalification.routes.ts';
import { createResultsIssue } from './results-issue.service.ts';
import { resultsStore } from './results-store.ts';
import { createResultsService } from './results.service.ts';
import { createPrequalificationScopes } from './scopes.ts';
import { sectionAccess } from './section-access.ts';
import { createSettingService } from './setting.service.ts';

export type { PrequalificationDeps, ReviewedApplicant, ReviewPort } from './prequalification.deps.ts';
export type { IssuedPrequalification } from './letters.read.ts';

/**
 * Prequalification results (资格预审结果, CTS …A-179; decision 0039): who confirms
 * the qualified applicants, the tenderer's confirmation, one letter per applicant with its reasons,
 * e-signed, verified by staff, issued to the applicants, pushed and published. The tender document of a
 * prequalified section goes to those who passed once the results are issued (`qualified`).
 */
export function createPrequalificationModule(deps: PrequalificationDeps) {
  const settings = createSettingService(deps);
  const store = resultsStore(deps);
  const results = createResultsService(deps, settings, store);
  const issuing = createResultsIssue(deps, store);
  const letters = createLetterReading(deps);
  const access = sectionAccess(deps);

  async function standing(sectionId: string): Promise<PrequalificationStandingView> {
    const { db } = deps;
    const section = await access.section(db, sectionId);
    const review = await deps.review(db, sectionId);
    return {
      sectionId,
      setting: await settings.of(db, section),
      review: review && {
        completedAt: review.completedAt.toISOString(),
        applicants: review.applicants.length,
        qualified: review.applicants.filter((a) => a.qualified).length,
      },
      results: await store.current(db, section),
    };
  }

  return {
    errors: prequalificationErrors,
    scopes: createPrequalificationScopes(deps),
    settings,
    results,
    standing,
    /** prequalification → documents: the applicants who passed once the results are issued; null before. */
    qualified: letters.qualified,
    registerRoutes(app: AppInstance) {
      registerPrequalificationRoutes(app, { settings, results, issuing, letters, standing });
    },
  };
}

export type PrequalificationModule = ReturnType<typeof createPrequalificationModule>;
