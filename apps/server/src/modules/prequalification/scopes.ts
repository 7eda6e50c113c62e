import { factsOf, isResourceId, type ScopeResolver } from '../../platform/auth/scope.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type PrequalificationDeps, tables } from './prequalification.deps.ts';

/**
 * A section's prequalification results (`prequalification`): the section's region's officers, its
 * tenderer and mandated agency. A letter (`prequalificationLetter`): its addressee once issued, never before.
 */
export function createPrequalificationScopes(deps: Pick<PrequalificationDeps, 'db' | 'sections'>): Record<string, ScopeResolver> {
  const { db } = deps;
  return {
    prequalification: {
      notFound: (id) => new DomainError('SECTION_NOT_FOUND', `no section ${id}`),
      resolve: async (id, caller) => {
        if (!isResourceId(id)) return null;
        const s = await deps.sections.get(db, id);
        if (!s) return null;
        const manager = caller.entityId !== null && (await deps.sections.canManage(db, id, caller.entityId));
        // A published section is a known thing; no prequalification route admits by it.
        const published = s.stage !== 'draft' && s.stage !== 'submitted' && s.stage !== 'registered';
        return factsOf(s.regionCode, {
          tenderer: manager && s.tendererEntityId === caller.entityId,
          agency: manager && s.tendererEntityId !== caller.entityId,
          published,
        });
      },
    },
    prequalificationLetter: {
      notFound: (id) => new DomainError('PREQUALIFICATION_LETTER_NOT_FOUND', `no letter ${id}`),
      resolve: async (id, caller) => {
        if (!isResourceId(id)) return null;
        const l = await tables(db)
          .selectFrom('prequalification.letter as l')
          .innerJoin('prequalification.result as r', 'r.id', 'l.result_id')
          .select(['l.entity_id', 'l.issued_at', 'r.region_code'])
          .where('l.id', '=', id)
          .executeTakeFirst();
        if (!l) return null;
        return factsOf(l.region_code, {
          subject: l.issued_at !== null && caller.entityId !== null && l.entity_id === caller.entityId,
        });
      },
    },
  };
}
