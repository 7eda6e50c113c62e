import type { EntryFormView } from '@bidhall/contracts';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { loadParties } from './access.ts';
import type { EntryFormService } from './entry-form.service.ts';
import { type ProjectsDeps, tables } from './projects.deps.ts';
import { decide } from './review.ts';
import { entryFormView } from './views.ts';

/** Staff review of entry forms: approval registers the sections; rejection returns the form for editing. */
export function createEntryReviewService(deps: ProjectsDeps, forms: Pick<EntryFormService, 'refreshProjectStatus'>) {
  async function review(principal: Principal, entryFormId: string, input: { decision: 'approve' | 'reject'; comment: string }, actor: Actor): Promise<EntryFormView> {
    return deps.db.transaction().execute(async (trx) => {
      const t = tables(trx);
      const f = await t.selectFrom('projects.entry_form').selectAll().where('id', '=', entryFormId).forUpdate().executeTakeFirst();
      if (!f) throw new DomainError('ENTRY_FORM_NOT_FOUND', `no entry form ${entryFormId}`);
      const parties = await loadParties(trx, f.tendering_project_id);
      if (f.status !== 'submitted') {
        throw new DomainError('ENTRY_FORM_STATE_CONFLICT', `the entry form is ${f.status}, not pending review`, { status: f.status });
      }
      const { round, reviewedAt } = await decide(deps, trx, principal, { type: 'entryForm', id: f.id, regionCode: parties.region_code }, input);
      const approved = input.decision === 'approve';
      await t.updateTable('projects.entry_form').set({ status: approved ? 'approved' : 'rejected', updated_at: reviewedAt }).where('id', '=', f.id).execute();
      await t
        .updateTable('projects.section')
        .set({ stage: approved ? 'registered' : 'draft', updated_at: reviewedAt })
        .where('tendering_project_id', '=', f.tendering_project_id)
        .execute();
      const tp = await t.selectFrom('projects.tendering_project').select(['project_id', 'name']).where('id', '=', f.tendering_project_id).executeTakeFirstOrThrow();
      await forms.refreshProjectStatus(trx, tp.project_id);
      await deps.audit.record(trx, actor, {
        action: approved ? 'projects.entryForm.approved' : 'projects.entryForm.rejected',
        targetType: 'entryForm',
        targetId: f.id,
        regionCode: parties.region_code,
        details: { round, comment: input.comment, tenderingProjectId: f.tendering_project_id },
      });
      if (deps.notify) {
        for (const entityId of new Set([parties.tenderer_entity_id, parties.agency_entity_id, f.submitter_entity_id].filter((x): x is string => !!x))) {
          await deps.notify(trx, {
            recipientKind: 'entity',
            recipientId: entityId,
            topic: 'projects.entryForm',
            title: approved ? `进场登记已通过：${tp.name}` : `进场登记被退回：${tp.name}`,
            body: approved ? '招标项目及标段已登记，可以发布公告。' : `退回理由：${input.comment}`,
            link: `/projects/entry/${f.id}`,
          });
        }
      }
      const view = await entryFormView(trx, f.id);
      // the registered tendering project and its sections go to the public service platform.
      if (approved && deps.outbox) {
        await deps.outbox.enqueue(trx, {
          kind: 'tenderingProject',
          subjectType: 'tenderingProject',
          subjectId: f.tendering_project_id,
          regionCode: parties.region_code,
          content: { project: view.project, tenderingProject: view.tenderingProject, sections: view.sections, registeredAt: reviewedAt.toISOString() },
        });
      }
      return view;
    });
  }
  return { review };
}
