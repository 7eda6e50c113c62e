import { SITTINGS, type Sitting } from '@bidhall/contracts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { EvaluationDeps } from './evaluation.deps.ts';
import { evaluationErrors } from './evaluation.errors.ts';
import { registerEvaluationRoutes } from './evaluation.routes.ts';
import { registerReportRoutes } from './report.routes.ts';
import { createEvaluationService, type EvaluationService } from './evaluation.service.ts';
import { createEvaluationScopes } from './scopes.ts';
import { createVenues } from './venues/index.ts';
import { registerMyEvaluationRoutes } from './mine.routes.ts';
import { registerEvaluationDocumentRoutes } from './effective-documents.ts';
import { createCommitteeReading } from './bid-files.module.ts';
import { createClarifications } from './clarification.module.ts';
import { EVALUATION_SITTINGS } from './sitting.ts';
import { prequalificationOf, reviewOutcomeOf } from './review-result.ts';
import { evaluationResultOf } from './evaluation-result.ts';

export type { CommitteePort, EvaluationDeps, MethodsPort, ReadoutPort, SittingMethod } from './evaluation.deps.ts';
export type { Prequalification } from './review-result.ts';
export type { ReportedCandidate } from './evaluation-result.ts';

/**
 * Evaluation (issue 12 §4): the committee's window, members, chair and sign-in, each member's sheet,
 * and the chair's summary by the rules' engine — once for the bids and once for the prequalification
 * applications (资格审查, A-159…A-162; decision 0032).
 */
export function createEvaluationModule(deps: EvaluationDeps) {
  const reading = createCommitteeReading(deps);
  const sittings = Object.fromEntries(
    SITTINGS.map((sitting) => [
      sitting,
      createEvaluationService(deps, EVALUATION_SITTINGS[sitting], sitting === 'bid' ? reading.comparison.findings : null),
    ]),
  ) as Record<Sitting, EvaluationService>;
  const venues = createVenues(deps);
  const clarifications = createClarifications({ ...deps, ...deps.clarifications });
  return {
    errors: { ...evaluationErrors, ...venues.errors, ...reading.errors, ...clarifications.errors },
    scopes: { ...createEvaluationScopes(deps), ...venues.scopes, ...clarifications.scopes },
    /** The bids' evaluation. */
    evaluation: sittings.bid,
    /** The prequalification review of the applications. */
    review: sittings.application,
    /** evaluation → documents: the applicants who passed, once the review's report is complete. */
    prequalification: prequalificationOf,
    /** evaluation → prequalification: every application's verdict once the review's report is complete. */
    reviewOutcome: reviewOutcomeOf,
    /** evaluation → award: the candidates of the completed evaluation report. */
    result: evaluationResultOf,
    registerRoutes(app: AppInstance) {
      for (const sitting of SITTINGS) {
        registerEvaluationRoutes(app, { evaluation: sittings[sitting] }, EVALUATION_SITTINGS[sitting]);
        registerReportRoutes(app, deps, EVALUATION_SITTINGS[sitting]);
        registerEvaluationDocumentRoutes(app, deps, EVALUATION_SITTINGS[sitting]);
      }
      venues.registerRoutes(app);
      reading.registerRoutes(app);
      registerMyEvaluationRoutes(app, deps);
      clarifications.registerRoutes(app);
    },
  };
}

export type EvaluationModule = ReturnType<typeof createEvaluationModule>;
