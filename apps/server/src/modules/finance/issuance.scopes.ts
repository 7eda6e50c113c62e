import type { ScopeResolver } from '../../platform/auth/scope.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { FinanceDeps } from './finance.deps.ts';
import { issuanceTables } from './issuance.tables.ts';

/**
 * The one-stop's resources for route scopes (decision 0037). An application is its bidder's alone
 * until the section's deadline: no account reaches it by region, and to anyone else it is a
 * missing id; afterwards the region's staff answer for it. A guarantee is its principal's, and its
 * beneficiary's (the tenderer's) once the deadline has passed.
 */
export function createIssuanceScopes(deps: Pick<FinanceDeps, 'db' | 'clock' | 'sections'>): Record<string, ScopeResolver> {
  const t = () => issuanceTables(deps.db);
  const past = (deadline: Date | null | undefined) => !!deadline && deadline.getTime() <= deps.clock.now().getTime();
  return {
    guaranteeApplication: {
      notFound: (id) => new DomainError('GUARANTEE_APPLICATION_NOT_FOUND', `no guarantee application ${id}`),
      resolve: async (id, caller) => {
        const a = await t().selectFrom('finance.guarantee_application').select(['entity_id', 'region_code', 'bid_deadline']).where('id', '=', id).executeTakeFirst();
        if (!a) return null;
        const relations = new Set(caller.entityId !== null && a.entity_id === caller.entityId ? (['subject'] as const) : []);
        return past(a.bid_deadline) ? { regionCode: a.region_code, relations } : { regionCode: null, personal: true, relations };
      },
    },
    guarantee: {
      notFound: (id) => new DomainError('GUARANTEE_NOT_FOUND', `no guarantee ${id}`),
      resolve: async (id, caller) => {
        const g = await t().selectFrom('finance.guarantee').select(['principal_entity_id', 'beneficiary_entity_id', 'section_id']).where('id', '=', id).executeTakeFirst();
        if (!g) return null;
        const section = await deps.sections.get(deps.db, g.section_id);
        // The deadline of the round it was applied for through the one-stop; else the section's current one.
        const applied = await t().selectFrom('finance.guarantee_application').select('bid_deadline').where('guarantee_id', '=', id).executeTakeFirst();
        const open = past(applied?.bid_deadline ?? (section?.timetable.bidDeadline ? new Date(section.timetable.bidDeadline) : null));
        const relations = new Set<'subject' | 'tenderer'>();
        if (caller.entityId !== null && g.principal_entity_id === caller.entityId) relations.add('subject');
        if (open && caller.entityId !== null && g.beneficiary_entity_id === caller.entityId) relations.add('tenderer');
        return open && section ? { regionCode: section.regionCode, relations } : { regionCode: null, personal: true, relations };
      },
    },
  };
}
