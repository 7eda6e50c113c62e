import type { SectionSnapshotView } from '@bidhall/contracts';
import { factsOf, isResourceId, type ScopeResolver } from '../../platform/auth/scope.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { FinanceDeps } from './finance.deps.ts';

/** The caller's standing on a section: its tenderer, its mandated agency; and whether the section is published. */
export function sectionParties(s: SectionSnapshotView, caller: { entityId: string | null }) {
  return {
    tenderer: caller.entityId !== null && s.tendererEntityId === caller.entityId,
    agency: caller.entityId !== null && s.agencyEntityId === caller.entityId,
    // A published section is a known thing (its notice lists it); no finance route admits by it.
    published: s.stage !== 'draft' && s.stage !== 'submitted' && s.stage !== 'registered',
  };
}

/**
 * Decision 0042's resource for route scopes: a section's bond forfeitures (`bondForfeiture`, by the
 * section's id) — the section's region's officers, its tenderer and its mandated agency.
 */
export function createForfeitureScopes(deps: Pick<FinanceDeps, 'db' | 'sections'>): Record<string, ScopeResolver> {
  return {
    bondForfeiture: {
      notFound: (id) => new DomainError('SECTION_NOT_FOUND', `no section ${id}`),
      resolve: async (id, caller) => {
        if (!isResourceId(id)) return null;
        const s = await deps.sections.get(deps.db, id);
        return s ? factsOf(s.regionCode, sectionParties(s, caller)) : null;
      },
    },
  };
}
