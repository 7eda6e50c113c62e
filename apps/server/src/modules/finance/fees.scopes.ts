import { factsOf, isResourceId, type ScopeResolver } from '../../platform/auth/scope.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { FinanceDeps } from './finance.deps.ts';
import { feeTables } from './fees.tables.ts';
import { sectionParties } from './forfeiture.scopes.ts';

/**
 * Decision 0038's resources for route scopes. A section's performance bond (`performanceBond`, by the
 * section's id): the section's region's officers, its tenderer and mandated agency, and the winner the
 * issued award notice named. A fee charge (`feeCharge`): the region's officers and its payer (`subject`).
 */
export function createFeeScopes(deps: Pick<FinanceDeps, 'db' | 'sections' | 'awarded'>): Record<string, ScopeResolver> {
  const { db } = deps;
  return {
    performanceBond: {
      notFound: (id) => new DomainError('PERFORMANCE_BOND_NOT_FOUND', `no performance bond of section ${id}`),
      resolve: async (id, caller) => {
        if (!isResourceId(id)) return null;
        const s = await deps.sections.get(db, id);
        if (!s) return null;
        const parties = sectionParties(s, caller);
        const awarded =
          caller.entityId !== null && !parties.tenderer && !parties.agency && deps.awarded ? await deps.awarded(db, id) : null;
        return factsOf(s.regionCode, { ...parties, winner: awarded !== null && awarded.winnerEntityId === caller.entityId });
      },
    },
    feeCharge: {
      notFound: (id) => new DomainError('FEE_CHARGE_NOT_FOUND', `no fee charge ${id}`),
      resolve: async (id, caller) => {
        if (!isResourceId(id)) return null;
        const c = await feeTables(db)
          .selectFrom('finance.fee_charge')
          .select(['region_code', 'payer_entity_id'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!c) return null;
        return factsOf(c.region_code, { subject: caller.entityId !== null && c.payer_entity_id === caller.entityId });
      },
    },
  };
}
