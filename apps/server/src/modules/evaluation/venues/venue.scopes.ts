import type { ScopeResolver } from '../../../platform/auth/scope.ts';
import { factsOf, isResourceId } from '../../../platform/auth/scope.ts';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import type { EvaluationDeps } from '../evaluation.deps.ts';
import { venueTables } from './venue.tables.ts';

/** A venue and its workstations: the officers of the venue's region; no party, no personal record. */
export function createVenueScopes(deps: Pick<EvaluationDeps, 'db'>): Record<string, ScopeResolver> {
  return {
    evaluationVenue: {
      notFound: (id) => new DomainError('VENUE_NOT_FOUND', `no venue ${id}`),
      resolve: async (id) => {
        if (!isResourceId(id)) return null;
        const v = await venueTables(deps.db).selectFrom('evaluation.venue').select('region_code').where('id', '=', id).executeTakeFirst();
        return v ? factsOf(v.region_code, {}) : null;
      },
    },
  };
}
