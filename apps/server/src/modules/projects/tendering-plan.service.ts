import { randomUUID } from 'node:crypto';
import type { projectsQuery, TenderingPlanRow, TenderingPlanView, tenderingPlanInput } from '@bidhall/contracts';
import type { z } from 'zod';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { assertCanRead, assertParty, loadParties, type TenderingParties } from './access.ts';
import { type ProjectsDeps, tables } from './projects.deps.ts';
import type { TenderingPlanTable } from './projects.tables.ts';
import { likeOf, submissionOrder } from './list-query.ts';
import { decide } from './review.ts';
import { reviewsOf } from './views.ts';

type PlanInput = z.output<typeof tenderingPlanInput>;
type PlanQuery = z.output<typeof projectsQuery>;
const EDITABLE = new Set(['draft', 'rejected']);

/**
 * The tendering plan (招标计划) with its team members and their duties: drafted by the
 * tenderer or its agency, submitted, reviewed by staff of the region; in force once approved,
 * edited and resubmitted when rejected, never edited while pending.
 */
export function createTenderingPlanService(deps: ProjectsDeps) {
  const notFound = (id: string) => new DomainError('TENDERING_PLAN_NOT_FOUND', `no tendering plan ${id}`);

  async function view(db: Db, p: TenderingPlanTable): Promise<TenderingPlanView> {
    const json = <T>(v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as T;
    return {
      id: p.id,
      tenderingProjectId: p.tendering_project_id,
      status: p.status as TenderingPlanView['status'],
      effective: p.status === 'approved',
      description: p.description,
      items: json<TenderingPlanView['items']>(p.items),
      team: json<TenderingPlanView['team']>(p.team),
      submittedAt: p.submitted_at ? p.submitted_at.toISOString() : null,
      reviews: await reviewsOf(db, 'tenderingPlan', p.id),
      createdAt: p.created_at.toISOString(),
    };
  }

  async function load(trx: Db, principal: Principal, id: string): Promise<{ p: TenderingPlanTable; parties: TenderingParties }> {
    const p = await tables(trx).selectFrom('projects.tendering_plan').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!p) throw notFound(id);
    const parties = await loadParties(trx, p.tendering_project_id);
    assertCanRead(deps, principal, parties, notFound(id));
    return { p, parties };
  }

  async function checkSections(trx: Db, tenderingProjectId: string, input: PlanInput) {
    const ids = [...new Set(input.items.flatMap((i) => (i.sectionId ? [i.sectionId] : [])))];
    if (ids.length === 0) return;
    const found = await tables(trx).selectFrom('projects.section').select('id').where('tendering_project_id', '=', tenderingProjectId).where('id', 'in', ids).execute();
    if (found.length !== ids.length) throw new DomainError('VALIDATION_FAILED', 'a plan item names a section of another tendering project');
  }

  const values = (input: PlanInput) => ({
    description: input.description,
    items: JSON.stringify(input.items.map((i) => ({ milestone: i.milestone, plannedDate: i.plannedDate, sectionId: i.sectionId ?? null, note: i.note }))),
    team: JSON.stringify(input.team),
  });

  async function submitInTrx(trx: Db, principal: Principal, p: TenderingPlanTable, parties: TenderingParties, actor: Actor) {
    if (!EDITABLE.has(p.status)) throw new DomainError('TENDERING_PLAN_STATE_CONFLICT', `the plan is ${p.status}`, { status: p.status });
    const t = tables(trx);
    const now = deps.clock.now();
    const last = await t
      .selectFrom('projects.review')
      .select((eb) => eb.fn.max('round').as('round'))
      .where('subject_type', '=', 'tenderingPlan')
      .where('subject_id', '=', p.id)
      .executeTakeFirst();
    const round = Number(last?.round ?? 0) + 1;
    await t
      .insertInto('projects.review')
      .values({ id: randomUUID(), subject_type: 'tenderingPlan', subject_id: p.id, round, submitted_by: principal.userId, submitted_at: now, decision: null, comment: '', reviewed_by: null, reviewer_name: null, reviewed_at: null })
      .execute();
    await t.updateTable('projects.tendering_plan').set({ status: 'submitted', submitted_at: now, updated_at: now }).where('id', '=', p.id).execute();
    await deps.audit.record(trx, actor, { action: 'projects.tenderingPlan.submitted', targetType: 'tenderingPlan', targetId: p.id, regionCode: parties.region_code, details: { round } });
  }

  const reload = (trx: Db, id: string) => tables(trx).selectFrom('projects.tendering_plan').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  async function create(principal: Principal, input: PlanInput & { tenderingProjectId: string; submit: boolean }, actor: Actor) {
    return deps.db.transaction().execute(async (trx) => {
      const parties = await loadParties(trx, input.tenderingProjectId);
      assertCanRead(deps, principal, parties, new DomainError('TENDERING_PROJECT_NOT_FOUND', `no tendering project ${input.tenderingProjectId}`));
      assertParty(principal, parties);
      const existing = await tables(trx).selectFrom('projects.tendering_plan').select('id').where('tendering_project_id', '=', parties.id).executeTakeFirst();
      if (existing) throw new DomainError('TENDERING_PLAN_EXISTS', 'this tendering project has a plan; edit it', { id: existing.id });
      await checkSections(trx, parties.id, input);
      const now = deps.clock.now();
      const id = randomUUID();
      await tables(trx)
        .insertInto('projects.tendering_plan')
        .values({ id, tendering_project_id: parties.id, status: 'draft', submitted_at: null, created_by: principal.userId, created_at: now, updated_at: now, ...values(input) })
        .execute();
      await deps.audit.record(trx, actor, { action: 'projects.tenderingPlan.created', targetType: 'tenderingPlan', targetId: id, regionCode: parties.region_code, details: { team: input.team.length, items: input.items.length } });
      if (input.submit) await submitInTrx(trx, principal, await reload(trx, id), parties, actor);
      return view(trx, await reload(trx, id));
    });
  }

  async function update(principal: Principal, id: string, input: PlanInput & { submit?: boolean | undefined }, actor: Actor) {
    return deps.db.transaction().execute(async (trx) => {
      const { p, parties } = await load(trx, principal, id);
      assertParty(principal, parties);
      if (!EDITABLE.has(p.status)) {
        throw new DomainError('TENDERING_PLAN_NOT_EDITABLE', `the plan is ${p.status}; only a draft or a rejected plan is edited`, { status: p.status });
      }
      await checkSections(trx, parties.id, input);
      await tables(trx).updateTable('projects.tendering_plan').set({ ...values(input), updated_at: deps.clock.now() }).where('id', '=', id).execute();
      await deps.audit.record(trx, actor, { action: 'projects.tenderingPlan.edited', targetType: 'tenderingPlan', targetId: id, regionCode: parties.region_code, details: { team: input.team.length, items: input.items.length } });
      if (input.submit) await submitInTrx(trx, principal, await reload(trx, id), parties, actor);
      return view(trx, await reload(trx, id));
    });
  }

  async function submit(principal: Principal, id: string, actor: Actor) {
    return deps.db.transaction().execute(async (trx) => {
      const { p, parties } = await load(trx, principal, id);
      assertParty(principal, parties);
      await submitInTrx(trx, principal, p, parties, actor);
      return view(trx, await reload(trx, id));
    });
  }

  async function review(principal: Principal, id: string, input: { decision: 'approve' | 'reject'; comment: string }, actor: Actor) {
    return deps.db.transaction().execute(async (trx) => {
      const { p, parties } = await load(trx, principal, id);
      if (p.status !== 'submitted') throw new DomainError('TENDERING_PLAN_STATE_CONFLICT', `the plan is ${p.status}, not pending review`, { status: p.status });
      const { round, reviewedAt } = await decide(deps, trx, principal, { type: 'tenderingPlan', id, regionCode: parties.region_code }, input);
      const approved = input.decision === 'approve';
      await tables(trx).updateTable('projects.tendering_plan').set({ status: approved ? 'approved' : 'rejected', updated_at: reviewedAt }).where('id', '=', id).execute();
      await deps.audit.record(trx, actor, {
        action: approved ? 'projects.tenderingPlan.approved' : 'projects.tenderingPlan.rejected',
        targetType: 'tenderingPlan',
        targetId: id,
        regionCode: parties.region_code,
        details: { round, comment: input.comment },
      });
      return view(trx, await reload(trx, id));
    });
  }

  async function get(principal: Principal, id: string) {
    return deps.db.transaction().execute(async (trx) => {
      const { p } = await load(trx, principal, id);
      return view(trx, p);
    });
  }

  /**
   * Staff and supervisors: the plans submitted in their regions (never other people's drafts), filtered
   * by status, region and name or approval code, sorted and paged.
   */
  async function list(principal: Principal, q: PlanQuery) {
    let base = tables(deps.db)
      .selectFrom('projects.tendering_plan as pl')
      .innerJoin('projects.tendering_project as tp', 'tp.id', 'pl.tendering_project_id')
      .innerJoin('projects.project as p', 'p.id', 'tp.project_id')
      .where('p.region_code', 'in', deps.catalog.codesWithin(principal.regionCode))
      .where('pl.status', '!=', 'draft');
    if (q.status) base = base.where('pl.status', '=', q.status);
    if (q.regionCode) base = base.where('p.region_code', '=', q.regionCode);
    if (q.q) {
      const like = likeOf(q.q);
      base = base.where((eb) => eb.or([eb('p.name', 'like', like), eb('tp.name', 'like', like), eb('p.approval_code', 'like', like)]));
    }
    const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const order = submissionOrder('pl', q.sort, 'tp.name');
    const rows = await base
      .select(['pl.id', 'pl.status', 'pl.items', 'pl.team', 'pl.submitted_at', 'pl.created_at', 'tp.id as tp_id', 'tp.name as tp_name', 'tp.tenderer_name', 'p.name as project_name', 'p.approval_code', 'p.region_code'])
      .orderBy(order)
      .orderBy('pl.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute();
    const count = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown[]) : (v as unknown[])).length;
    return {
      items: rows.map(
        (r): TenderingPlanRow => ({
          id: r.id,
          status: r.status as TenderingPlanRow['status'],
          tenderingProjectId: r.tp_id,
          tenderingProjectName: r.tp_name,
          projectName: r.project_name,
          approvalCode: r.approval_code,
          regionCode: r.region_code,
          tendererName: r.tenderer_name,
          itemCount: count(r.items),
          teamCount: count(r.team),
          submittedAt: r.submitted_at ? r.submitted_at.toISOString() : null,
          createdAt: r.created_at.toISOString(),
        }),
      ),
      total: Number(total.n),
    };
  }

  return { create, update, submit, review, get, list };
}

export type TenderingPlanService = ReturnType<typeof createTenderingPlanService>;
