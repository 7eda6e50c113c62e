import type { AppInstance } from '../../platform/http/types.ts';
import { createClarificationAnswers } from './clarification-answer.service.ts';
import { registerClarificationBidderRoutes } from './clarification-bidder.routes.ts';
import type { ClarificationDeps } from './clarification.deps.ts';
import { clarificationErrors } from './clarification.errors.ts';
import { registerClarificationRoutes } from './clarification.routes.ts';
import { createClarificationScopes } from './clarification.scopes.ts';
import { createClarificationService } from './clarification.service.ts';

/** Evaluation clarifications (评标澄清, A-142, A-143, decision 0029): the committee's requests and the bidders' signed answers. */
export function createClarifications(deps: ClarificationDeps) {
  const clarifications = createClarificationService(deps);
  const answers = createClarificationAnswers(deps);
  return {
    errors: clarificationErrors,
    scopes: createClarificationScopes(deps.db),
    registerRoutes(app: AppInstance) {
      registerClarificationRoutes(app, { clarifications });
      registerClarificationBidderRoutes(app, { answers });
    },
  };
}
