import type { ReviewEventView } from '@bidhall/contracts';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type SectionSnapshot, type TenderingDeps, tables } from './tendering.deps.ts';
import type { CoveredSectionColumns, ReviewAction, ReviewedDraftColumns } from './tendering.tables.ts';

/** Who is acting, as the routes found them; `actor` goes to the audit trail. */
export interface Caller {
  userId: string;
  name: string;
  kind: string;
  regionCode: string;
  entityId: string | null;
  actor: Actor;
}

export type SubjectKind = 'notice' | 'invitation';

/**
 * The review path notices and invitations share: a draft is submitted; when an agency
 * drafted it the tenderer reviews it first; then staff of the section's region verify it. Either
 * reviewer may send it back to draft with reasons. Every step is kept with who and when.
 */
export function firstStepAfterSubmit(draftedBy: 'tenderer' | 'agency'): 'pendingReview' | 'pendingVerification' {
  return draftedBy === 'agency' ? 'pendingReview' : 'pendingVerification';
}

export async function recordStep(trx: Db, kind: SubjectKind, id: string, action: ReviewAction, caller: Caller | null, at: Date, reason?: string) {
  await tables(trx)
    .insertInto('tendering.review_event')
    .values({
      subject_kind: kind,
      subject_id: id,
      action,
      actor_user_id: caller?.userId ?? null,
      actor_name: caller?.name ?? null,
      actor_entity_id: caller?.entityId ?? null,
      reason: reason ?? null,
      occurred_at: at,
    })
    .execute();
}

export async function historyOf(db: Db, kind: SubjectKind, id: string): Promise<ReviewEventView[]> {
  const rows = await tables(db)
    .selectFrom('tendering.review_event')
    .selectAll()
    .where('subject_kind', '=', kind)
    .where('subject_id', '=', id)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    action: r.action,
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    actorEntityId: r.actor_entity_id,
    reason: r.reason,
    occurredAt: r.occurred_at.toISOString(),
  }));
}

/**
 * The sections a notice or invitation covers: all found, of one tendering project, each managed by
 * the caller's entity (the tenderer, or an agency with a mandate).
 */
export async function loadManagedSections(deps: Pick<TenderingDeps, 'sections'>, trx: Db, sectionIds: readonly string[], caller: Caller) {
  if (!caller.entityId) throw new DomainError('SECTION_NOT_MANAGED', 'only the tenderer or its agency acts on a section');
  const sections: SectionSnapshot[] = [];
  for (const id of sectionIds) {
    const s = await deps.sections.get(trx, id);
    if (!s) throw new DomainError('SECTION_NOT_FOUND', `no section ${id}`, { sectionId: id });
    if (!(await deps.sections.canManage(trx, id, caller.entityId))) {
      throw new DomainError('SECTION_NOT_MANAGED', `your entity does not manage section ${s.code}`, { sectionId: id });
    }
    sections.push(s);
  }
  const first = sections[0]!;
  const mixed = sections.find((s) => s.tenderingProjectId !== first.tenderingProjectId || s.regionCode !== first.regionCode);
  if (mixed) {
    throw new DomainError('SECTIONS_MIXED', 'a notice covers sections of one tendering project only', { sectionIds: [first.id, mixed.id] });
  }
  return sections;
}

/** Whose draft it is: an agency drafting for a tenderer needs the tenderer's review. */
export function draftedBy(first: SectionSnapshot, caller: Caller): 'tenderer' | 'agency' {
  return caller.entityId === first.tendererEntityId ? 'tenderer' : 'agency';
}

/** The parties a notice or invitation belongs to may read it; staff, supervisors and auditors of its region too. */
export async function assertMayRead(
  deps: Pick<TenderingDeps, 'regions'>,
  row: { tenderer_entity_id: string; agency_entity_id: string | null; region_code: string },
  caller: Caller,
  notFound: string,
) {
  if (caller.entityId && (caller.entityId === row.tenderer_entity_id || caller.entityId === row.agency_entity_id)) return;
  if (['staff', 'supervisor', 'auditor'].includes(caller.kind) && (await deps.regions.codesWithin(caller.regionCode)).includes(row.region_code)) return;
  throw new DomainError(notFound, 'not found');
}

export function assertParty(row: { tenderer_entity_id: string; agency_entity_id: string | null }, caller: Caller, notFound: string) {
  if (!caller.entityId || (caller.entityId !== row.tenderer_entity_id && caller.entityId !== row.agency_entity_id)) {
    throw new DomainError(notFound, 'not found');
  }
}

/** Staff verify only what belongs to their region or a region under it. */
export async function assertVerifier(deps: Pick<TenderingDeps, 'regions'>, regionCode: string, caller: Caller) {
  if (caller.kind !== 'staff') throw new DomainError('FORBIDDEN', 'platform verification is done by trading-centre staff');
  if (!(await deps.regions.codesWithin(caller.regionCode)).includes(regionCode)) {
    throw new DomainError('REGION_NOT_YOURS', `this belongs to region ${regionCode}, outside yours`);
  }
}

/** Sections still at the stage and round a notice was written for. */
export async function currentSections(deps: Pick<TenderingDeps, 'sections'>, trx: Db, covered: readonly { section_id: string; round: number }[]) {
  const sections: SectionSnapshot[] = [];
  for (const c of covered) {
    const s = await deps.sections.get(trx, c.section_id);
    if (!s) throw new DomainError('SECTION_NOT_FOUND', `no section ${c.section_id}`);
    if (s.round !== c.round || !['registered', 'tendering'].includes(s.stage)) {
      throw new DomainError('SECTION_STAGE_CONFLICT', `section ${s.code} is ${s.stage} in round ${s.round}; this was written for round ${c.round}`, {
        sectionId: s.id,
        stage: s.stage,
      });
    }
    sections.push(s);
  }
  return sections;
}

export const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function coveredView(rows: readonly { section_id: string; code: string; name: string; round: number }[]) {
  return rows.map((r) => ({ id: r.section_id, code: r.code, name: r.name, round: r.round }));
}

/** The columns of a new draft: its sections' project and parties, who drafted it, nothing reviewed yet. */
export function newDraftColumns(sections: readonly SectionSnapshot[], caller: Caller, text: { title: string; bodyHtml: string }, now: Date): Omit<ReviewedDraftColumns, 'id'> {
  const first = sections[0]!;
  return {
    tendering_project_id: first.tenderingProjectId,
    region_code: first.regionCode,
    category: first.category,
    round: Math.max(...sections.map((s) => s.round)),
    tenderer_entity_id: first.tendererEntityId,
    agency_entity_id: first.agencyEntityId,
    drafted_by: draftedBy(first, caller),
    title: text.title,
    body_html: text.bodyHtml,
    created_by: caller.userId,
    created_at: now,
    updated_at: now,
    submitted_by: null,
    submitted_at: null,
    reviewed_by: null,
    reviewed_at: null,
    verified_by: null,
    verified_at: null,
    withdrawn_at: null,
  };
}

/** The fields a notice's and an invitation's view share: parties, sections and the review trail. */
export function draftView(n: ReviewedDraftColumns, sections: readonly CoveredSectionColumns[]) {
  return {
    id: n.id,
    title: n.title,
    bodyHtml: n.body_html,
    sections: coveredView(sections),
    tenderingProjectId: n.tendering_project_id,
    regionCode: n.region_code,
    category: n.category,
    round: n.round,
    tendererEntityId: n.tenderer_entity_id,
    agencyEntityId: n.agency_entity_id,
    draftedBy: n.drafted_by,
    createdBy: n.created_by,
    createdAt: n.created_at.toISOString(),
    updatedAt: n.updated_at.toISOString(),
    submittedBy: n.submitted_by,
    submittedAt: iso(n.submitted_at),
    reviewedBy: n.reviewed_by,
    reviewedAt: iso(n.reviewed_at),
    verifiedBy: n.verified_by,
    verifiedAt: iso(n.verified_at),
    withdrawnAt: iso(n.withdrawn_at),
  };
}
