import type { EntryFormView, ProjectView, SectionView, TenderingProjectView } from '@bidhall/contracts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { tables } from './projects.deps.ts';
import type { MandateTable, ProjectTable, ReviewTable, SectionTable, TenderingProjectTable } from './projects.tables.ts';
import { fenText, parseTimetable } from './section-snapshot.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toProjectView(p: ProjectTable): ProjectView {
  return {
    id: p.id,
    approvalCode: p.approval_code,
    name: p.name,
    regionCode: p.region_code,
    category: p.category,
    mustEnter: p.must_enter,
    kind: p.kind as ProjectView['kind'],
    mandatory: p.mandatory,
    stateFunded: p.state_funded,
    investmentFen: fenText(p.investment_fen),
    fundingSource: p.funding_source,
    location: p.location,
    ownerEntityId: p.owner_entity_id,
    ownerName: p.owner_name,
    status: p.status as ProjectView['status'],
    createdAt: p.created_at.toISOString(),
  };
}

export function toTenderingProjectView(tp: TenderingProjectTable, status: string, mandate: MandateTable | undefined): TenderingProjectView {
  return {
    id: tp.id,
    projectId: tp.project_id,
    name: tp.name,
    method: tp.method as TenderingProjectView['method'],
    organisation: tp.organisation as TenderingProjectView['organisation'],
    internationalMechanicalElectrical: tp.international_me,
    tendererEntityId: tp.tenderer_entity_id,
    tendererName: tp.tenderer_name,
    agencyEntityId: tp.agency_entity_id,
    agencyName: tp.agency_name,
    mandate: mandate
      ? { duties: mandate.duties as NonNullable<TenderingProjectView['mandate']>['duties'], other: mandate.other, setBy: mandate.set_by, setAt: mandate.set_at.toISOString() }
      : null,
    status: status as TenderingProjectView['status'],
    createdAt: tp.created_at.toISOString(),
  };
}

export function toSectionView(s: SectionTable): SectionView {
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    budgetFen: fenText(s.budget_fen),
    content: s.content,
    stage: s.stage as SectionView['stage'],
    round: s.round,
    timetable: parseTimetable(s.timetable),
    tenderingProjectId: s.tendering_project_id,
    createdOn: s.created_on,
  };
}

export function toReviewViews(rows: ReviewTable[]) {
  return rows.map((r) => ({
    round: r.round,
    submittedBy: r.submitted_by,
    submittedAt: iso(r.submitted_at),
    decision: r.decision,
    comment: r.comment,
    reviewedBy: r.reviewed_by,
    reviewerName: r.reviewer_name,
    reviewedAt: iso(r.reviewed_at),
  }));
}

export async function reviewsOf(db: Db, subjectType: ReviewTable['subject_type'], subjectId: string) {
  const rows = await tables(db)
    .selectFrom('projects.review')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('round')
    .execute();
  return toReviewViews(rows);
}

/** The tendering project with its project, sections, mandate and entry form status. */
export async function loadTenderingProject(db: Db, tenderingProjectId: string) {
  const t = tables(db);
  const tp = await t.selectFrom('projects.tendering_project').selectAll().where('id', '=', tenderingProjectId).executeTakeFirst();
  if (!tp) throw new DomainError('TENDERING_PROJECT_NOT_FOUND', `no tendering project ${tenderingProjectId}`);
  // One after the other: a transaction (and PGlite) has one session.
  const project = await t.selectFrom('projects.project').selectAll().where('id', '=', tp.project_id).executeTakeFirstOrThrow();
  const form = await t.selectFrom('projects.entry_form').selectAll().where('tendering_project_id', '=', tp.id).executeTakeFirstOrThrow();
  const mandate = await t.selectFrom('projects.mandate').selectAll().where('tendering_project_id', '=', tp.id).executeTakeFirst();
  const sections = await t.selectFrom('projects.section').selectAll().where('tendering_project_id', '=', tp.id).orderBy('code').execute();
  return { tp, project, form, mandate, sections };
}

export async function entryFormView(db: Db, entryFormId: string): Promise<EntryFormView> {
  const form = await tables(db).selectFrom('projects.entry_form').select(['tendering_project_id']).where('id', '=', entryFormId).executeTakeFirst();
  if (!form) throw new DomainError('ENTRY_FORM_NOT_FOUND', `no entry form ${entryFormId}`);
  const { tp, project, form: f, mandate, sections } = await loadTenderingProject(db, form.tendering_project_id);
  return {
    id: f.id,
    status: f.status as EntryFormView['status'],
    mustEnter: project.must_enter,
    prefilled: f.prefilled,
    project: toProjectView(project),
    tenderingProject: toTenderingProjectView(tp, f.status, mandate),
    sections: sections.map(toSectionView),
    submittedAt: iso(f.submitted_at),
    reviews: await reviewsOf(db, 'entryForm', f.id),
  };
}
