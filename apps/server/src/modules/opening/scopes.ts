import type { Sitting } from '@bidhall/contracts';
import { factsOf, type ScopeResolver } from '../../platform/auth/scope.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type OpeningDeps, tables } from './opening.deps.ts';
import type { RecordTemplates } from './record-templates.service.ts';

/**
 * The hall of a section (named by the section id): its region's staff and supervisors, the tenderer and
 * agency, and — once the hall has opened at the deadline — the bidders whose bids it opened. Before
 * that no bidder is a party, so asking reveals nothing about who has bid. No hall route lists
 * `published` among its parties.
 */
export function createOpeningScopes(deps: Pick<OpeningDeps, 'db' | 'sections'>, templates: Pick<RecordTemplates, 'regionOf'>): Record<string, ScopeResolver> {
  const { db } = deps;
  /** A sitting's hall: a bidder (applicant) is a party of the sitting whose hall opened its bid (application) only. */
  const hallScope = (sitting: Sitting): ScopeResolver => ({
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
          .where('sitting', '=', sitting)
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
  });
  return {
    /** An opening record template: its region's officers; the whole platform's is kept by the top region and read by every officer. */
    recordTemplate: {
      notFound: (id) => new DomainError('RECORD_TEMPLATE_NOT_FOUND', `no opening record template ${id}`),
      resolve: async (id) => {
        const found = await templates.regionOf(id);
        return found ? factsOf(found.regionCode, { published: found.regionCode === null }) : null;
      },
    },
    hall: hallScope('bid'),
    applicationHall: hallScope('application'),
  };
}
