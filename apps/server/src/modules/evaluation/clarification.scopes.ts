import type { ScopeResolver } from '../../platform/auth/scope.ts';
import { factsOf, isResourceId } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { clarificationTables } from './clarification.tables.ts';

export const clarificationNotFound = (id: string) => new DomainError('EVALUATION_CLARIFICATION_NOT_FOUND', `no clarification request ${id}`);

/**
 * A clarification request, for its bidder's side: the entity of the bid it was sent about (`recipient`),
 * and the section's region's officers. Any other bidder gets the same 404 as for no request at all.
 */
export function createClarificationScopes(db: Db): Record<string, ScopeResolver> {
  return {
    evaluationClarification: {
      notFound: clarificationNotFound,
      resolve: async (id, caller) => {
        if (!isResourceId(id)) return null;
        const row = await clarificationTables(db).selectFrom('evaluation.clarification').select(['region_code', 'entity_id']).where('id', '=', id).executeTakeFirst();
        if (!row) return null;
        return factsOf(row.region_code, { recipient: caller.entityId !== null && caller.entityId === row.entity_id });
      },
    },
  };
}
