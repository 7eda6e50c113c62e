import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { assertCanRead, loadParties } from './access.ts';
import { type ProjectsDeps, tables } from './projects.deps.ts';

/** the tenderer sets (or changes) what its agency is entrusted with: enumerated duties and free text. */
export function createMandateService(deps: ProjectsDeps) {
  async function set(principal: Principal, tenderingProjectId: string, input: { duties: string[]; other: string }, actor: Actor) {
    await deps.db.transaction().execute(async (trx) => {
      const parties = await loadParties(trx, tenderingProjectId);
      assertCanRead(deps, principal, parties, new DomainError('TENDERING_PROJECT_NOT_FOUND', `no tendering project ${tenderingProjectId}`));
      if (principal.entity?.id !== parties.tenderer_entity_id) throw new DomainError('NOT_YOUR_PROJECT', "only the tenderer sets its agency's duties and powers");
      if (!parties.agency_entity_id) throw new DomainError('MANDATE_NOT_APPLICABLE', 'the tenderer organises this tendering project itself');
      const values = { agency_entity_id: parties.agency_entity_id, duties: [...new Set(input.duties)], other: input.other, set_by: principal.userId, set_at: deps.clock.now() };
      await tables(trx)
        .insertInto('projects.mandate')
        .values({ tendering_project_id: tenderingProjectId, ...values })
        .onConflict((oc) => oc.column('tendering_project_id').doUpdateSet(values))
        .execute();
      await deps.audit.record(trx, actor, {
        action: 'projects.mandate.set',
        targetType: 'tenderingProject',
        targetId: tenderingProjectId,
        regionCode: parties.region_code,
        details: { agencyEntityId: parties.agency_entity_id, duties: values.duties, other: input.other },
      });
    });
  }
  return { set };
}
