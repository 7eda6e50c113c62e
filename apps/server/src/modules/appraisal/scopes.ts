import type { SectionSnapshotView } from '@bidhall/contracts';
import { factsOf, isResourceId, type ScopeResolver } from '../../platform/auth/scope.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { AppraisalDeps } from './appraisal.deps.ts';

/** The caller's standing on a section: its tenderer, its agency; and whether the section is published. */
export function sectionParties(s: SectionSnapshotView, caller: { entityId: string | null }) {
  return {
    tenderer: caller.entityId !== null && s.tendererEntityId === caller.entityId,
    agency: caller.entityId !== null && s.agencyEntityId === caller.entityId,
    // A published section is a known thing (its notice lists it); no appraisal route admits by it.
    published: s.stage !== 'draft' && s.stage !== 'submitted' && s.stage !== 'registered',
  };
}

/**
 * Decision 0044's resources for route scopes: a section's agency ratings (`agencyRating`, by the section's
 * id) — the region's officers, its tenderer and its agency; an agency (`agency`, by the entity's id) — a
 * market entity with the agency role, a company whose name is public, on which staff of any region may
 * record what it did in theirs.
 */
export function createAppraisalScopes(deps: Pick<AppraisalDeps, 'db' | 'sections' | 'entities'>): Record<string, ScopeResolver> {
  return {
    agencyRating: {
      notFound: (id) => new DomainError('SECTION_NOT_FOUND', `no section ${id}`),
      resolve: async (id, caller) => {
        if (!isResourceId(id)) return null;
        const s = await deps.sections.get(deps.db, id);
        return s ? factsOf(s.regionCode, sectionParties(s, caller)) : null;
      },
    },
    agency: {
      notFound: (id) => new DomainError('AGENCY_NOT_FOUND', `no agency ${id}`),
      resolve: async (id, caller) => {
        if (!isResourceId(id)) return null;
        const e = await deps.entities.get(deps.db, id);
        if (!e || !e.roles.includes('agency')) return null;
        return factsOf(null, { subject: caller.entityId === id, published: true });
      },
    },
  };
}
