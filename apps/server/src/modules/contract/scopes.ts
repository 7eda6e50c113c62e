import { factsOf, isResourceId, type ScopeResolver } from '../../platform/auth/scope.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { ContractDeps } from './contract.deps.ts';

/**
 * A section's contract (`contract`, by the section's id): the section's region's officers, its tenderer
 * and mandated agency, and the winner the issued award notice named (`winner`). Another bidder is told
 * nothing: the concluded contract reaches it through the portal.
 */
export function createContractScopes(deps: Pick<ContractDeps, 'db' | 'sections' | 'awarded'>): Record<string, ScopeResolver> {
  const { db } = deps;
  return {
    contract: {
      notFound: (id) => new DomainError('CONTRACT_NOT_FOUND', `no contract of section ${id}`),
      resolve: async (id, caller) => {
        if (!isResourceId(id)) return null;
        const s = await deps.sections.get(db, id);
        if (!s) return null;
        const manager = caller.entityId !== null && (await deps.sections.canManage(db, id, caller.entityId));
        const awarded = caller.entityId !== null && !manager ? await deps.awarded(db, id) : null;
        return factsOf(s.regionCode, {
          tenderer: manager && s.tendererEntityId === caller.entityId,
          agency: manager && s.tendererEntityId !== caller.entityId,
          winner: awarded !== null && awarded.winnerEntityId === caller.entityId,
          // A published section is a known thing (its notice lists it); no contract route admits by it.
          published: s.stage !== 'draft' && s.stage !== 'submitted' && s.stage !== 'registered',
        });
      },
    },
  };
}
