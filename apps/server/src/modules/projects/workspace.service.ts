import type { ProjectsQuery } from '@bidhall/contracts';
import type { z } from 'zod';
import type { projectsQuery } from '@bidhall/contracts';
import type { Principal } from '../../platform/auth/principal.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { assertCanRead, isStaffOf, loadParties } from './access.ts';
import { type ProjectsDeps, tables } from './projects.deps.ts';
import { likeOf, submissionOrder } from './list-query.ts';
import { sectionQuery, toSectionRecord, toSnapshot } from './section-snapshot.ts';
import { loadTenderingProject, toProjectView, toSectionView, toTenderingProjectView } from './views.ts';

type Query = z.output<typeof projectsQuery>;
export type { ProjectsQuery };

const isStaffKind = (p: Principal) => p.kind === 'staff' || p.kind === 'supervisor';

/** Lists and pages for the workspaces: my entries and sections, the staff review queue, relation views. */
export function createWorkspaceService(deps: ProjectsDeps) {
  /** Entity: the forms it is a party to or entered. Staff and supervisors: the forms of their regions. */
  async function entryForms(principal: Principal, q: Query) {
    let base = tables(deps.db)
      .selectFrom('projects.entry_form as ef')
      .innerJoin('projects.tendering_project as tp', 'tp.id', 'ef.tendering_project_id')
      .innerJoin('projects.project as p', 'p.id', 'tp.project_id');
    if (isStaffKind(principal)) {
      const scope = deps.catalog.codesWithin(principal.regionCode);
      base = base.where('p.region_code', 'in', scope);
      // Staff see what was submitted to them, not other people's drafts.
      base = base.where('ef.status', '!=', 'draft');
    } else {
      const me = principal.entity?.id ?? '00000000-0000-0000-0000-000000000000';
      base = base.where((eb) => eb.or([eb('tp.tenderer_entity_id', '=', me), eb('tp.agency_entity_id', '=', me), eb('ef.submitter_entity_id', '=', me)]));
    }
    if (q.status) base = base.where('ef.status', '=', q.status);
    if (q.regionCode) base = base.where('p.region_code', '=', q.regionCode);
    if (q.q) {
      const like = likeOf(q.q);
      base = base.where((eb) => eb.or([eb('p.name', 'like', like), eb('tp.name', 'like', like), eb('p.approval_code', 'like', like)]));
    }
    const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const order = submissionOrder('ef', q.sort, 'p.name');
    const rows = await base
      .select([
        'ef.id',
        'ef.status',
        'ef.submitted_at',
        'ef.created_at',
        'p.name as project_name',
        'p.approval_code',
        'p.region_code',
        'p.category',
        'p.must_enter',
        'tp.id as tp_id',
        'tp.name as tp_name',
        'tp.tenderer_name',
        'tp.agency_name',
        (eb) => eb.selectFrom('projects.section as s').select(eb.fn.countAll().as('n')).whereRef('s.tendering_project_id', '=', 'tp.id').as('section_count'),
      ])
      .orderBy(order)
      .orderBy('ef.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute();
    return {
      items: rows.map((r) => ({
        id: r.id,
        status: r.status as 'draft',
        projectName: r.project_name,
        approvalCode: r.approval_code,
        tenderingProjectId: r.tp_id,
        tenderingProjectName: r.tp_name,
        regionCode: r.region_code,
        category: r.category,
        mustEnter: r.must_enter,
        tendererName: r.tenderer_name,
        agencyName: r.agency_name,
        sectionCount: Number(r.section_count ?? 0),
        submittedAt: r.submitted_at ? r.submitted_at.toISOString() : null,
        createdAt: r.created_at.toISOString(),
      })),
      total: Number(total.n),
    };
  }

  /** The sections the calling entity tenders or runs as agency. */
  async function mySections(principal: Principal, q: Query) {
    const me = principal.entity?.id ?? '00000000-0000-0000-0000-000000000000';
    let base = sectionQuery(deps.db).where((eb) => eb.or([eb('tp.tenderer_entity_id', '=', me), eb('tp.agency_entity_id', '=', me)]));
    if (q.stage) base = base.where('s.stage', '=', q.stage);
    if (q.regionCode) base = base.where('p.region_code', '=', q.regionCode);
    if (q.q) {
      const like = likeOf(q.q);
      base = base.where((eb) => eb.or([eb('s.name', 'like', like), eb('tp.name', 'like', like), eb('p.name', 'like', like)]));
    }
    const rows = await base.orderBy('s.created_at', q.sort.startsWith('-') ? 'desc' : 'asc').orderBy('s.code').execute();
    const items = rows.map((r) => toSnapshot(toSectionRecord(r)));
    return { items: items.slice(q.offset, q.offset + q.limit), total: items.length };
  }

  async function myProjects(principal: Principal) {
    const me = principal.entity?.id ?? '00000000-0000-0000-0000-000000000000';
    const rows = await tables(deps.db)
      .selectFrom('projects.project as p')
      .selectAll('p')
      .where((eb) =>
        eb.or([
          eb('p.owner_entity_id', '=', me),
          eb.exists(eb.selectFrom('projects.tendering_project as tp').select('tp.id').whereRef('tp.project_id', '=', 'p.id').where('tp.agency_entity_id', '=', me)),
        ]),
      )
      .orderBy('p.created_at', 'desc')
      .limit(500)
      .execute();
    return rows.map(toProjectView);
  }

  /** A project with its tendering projects: the owner, their agencies, staff of the region. */
  async function project(principal: Principal, id: string) {
    const t = tables(deps.db);
    const p = await t.selectFrom('projects.project').selectAll().where('id', '=', id).executeTakeFirst();
    const notFound = new DomainError('PROJECT_NOT_FOUND', `no project ${id}`);
    if (!p) throw notFound;
    const tps = await t.selectFrom('projects.tendering_project').selectAll().where('project_id', '=', id).orderBy('created_at').execute();
    const me = principal.entity?.id;
    const visible = isStaffOf(deps, principal, p.region_code) ? tps : tps.filter((tp) => tp.tenderer_entity_id === me || tp.agency_entity_id === me);
    if (visible.length === 0 && p.owner_entity_id !== me && !isStaffOf(deps, principal, p.region_code)) throw notFound;
    const tenderingProjects = [];
    for (const tp of visible) {
      const form = await t.selectFrom('projects.entry_form').select('status').where('tendering_project_id', '=', tp.id).executeTakeFirstOrThrow();
      const mandate = await t.selectFrom('projects.mandate').selectAll().where('tendering_project_id', '=', tp.id).executeTakeFirst();
      tenderingProjects.push(toTenderingProjectView(tp, form.status, mandate));
    }
    return { project: toProjectView(p), tenderingProjects };
  }

  /** a tendering project page lists its project and its sections. */
  async function tenderingProject(principal: Principal, id: string) {
    const parties = await loadParties(deps.db, id);
    assertCanRead(deps, principal, parties, new DomainError('TENDERING_PROJECT_NOT_FOUND', `no tendering project ${id}`));
    const { tp, project: p, form, mandate, sections } = await loadTenderingProject(deps.db, id);
    const t = tables(deps.db);
    const contract = await t.selectFrom('projects.agency_contract').select('id').where('tendering_project_id', '=', id).orderBy('created_at', 'desc').executeTakeFirst();
    const plan = await t.selectFrom('projects.tendering_plan').select('id').where('tendering_project_id', '=', id).orderBy('created_at', 'desc').executeTakeFirst();
    return {
      agencyContractId: contract?.id ?? null,
      tenderingPlanId: plan?.id ?? null,
      tenderingProject: toTenderingProjectView(tp, form.status, mandate),
      project: toProjectView(p),
      sections: sections.map(toSectionView),
      entryFormId: form.id,
    };
  }

  return { entryForms, mySections, myProjects, project, tenderingProject };
}

export type WorkspaceService = ReturnType<typeof createWorkspaceService>;
