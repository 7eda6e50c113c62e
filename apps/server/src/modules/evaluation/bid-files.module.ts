import type { AppInstance } from '../../platform/http/types.ts';
import { bidFilesErrors } from './bid-files.errors.ts';
import { registerBidFileRoutes } from './bid-files.routes.ts';
import { createBidFiles } from './bid-files.service.ts';
import { registerComparisonRoutes } from './comparison.routes.ts';
import { createComparison } from './comparison.service.ts';
import type { EvaluationDeps } from './evaluation.deps.ts';
import { createRedFlags } from './red-flags.service.ts';

/** The committee reads and compares the bids (decision 0028): the bids' files, the comparison, the red flags. */
export function createCommitteeReading(deps: EvaluationDeps) {
  const bidFiles = createBidFiles(deps);
  const comparison = createComparison(deps);
  const redFlags = createRedFlags(deps);
  return {
    errors: bidFilesErrors,
    comparison,
    registerRoutes(app: AppInstance) {
      registerBidFileRoutes(app, { bidFiles });
      registerComparisonRoutes(app, { comparison, redFlags });
    },
  };
}
