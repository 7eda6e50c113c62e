import type { AppInstance } from '../../platform/http/types.ts';
import type { EvaluationDeps } from './evaluation.deps.ts';
import { evaluationErrors } from './evaluation.errors.ts';
import { registerEvaluationRoutes } from './evaluation.routes.ts';
import { registerReportRoutes } from './report.routes.ts';
import { createEvaluationService } from './evaluation.service.ts';
import { createEvaluationScopes } from './scopes.ts';
import { createVenues } from './venues/index.ts';
import { registerMyEvaluationRoutes } from './mine.routes.ts';
import { createCommitteeReading } from './bid-files.module.ts';
import { createClarifications } from './clarification.module.ts';

export type { CommitteePort, EvaluationDeps, MethodsPort, ReadoutPort } from './evaluation.deps.ts';

/**
 * Evaluation (issue 12 §4): the committee's window, members, chair and sign-in, each member's sheet,
 * and the chair's summary by the rules' engine.
 */
export function createEvaluationModule(deps: EvaluationDeps) {
  const reading = createCommitteeReading(deps);
  const evaluation = createEvaluationService(deps, reading.comparison.findings);
  const venues = createVenues(deps);
  const clarifications = createClarifications({ ...deps, ...deps.clarifications });
  return {
    errors: { ...evaluationErrors, ...venues.errors, ...reading.errors, ...clarifications.errors },
    scopes: { ...createEvaluationScopes(deps), ...venues.scopes, ...clarifications.scopes },
    evaluation,
    registerRoutes(app: AppInstance) {
      registerEvaluationRoutes(app, { evaluation });
      registerReportRoutes(app, deps);
      venues.registerRoutes(app);
      reading.registerRoutes(app);
      registerMyEvaluationRoutes(app, deps);
      clarifications.registerRoutes(app);
    },
  };
}

export type EvaluationModule = ReturnType<typeof createEvaluationModule>;
