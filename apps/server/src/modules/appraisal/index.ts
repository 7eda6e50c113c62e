import type { AppInstance } from '../../platform/http/types.ts';
import type { AppraisalDeps } from './appraisal.deps.ts';
import { appraisalErrors } from './appraisal.errors.ts';
import { createAppraisalReading } from './appraisal.read.ts';
import { registerAppraisalRoutes } from './appraisal.routes.ts';
import { createRatingService } from './rating.service.ts';
import { createRecordService } from './record.service.ts';
import { createAppraisalScopes } from './scopes.ts';

export type { AppraisalDeps, AwardDecisionPort } from './appraisal.deps.ts';

/**
 * The daily appraisal of agencies (中介机构日常评价, action plan task 26; decision 0044): the section's
 * tenderer and its region's staff rate its agency once the award is decided; staff record an agency's
 * commendations, violations and penalties; the means and the records are public.
 */
export function createAppraisalModule(deps: AppraisalDeps) {
  const ratings = createRatingService(deps);
  const records = createRecordService(deps);
  const reading = createAppraisalReading(deps, ratings);
  return {
    errors: appraisalErrors,
    scopes: createAppraisalScopes(deps),
    ratings,
    records,
    reading,
    registerRoutes(app: AppInstance) {
      registerAppraisalRoutes(app, { db: deps.db, ratings, records, reading });
    },
  };
}

export type AppraisalModule = ReturnType<typeof createAppraisalModule>;
