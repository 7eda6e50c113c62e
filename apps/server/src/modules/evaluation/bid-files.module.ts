import type { AppInstance } from '../../platform/http/types.ts';
import { bidFilesErrors } from './bid-files.errors.ts';
import { registerBidFileRoutes } from './bid-files.routes.ts';
import { createBidFiles } from './bid-files.service.ts';
import { registerComparisonRoutes } from './comparison.routes.ts';
import { createComparison } from './comparison.service.ts';
import type { EvaluationDeps } from './evaluation.deps.ts';
import { createRedFlags } from './red-flags.service.ts';
import { EVALUATION_SITTINGS } from './sitting.ts';

/** The committee reads and compares the bids (decision 0028): the bids' files, the comparison, the red flags. */
export function createCommitteeReading(deps: EvaluationDeps) {
  const bidFiles = createBidFiles(deps, EVALUATION_SITTINGS.bid);
  // The review committee reads the applications the same way (A-159); the comparison and red flags are the bids' alone.
  const applicationFiles = createBidFiles(deps, EVALUATION_SITTINGS.application);
  const comparison = createComparison(deps);
  const redFlags = createRedFlags(deps);
  return {
    errors: bidFilesErrors,
    comparison,
    registerRoutes(app: AppInstance) {
      registerBidFileRoutes(app, { bidFiles }, EVALUATION_SITTINGS.bid);
      registerBidFileRoutes(app, { bidFiles: applicationFiles }, EVALUATION_SITTINGS.application);
      registerComparisonRoutes(app, { comparison, redFlags });
    },
  };
}
