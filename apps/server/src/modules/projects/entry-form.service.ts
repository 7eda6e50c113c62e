import { randomUUID } from 'node:crypto';
import type { EntryFormView, PrefillView } from '@bidhall/contracts';
import { type entryFormRequest } from '@bidhall/contracts';
import { businessToday } from '@bidhall/rules';
import type { z } from 'zod';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { assertCanRead, assertParty, loadParties } from './access.ts';
import { type ApprovalRecord, type EntityRef, type ProjectsDeps, tables } from './projects.deps.ts';
import { assertLawful, normaliseTimetable } from './timetable.ts';
import { entryFormView } from './views.ts';

type EntryForm = z.output<typeof entryFormRequest>;

const EDITABLE = new Set(['draft', 'rejected']);

/**
 * The one entry form (一表通办, task 13): project, tendering project and sections entered, edited and
 * submitted as one, pre-filled from the investment approval platform. The form is the unit staff review.
 */
export function createEntryFormService(deps: ProjectsDeps) {
  async function prefill(approvalCode: string): Promise<PrefillView> {
    const record = await deps.approvals.lookup(approvalCode);
    if (!record) throw new DomainError('APPROVAL_CODE_UNKNOWN', `the approval platform knows no project ${approvalCode}`);
    const existing = await tables(deps.db).selectFrom('projects.project').select('id').where('approval_code', '=', approvalCode).executeTakeFirst();
    return {
      approvalCode: record.approvalCode,
      name: record.name,
      regionCode: record.regionCode,
      category: record.category ?? null,
      kind: record.kind ?? null,
      investmentFen: record.investmentFen,
      fundingSource: record.fundingSource,
      owner: record.owner,
      location: record.location,
      approvedAt: record.approvedAt,
      approvalAuthority: record.approvalAuthority,
      existingProjectId: existing?.id ?? null,
    };
  }

  /** The approval record, or null when the platform does not know the code or cannot be reached. */
  async function approvalOf(code: string): Promise<ApprovalRecord | null> {
    try {
      return await deps.approvals.lookup(code);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'EXCHANGE_UNAVAILABLE') return null;
      throw err;
    }
  }

  function category(code: string) {
    const c = deps.catalog.categories().find((x) => x.code === code);
    if (!c) throw new DomainError('CATEGORY_UNKNOWN', `no trading category ${code}`, { category: code });
    return c;
  }

  /** Checks of the form against the catalog and the approval record, before anything is written. */
  function checkForm(form: EntryForm, approval: ApprovalRecord | null) {
    if (!deps.catalog.regionExists(form.project.regionCode)) {
      throw new DomainError('REGION_UNKNOWN', `no region ${form.project.regionCode}`);
    }
    const chosen = category(form.project.category);
    // 应进必进 (task 1): a project the approval platform puts in a must-enter category cannot be
    // re-labelled into one that need not enter.
    if (approval?.category && !chosen.mustEnter) {
      const approved = deps.catalog.categories().find((x) => x.code === approval.category);
      if (approved?.mustEnter) {
        throw new DomainError(
          'CATEGORY_MUST_ENTER',
          `the approval platform lists this project as ${approved.code}, a category that must be traded on the platform`,
          { approvedCategory: approved.code, category: chosen.code },
        );
      }
    }
    const codes = form.sections.map((s) => s.code);
    const dup = codes.find((c, i) => codes.indexOf(c) !== i);
    if (dup) throw new DomainError('SECTION_CODE_DUPLICATE', `section code ${dup} is used twice`, { code: dup });
    return chosen;
  }

  async function activeEntity(trx: Db, creditCode: string, role: 'tenderer' | 'agency', code: 'TENDERER_UNKNOWN' | 'AGENCY_UNKNOWN') {
    const e = await deps.entities.byCreditCode(trx, creditCode);
    if (!e || e.status !== 'active' || !e.roles.includes(role)) {
      throw new DomainError(code, `no active ${role} with credit code ${creditCode} is registered on the platform`, { creditCode });
    }
    return e;
  }

  /** Who the tenderer and the agency are: the submitter is one of them. */
  async function partiesOf(trx: Db, principal: Principal, form: EntryForm): Promise<{ tenderer: EntityRef; agency: EntityRef | null }> {
    const self = principal.entity ? await deps.entities.get(trx, principal.entity.id) : null;
    if (!self) throw new DomainError('FORBIDDEN', 'only a market entity enters a project');
    const tp = form.tenderingProject;
    if (form.tendererCreditCode && form.tendererCreditCode !== self.creditCode) {
      // An agency enters the form for its client.
      if (!self.roles.includes('agency')) throw new DomainError('FORBIDDEN', 'only an agency enters a form for another tenderer');
      if (tp.organisation !== 'agency') throw new DomainError('AGENCY_REQUIRED', 'a form entered by an agency is organised by that agency');
      const tenderer = await activeEntity(trx, form.tendererCreditCode, 'tenderer', 'TENDERER_UNKNOWN');
      return { tenderer, agency: self };
    }
    if (!self.roles.includes('tenderer')) {
      throw new DomainError('TENDERER_UNKNOWN', 'an agency names the tenderer it acts for (tendererCreditCode)');
    }
    if (tp.organisation === 'self') return { tenderer: self, agency: null };
    if (!tp.agencyCreditCode) throw new DomainError('AGENCY_REQUIRED', 'name the agency (agencyCreditCode) or organise the tendering yourself');
    return { tenderer: self, agency: await activeEntity(trx, tp.agencyCreditCode, 'agency', 'AGENCY_UNKNOWN') };
  }

  async function writeSections(trx: Db, tenderingProjectId: string, form: EntryForm, basis: { kind: string; mandatory: boolean }, createdOn: string) {
    const t = tables(trx);
    const now = deps.clock.now();
    const existing = await t.selectFrom('projects.section').selectAll().where('tendering_project_id', '=', tenderingProjectId).execute();
    const keep = new Set(form.sections.map((s) => s.code));
    for (const old of existing) if (!keep.has(old.code)) await t.deleteFrom('projects.section').where('id', '=', old.id).execute();
    for (const s of form.sections) {
      const old = existing.find((x) => x.code === s.code);
      const timetable = normaliseTimetable(s.timetable ?? {});
      const sectionCreatedOn = old?.created_on ?? createdOn;
      assertLawful(
        {
          kind: basis.kind as never,
          mandatory: basis.mandatory,
          method: form.tenderingProject.method,
          internationalMechanicalElectrical: form.tenderingProject.internationalMechanicalElectrical,
          createdOn: sectionCreatedOn,
        },
        timetable,
        deps.calendar.current(),
        deps.timetableRules,
        s.code,
      );
      const values = { name: s.name, budget_fen: s.budgetFen, content: s.content, timetable: JSON.stringify(timetable), updated_at: now };
      if (old) await t.updateTable('projects.section').set(values).where('id', '=', old.id).execute();
      else
        await t
          .insertInto('projects.section')
          .values({ id: randomUUID(), tendering_project_id: tenderingProjectId, code: s.code, stage: 'draft', round: 1, created_on: createdOn, terminated_reason: null, created_at: now, ...values })
          .execute();
    }
  }

  async function writeMandate(trx: Db, tenderingProjectId: string, agency: EntityRef | null, form: EntryForm, userId: string) {
    const t = tables(trx);
    await t.deleteFrom('projects.mandate').where('tendering_project_id', '=', tenderingProjectId).execute();
    if (!agency) return;
    const m = form.tenderingProject.mandate;
    if (!m) throw new DomainError('AGENCY_REQUIRED', "state the agency's duties and powers (tenderingProject.mandate, A-41)");
    await t
      .insertInto('projects.mandate')
      .values({ tendering_project_id: tenderingProjectId, agency_entity_id: agency.id, duties: [...new Set(m.duties)], other: m.other, set_by: userId, set_at: deps.clock.now() })
      .execute();
  }

  /** Project status follows its entry forms: registered once one is approved, submitted while one is pending. */
  async function refreshProjectStatus(trx: Db, projectId: string) {
    const statuses = await tables(trx)
      .selectFrom('projects.entry_form as ef')
      .innerJoin('projects.tendering_project as tp', 'tp.id', 'ef.tendering_project_id')
      .select('ef.status')
      .where('tp.project_id', '=', projectId)
      .execute();
    const s = statuses.map((x) => x.status);
    const status = s.includes('approved') ? 'registered' : s.includes('submitted') ? 'submitted' : 'draft';
    await tables(trx).updateTable('projects.project').set({ status, updated_at: deps.clock.now() }).where('id', '=', projectId).execute();
  }

  async function submitInTrx(trx: Db, entryFormId: string, principal: Principal, actor: Actor) {
    const t = tables(trx);
    const f = await t.selectFrom('projects.entry_form').selectAll().where('id', '=', entryFormId).forUpdate().executeTakeFirstOrThrow();
    if (!EDITABLE.has(f.status)) throw new DomainError('ENTRY_FORM_STATE_CONFLICT', `the entry form is ${f.status}`, { status: f.status });
    const now = deps.clock.now();
    const last = await t
      .selectFrom('projects.review')
      .select((eb) => eb.fn.max('round').as('round'))
      .where('subject_type', '=', 'entryForm')
      .where('subject_id', '=', f.id)
      .executeTakeFirst();
    const round = Number(last?.round ?? 0) + 1;
    await t
      .insertInto('projects.review')
      .values({ id: randomUUID(), subject_type: 'entryForm', subject_id: f.id, round, submitted_by: principal.userId, submitted_at: now, decision: null, comment: '', reviewed_by: null, reviewer_name: null, reviewed_at: null })
      .execute();
    await t.updateTable('projects.entry_form').set({ status: 'submitted', submitted_by: principal.userId, submitted_at: now, updated_at: now }).where('id', '=', f.id).execute();
    await t.updateTable('projects.section').set({ stage: 'submitted', updated_at: now }).where('tendering_project_id', '=', f.tendering_project_id).execute();
    const tp = await t.selectFrom('projects.tendering_project').select('project_id').where('id', '=', f.tendering_project_id).executeTakeFirstOrThrow();
    await refreshProjectStatus(trx, tp.project_id);
    const parties = await loadParties(trx, f.tendering_project_id);
    await deps.audit.record(trx, actor, { action: 'projects.entryForm.submitted', targetType: 'entryForm', targetId: f.id, regionCode: parties.region_code, details: { round } });
  }

  async function create(principal: Principal, form: EntryForm, actor: Actor): Promise<EntryFormView> {
    const approval = await approvalOf(form.project.approvalCode);
    const chosen = checkForm(form, approval);
    return deps.db.transaction().execute(async (trx) => {
      const t = tables(trx);
      const { tenderer, agency } = await partiesOf(trx, principal, form);
      if (approval && approval.owner.creditCode !== tenderer.creditCode) {
        throw new DomainError('PROJECT_OWNER_MISMATCH', `the approval platform names ${approval.owner.name} as the owner of ${approval.approvalCode}`, {
          owner: approval.owner,
        });
      }
      const now = deps.clock.now();
      const createdOn = businessToday(deps.clock);
      const p = form.project;
      let project = await t.selectFrom('projects.project').selectAll().where('approval_code', '=', p.approvalCode).forUpdate().executeTakeFirst();
      if (project && project.owner_entity_id !== tenderer.id) {
        throw new DomainError('APPROVAL_CODE_TAKEN', `project ${p.approvalCode} is on the platform for another owner`);
      }
      const projectValues = {
        name: p.name,
        region_code: p.regionCode,
        category: p.category,
        must_enter: chosen.mustEnter,
        kind: p.kind,
        mandatory: p.mandatory,
        state_funded: p.stateFunded,
        investment_fen: p.investmentFen,
        funding_source: p.fundingSource,
        location: p.location,
        updated_at: now,
      };
      if (!project) {
        project = {
          id: randomUUID(),
          approval_code: p.approvalCode,
          owner_entity_id: tenderer.id,
          owner_name: tenderer.name,
          status: 'draft',
          created_by: principal.userId,
          created_at: now,
          ...projectValues,
        };
        await t.insertInto('projects.project').values(project).execute();
      } else if (project.status !== 'registered') {
        // another tendering project of a project not yet registered may still correct it.
        await t.updateTable('projects.project').set(projectValues).where('id', '=', project.id).execute();
        project = { ...project, ...projectValues };
      }
      const tpId = randomUUID();
      const tpIn = form.tenderingProject;
      await t
        .insertInto('projects.tendering_project')
        .values({
          id: tpId,
          project_id: project.id,
          name: tpIn.name,
          method: tpIn.method,
          organisation: tpIn.organisation,
          international_me: tpIn.internationalMechanicalElectrical,
          tenderer_entity_id: tenderer.id,
          tenderer_name: tenderer.name,
          agency_entity_id: agency?.id ?? null,
          agency_name: agency?.name ?? null,
          created_by: principal.userId,
          created_at: now,
        })
        .execute();
      await writeMandate(trx, tpId, agency, form, principal.userId);
      const entryFormId = randomUUID();
      await t
        .insertInto('projects.entry_form')
        .values({
          id: entryFormId,
          tendering_project_id: tpId,
          status: 'draft',
          prefilled: approval !== null,
          submitter_entity_id: principal.entity!.id,
          submitted_by: null,
          submitted_at: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      // Section timetables are checked with the rules in force on the project's (kind, mandatory).
      await writeSections(trx, tpId, form, { kind: project.kind, mandatory: project.mandatory }, createdOn);
      await deps.audit.record(trx, actor, {
        action: 'projects.entryForm.created',
        targetType: 'entryForm',
        targetId: entryFormId,
        regionCode: project.region_code,
        details: { approvalCode: p.approvalCode, projectId: project.id, tenderingProjectId: tpId, sections: form.sections.map((s) => s.code), prefilled: approval !== null },
      });
      if (form.submit) await submitInTrx(trx, entryFormId, principal, actor);
      return entryFormView(trx, entryFormId);
    });
  }

  async function loadEditable(trx: Db, principal: Principal, entryFormId: string) {
    const f = await tables(trx).selectFrom('projects.entry_form').selectAll().where('id', '=', entryFormId).forUpdate().executeTakeFirst();
    if (!f) throw new DomainError('ENTRY_FORM_NOT_FOUND', `no entry form ${entryFormId}`);
    const parties = await loadParties(trx, f.tendering_project_id);
    assertCanRead(deps, principal, parties, new DomainError('ENTRY_FORM_NOT_FOUND', `no entry form ${entryFormId}`));
    assertParty(principal, parties);
    return { f, parties };
  }

  /** Edit a draft or a rejected form (never one pending review or approved). */
  async function update(principal: Principal, entryFormId: string, form: EntryForm, actor: Actor): Promise<EntryFormView> {
    const approval = await approvalOf(form.project.approvalCode);
    const chosen = checkForm(form, approval);
    return deps.db.transaction().execute(async (trx) => {
      const t = tables(trx);
      const { f, parties } = await loadEditable(trx, principal, entryFormId);
      if (!EDITABLE.has(f.status)) {
        throw new DomainError('ENTRY_FORM_NOT_EDITABLE', `the entry form is ${f.status}; only a draft or a rejected form is edited`, { status: f.status });
      }
      const tp = await t.selectFrom('projects.tendering_project').selectAll().where('id', '=', f.tendering_project_id).executeTakeFirstOrThrow();
      const project = await t.selectFrom('projects.project').selectAll().where('id', '=', tp.project_id).executeTakeFirstOrThrow();
      if (project.approval_code !== form.project.approvalCode) {
        throw new DomainError('VALIDATION_FAILED', 'the approval code of an entry form does not change; enter a new form');
      }
      // The tenderer of a form does not change: an agency editing it acts for the same client.
      const owner = await deps.entities.get(trx, tp.tenderer_entity_id);
      const acting = parties.tenderer_entity_id === principal.entity?.id ? undefined : owner?.creditCode;
      const { tenderer, agency } = await partiesOf(trx, principal, { ...form, tendererCreditCode: acting });
      if (tenderer.id !== tp.tenderer_entity_id) throw new DomainError('NOT_YOUR_PROJECT', 'the tenderer of an entry form does not change');
      const now = deps.clock.now();
      const p = form.project;
      if (project.status !== 'registered') {
        await t
          .updateTable('projects.project')
          .set({ name: p.name, region_code: p.regionCode, category: p.category, must_enter: chosen.mustEnter, kind: p.kind, mandatory: p.mandatory, state_funded: p.stateFunded, investment_fen: p.investmentFen, funding_source: p.fundingSource, location: p.location, updated_at: now })
          .where('id', '=', project.id)
          .execute();
      }
      const tpIn = form.tenderingProject;
      await t
        .updateTable('projects.tendering_project')
        .set({ name: tpIn.name, method: tpIn.method, organisation: tpIn.organisation, international_me: tpIn.internationalMechanicalElectrical, agency_entity_id: agency?.id ?? null, agency_name: agency?.name ?? null })
        .where('id', '=', tp.id)
        .execute();
      await writeMandate(trx, tp.id, agency, form, principal.userId);
      const kind = project.status === 'registered' ? project.kind : p.kind;
      const mandatory = project.status === 'registered' ? project.mandatory : p.mandatory;
      await writeSections(trx, tp.id, form, { kind, mandatory }, businessToday(deps.clock));
      await t.updateTable('projects.entry_form').set({ prefilled: approval !== null, updated_at: now }).where('id', '=', f.id).execute();
      await deps.audit.record(trx, actor, {
        action: 'projects.entryForm.edited',
        targetType: 'entryForm',
        targetId: f.id,
        regionCode: p.regionCode,
        details: { sections: form.sections.map((s) => s.code) },
      });
      if (form.submit) await submitInTrx(trx, f.id, principal, actor);
      return entryFormView(trx, f.id);
    });
  }

  async function submit(principal: Principal, entryFormId: string, actor: Actor): Promise<EntryFormView> {
    return deps.db.transaction().execute(async (trx) => {
      const { f } = await loadEditable(trx, principal, entryFormId);
      await submitInTrx(trx, f.id, principal, actor);
      return entryFormView(trx, f.id);
    });
  }

  /** A draft (or rejected) form is withdrawn with everything it created; a project other forms use stays. */
  async function remove(principal: Principal, entryFormId: string, actor: Actor): Promise<void> {
    await deps.db.transaction().execute(async (trx) => {
      const t = tables(trx);
      const { f, parties } = await loadEditable(trx, principal, entryFormId);
      if (!EDITABLE.has(f.status)) throw new DomainError('ENTRY_FORM_NOT_EDITABLE', `the entry form is ${f.status}`, { status: f.status });
      const tpId = f.tendering_project_id;
      const used =
        (await t.selectFrom('projects.agency_contract').select('id').where('tendering_project_id', '=', tpId).executeTakeFirst()) ??
        (await t.selectFrom('projects.tendering_plan').select('id').where('tendering_project_id', '=', tpId).executeTakeFirst());
      if (used) throw new DomainError('ENTRY_FORM_NOT_EDITABLE', 'the tendering project has an agency contract or a plan; it stays');
      const tp = await t.selectFrom('projects.tendering_project').select('project_id').where('id', '=', tpId).executeTakeFirstOrThrow();
      await t.deleteFrom('projects.section').where('tendering_project_id', '=', tpId).execute();
      await t.deleteFrom('projects.mandate').where('tendering_project_id', '=', tpId).execute();
      await t.deleteFrom('projects.review').where('subject_type', '=', 'entryForm').where('subject_id', '=', f.id).execute();
      await t.deleteFrom('projects.entry_form').where('id', '=', f.id).execute();
      await t.deleteFrom('projects.tendering_project').where('id', '=', tpId).execute();
      const others = await t.selectFrom('projects.tendering_project').select('id').where('project_id', '=', tp.project_id).executeTakeFirst();
      if (!others) await t.deleteFrom('projects.project').where('id', '=', tp.project_id).execute();
      else await refreshProjectStatus(trx, tp.project_id);
      await deps.audit.record(trx, actor, { action: 'projects.entryForm.deleted', targetType: 'entryForm', targetId: f.id, regionCode: parties.region_code, details: { tenderingProjectId: tpId } });
    });
  }

  return { prefill, create, update, submit, remove, refreshProjectStatus };
}

export type EntryFormService = ReturnType<typeof createEntryFormService>;
