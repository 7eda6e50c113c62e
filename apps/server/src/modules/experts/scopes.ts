import type { ScopeResolver } from '../../platform/auth/scope.ts';
import { factsOf, isResourceId } from '../../platform/auth/scope.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type ExpertsDeps, tables } from './experts.deps.ts';

/**
 * An expert: the officers of the expert's region. A section's committee: the section's region's
 * officers, its tenderer and agency. An invitation (a seat): only the expert drawn into it.
 */
export function createExpertsScopes(deps: Pick<ExpertsDeps, 'db' | 'sections'>): Record<string, ScopeResolver> {
  const { db } = deps;
  return {
    expert: {
      notFound: (id) => new DomainError('EXPERT_NOT_FOUND', `no expert ${id}`),
      resolve: async (id) => {
        if (!isResourceId(id)) return null;
        const r = await tables(db).selectFrom('experts.expert').select('region_code').where('id', '=', id).executeTakeFirst();
        return r ? factsOf(r.region_code, {}) : null;
      },
    },
    committee: {
      notFound: (id) => new DomainError('SECTION_NOT_FOUND', `no section ${id}`),
      resolve: async (id, caller) => {
        if (!isResourceId(id)) return null;
        const s = await deps.sections.get(db, id);
        if (!s) return null;
        return factsOf(s.regionCode, {
          tenderer: caller.entityId !== null && s.tendererEntityId === caller.entityId,
          agency: caller.entityId !== null && s.agencyEntityId === caller.entityId,
          // A published section is a known thing (its id is the committee's); no committee route admits by it.
          published: s.stage !== 'draft' && s.stage !== 'submitted' && s.stage !== 'registered',
        });
      },
    },
    expertInvitation: {
      notFound: (id) => new DomainError('INVITATION_NOT_FOUND', `no invitation ${id}`),
      resolve: async (id, caller) => {
        if (!isResourceId(id)) return null;
        const r = await tables(db)
          .selectFrom('experts.committee_seat as s')
          .innerJoin('experts.expert as e', 'e.id', 's.expert_id')
          .select(['e.user_id'])
          .where('s.id', '=', id)
          .executeTakeFirst();
        if (!r) return null;
        return { ...factsOf(null, { recipient: r.user_id === caller.userId }), personal: true };
      },
    },
  };
}
