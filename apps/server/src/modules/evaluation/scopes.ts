import type { ScopeResolver } from '../../platform/auth/scope.ts';
import { factsOf, isResourceId } from '../../platform/auth/scope.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type EvaluationDeps, tables } from './evaluation.deps.ts';
import { EVALUATION_SITTINGS, type EvaluationSitting } from './sitting.ts';

/**
 * A section's evaluation (resource `evaluation`) and its prequalification review (`applicationReview`): the section's region's officers; its tenderer (representatives); and the
 * committee's members — for them the record is personal (`recipient`): an expert account reaches no
 * region, so membership is what admits it. Bidders never.
 */
export function createEvaluationScopes(deps: Pick<EvaluationDeps, 'db' | 'sections'>): Record<string, ScopeResolver> {
  return Object.fromEntries(Object.values(EVALUATION_SITTINGS).map((at) => [at.resource, sittingScope(deps, at)]));
}

function sittingScope(deps: Pick<EvaluationDeps, 'db' | 'sections'>, at: EvaluationSitting): ScopeResolver {
  const { db } = deps;
  return {
    notFound: (id) => new DomainError('SECTION_NOT_FOUND', `no section ${id}`),
    resolve: async (id, caller) => {
      if (!isResourceId(id)) return null;
      const s = await deps.sections.get(db, id);
      if (!s) return null;
      const tenderer = caller.entityId !== null && s.tendererEntityId === caller.entityId;
      const member = isResourceId(caller.userId)
        ? await tables(db)
            .selectFrom('evaluation.member')
            .select('id')
            .where('section_id', '=', id)
            .where('sitting', '=', at.sitting)
            .where('user_id', '=', caller.userId)
            .executeTakeFirst()
        : undefined;
      if (member) return { ...factsOf(s.regionCode, { recipient: true, tenderer }), personal: true };
      return factsOf(s.regionCode, {
        tenderer,
        // A published section is a known thing; no evaluation route admits by it.
        published: s.stage !== 'draft' && s.stage !== 'submitted' && s.stage !== 'registered',
      });
    },
  };
}
