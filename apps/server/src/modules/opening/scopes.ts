import { factsOf, type ScopeResolver } from '../../platform/auth/scope.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type OpeningDeps, tables } from './opening.deps.ts';

/**
 * The hall of a section (named by the section id): its region's staff and supervisors, the tenderer and
 * agency, and — once the hall has opened at the deadline — the bidders whose bids it opened. Before
 * that no bidder is a party, so asking reveals nothing about who has bid. No hall route lists
 * `published` among its parties.
 */
export function createOpeningScopes(deps: Pick<OpeningDeps, 'db' | 'sections'>): Record<string, ScopeResolver> {
  const { db } = deps;
  return {
    hall: {
      notFound: (id) => new DomainError('HALL_NOT_FOUND', `no opening hall for section ${id}`),
      resolve: async (id, caller) => {
        const section = await deps.sections.get(db, id);
        if (!section) return null;
        const bidder =
          caller.entityId !== null &&
          (await tables(db)
            .selectFrom('opening.hall_bid')
            .select('bid_id')
            .where('section_id', '=', id)
            .where('entity_id', '=', caller.entityId)
            .executeTakeFirst()) !== undefined;
        return factsOf(section.regionCode, {
          tenderer: section.tendererEntityId === caller.entityId,
          agency: section.agencyEntityId !== null && section.agencyEntityId === caller.entityId,
          subject: bidder,
          // The hall of a published section is a known thing (its id is the section's); no hall route
          // admits by it: what happens inside is for the parties and the region's officers.
          published: section.stage !== 'draft' && section.stage !== 'submitted' && section.stage !== 'registered',
        });
      },
    },
  };
}
