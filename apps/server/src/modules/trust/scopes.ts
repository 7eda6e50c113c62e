import { isResourceId, type Relation, type ScopeResolver } from '../../platform/auth/scope.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { TrustDeps } from './trust.deps.ts';

/**
 * A draw belongs to its subject: to the subject's region (fixed when the draw was committed), and to
 * the subject's tenderer and agency.
 */
export function createTrustScopes(deps: Pick<TrustDeps, 'db' | 'subjects'>): Record<string, ScopeResolver> {
  return {
    draw: {
      notFound: (id) => new DomainError('DRAW_NOT_FOUND', `no draw ${id}`),
      async resolve(id, caller) {
        const row = await deps.db.selectFrom('trust.draw').select(['region_code', 'subject_type', 'subject_id']).where('id', '=', id).executeTakeFirst();
        if (!row) return null;
        const relations = new Set<Relation>();
        // Draws committed before subjects were required name free text: they belong to no party.
        if (caller.entityId && row.subject_type === 'section' && isResourceId(row.subject_id)) {
          const subject = await deps.subjects.section(deps.db, row.subject_id);
          if (subject?.tendererEntityId === caller.entityId) relations.add('tenderer');
          if (subject?.agencyEntityId === caller.entityId) relations.add('agency');
        }
        return { regionCode: row.region_code, relations };
      },
    },
  };
}
