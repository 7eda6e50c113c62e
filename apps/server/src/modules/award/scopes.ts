import { factsOf, isResourceId, type ScopeResolver } from '../../platform/auth/scope.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type AwardDeps, tables } from './award.deps.ts';

/**
 * A section's award (`award`): the section's region's officers, its tenderer and mandated agency, and
 * the entities that obtained its documents (`holder`: bidders and interested parties may object). An
 * objection (`awardObjection`): the same region and managers, and the objecting entity (`subject`).
 */
export function createAwardScopes(deps: Pick<AwardDeps, 'db' | 'sections' | 'holder'>): Record<string, ScopeResolver> {
  const { db } = deps;
  async function sectionFacts(sectionId: string, entityId: string | null) {
    const s = await deps.sections.get(db, sectionId);
    if (!s) return null;
    const manager = entityId !== null && (await deps.sections.canManage(db, sectionId, entityId));
    return {
      s,
      relations: { tenderer: manager && s.tendererEntityId === entityId, agency: manager && s.tendererEntityId !== entityId },
    };
  }
  return {
    award: {
      notFound: (id) => new DomainError('SECTION_NOT_FOUND', `no section ${id}`),
      resolve: async (id, caller) => {
        if (!isResourceId(id)) return null;
        const f = await sectionFacts(id, caller.entityId);
        if (!f) return null;
        const holder = caller.entityId !== null && (await deps.holder(db, id, caller.entityId));
        // A published section is a known thing; no award route admits by it.
        const published = f.s.stage !== 'draft' && f.s.stage !== 'submitted' && f.s.stage !== 'registered';
        return factsOf(f.s.regionCode, { ...f.relations, holder, published });
      },
    },
    awardObjection: {
      notFound: (id) => new DomainError('OBJECTION_NOT_FOUND', `no objection ${id}`),
      resolve: async (id, caller) => {
        if (!isResourceId(id)) return null;
        const o = await tables(db)
          .selectFrom('award.objection')
          .select(['section_id', 'entity_id'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!o) return null;
        const f = await sectionFacts(o.section_id, caller.entityId);
        if (!f) return null;
        return factsOf(f.s.regionCode, { ...f.relations, subject: caller.entityId !== null && o.entity_id === caller.entityId });
      },
    },
    // A letter (中标通知书 / 中标结果通知书): its addressee once issued; never before.
    awardLetter: {
      notFound: (id) => new DomainError('AWARD_LETTER_NOT_FOUND', `no letter ${id}`),
      resolve: async (id, caller) => {
        if (!isResourceId(id)) return null;
        const l = await tables(db)
          .selectFrom('award.letter')
          .select(['section_id', 'entity_id', 'issued_at'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!l) return null;
        const f = await sectionFacts(l.section_id, caller.entityId);
        if (!f) return null;
        return factsOf(f.s.regionCode, { subject: l.issued_at !== null && caller.entityId !== null && l.entity_id === caller.entityId });
      },
    },
  };
}
