import type { ScopeResolver } from '../../platform/auth/scope.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type BiddingDeps, tables } from './bidding.deps.ts';

/**
 * The bidding module's resources for route scopes. A bid is personal to the bidding entity until the
 * opening: no account reaches it by region, and to anyone else it is exactly a missing id.
 * A custodian key belongs to its region (centre, supervisor) or to its entity (a tenderer's).
 */
export function createBiddingScopes(deps: Pick<BiddingDeps, 'db'>): Record<string, ScopeResolver> {
  const { db } = deps;
  return {
    bid: {
      notFound: (id) => new DomainError('BID_NOT_FOUND', `no bid ${id}`),
      resolve: async (id, caller) => {
        const row = await tables(db).selectFrom('bidding.bid').select('entity_id').where('id', '=', id).executeTakeFirst();
        if (!row) return null;
        return { regionCode: null, personal: true, relations: new Set(caller.entityId !== null && row.entity_id === caller.entityId ? (['subject'] as const) : []) };
      },
    },
    custodianKey: {
      notFound: (id) => new DomainError('CUSTODIAN_KEY_NOT_FOUND', `no custodian key ${id}`),
      resolve: async (id, caller) => {
        const row = await tables(db).selectFrom('bidding.custodian_key').select(['holder', 'region_code', 'entity_id']).where('id', '=', id).executeTakeFirst();
        if (!row) return null;
        const subject = caller.entityId !== null && row.entity_id === caller.entityId;
        // A tenderer's key is its own: no account reaches it by region.
        if (row.holder === 'tenderer') return { regionCode: null, personal: true, relations: new Set(subject ? (['subject'] as const) : []) };
        return { regionCode: row.region_code, relations: new Set() };
      },
    },
  };
}
