import type {
  AttachmentView,
  BidPart,
  BidSummaryField,
  ChapterValues,
  DocumentKind,
  DocumentStatus,
  EvaluationMethod,
  ReviewMethod,
  TemplateChapter,
} from '@bidhall/contracts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type DocumentsDeps, type SectionSnapshot, tables } from './documents.deps.ts';
import type { Caller } from './caller.ts';

export const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
export const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface DocumentRecord {
  id: string;
  sectionId: string;
  round: number;
  kind: DocumentKind;
  templateCode: string;
  regionCode: string;
  tendererEntityId: string;
  status: DocumentStatus;
  chapters: TemplateChapter[];
  values: ChapterValues;
  method: EvaluationMethod | ReviewMethod | null;
  methodTemplate: { id: string; version: number } | null;
  parts: BidPart[];
  bidSummaryFields: BidSummaryField[];
  requiresBillOfQuantities: boolean;
  version: number;
  contentSm3: string | null;
  signedAt: Date | null;
  signedBy: string | null;
  signerSubject: string | null;
  signerFingerprint: string | null;
  commitmentVersion: string | null;
  commitmentSm3: string | null;
  issuedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export async function loadDocument(db: Db, id: string, options: { lock?: boolean } = {}): Promise<DocumentRecord> {
  let q = tables(db).selectFrom('documents.document').selectAll().where('id', '=', id);
  if (options.lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  if (!r) throw new DomainError('DOCUMENT_NOT_FOUND', `no tender document ${id}`);
  return {
    id: r.id,
    sectionId: r.section_id,
    round: r.round,
    kind: r.kind as DocumentKind,
    templateCode: r.template_code,
    regionCode: r.region_code,
    tendererEntityId: r.tenderer_entity_id,
    status: r.status as DocumentStatus,
    chapters: json(r.chapters),
    values: json(r.chapter_values),
    method: r.method === null ? null : json(r.method),
    methodTemplate: r.method_template === null ? null : { id: r.method_template, version: r.method_template_version ?? 1 },
    parts: json(r.parts),
    bidSummaryFields: json(r.bid_summary_fields),
    requiresBillOfQuantities: r.requires_bill_of_quantities,
    version: r.version,
    contentSm3: r.content_sm3,
    signedAt: r.signed_at,
    signedBy: r.signed_by,
    signerSubject: r.signer_subject,
    signerFingerprint: r.signer_fingerprint,
    commitmentVersion: r.commitment_version,
    commitmentSm3: r.commitment_sm3,
    issuedAt: r.issued_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function attachmentsOf(db: Db, documentId: string): Promise<AttachmentView[]> {
  const rows = await tables(db).selectFrom('documents.attachment').selectAll().where('document_id', '=', documentId).orderBy('uploaded_at').orderBy('name').execute();
  return rows.map((a) => ({
    id: a.id,
    name: a.name,
    kind: a.kind as AttachmentView['kind'],
    mediaType: a.media_type,
    sm3: a.sm3,
    size: Number(a.size),
    uploadedAt: a.uploaded_at.toISOString(),
  }));
}

export async function loadSection(deps: Pick<DocumentsDeps, 'sections'>, trx: Db, id: string): Promise<SectionSnapshot> {
  const s = await deps.sections.get(trx, id);
  if (!s) throw new DomainError('SECTION_NOT_FOUND', `no section ${id}`);
  return s;
}

/** The tenderer, or the agency holding a mandate for the section. */
export async function canManage(deps: Pick<DocumentsDeps, 'sections'>, trx: Db, sectionId: string, caller: Caller): Promise<boolean> {
  if (!caller.entity) return false;
  if (!caller.roles.has('tenderer') && !caller.roles.has('agency')) return false;
  return deps.sections.canManage(trx, sectionId, caller.entity.id);
}

export async function assertManager(deps: Pick<DocumentsDeps, 'sections'>, trx: Db, sectionId: string, caller: Caller): Promise<void> {
  if (!(await canManage(deps, trx, sectionId, caller))) {
    throw new DomainError('NOT_DOCUMENT_MANAGER', 'only the tenderer or its mandated agency manages the documents of this section');
  }
}

/** The issue period of the documents (B-009) from the section's timetable. */
export function issuePeriod(kind: DocumentKind, s: SectionSnapshot): { start: string | null; end: string | null } {
  return kind === 'tender'
    ? { start: s.timetable.documentIssueStart ?? null, end: s.timetable.documentIssueEnd ?? null }
    : { start: s.timetable.prequalificationDocumentIssueStart ?? null, end: s.timetable.prequalificationDocumentIssueEnd ?? null };
}

/** Why the document cannot be obtained now, or null when it can (issued, this round, inside the issue period). */
export function unavailableReason(doc: DocumentRecord, s: SectionSnapshot, now: Date): string | null {
  if (doc.status !== 'issued') return 'the document has not been issued';
  if (s.stage === 'terminated') return 'the tendering of this section was terminated';
  if (s.round !== doc.round) return 'this document belongs to an earlier round of the section';
  const { start, end } = issuePeriod(doc.kind, s);
  if (!start || !end) return 'the section has no document issue period';
  if (now.getTime() < Date.parse(start)) return `the documents are issued from ${start}`;
  if (now.getTime() > Date.parse(end)) return `the issue period ended at ${end}`;
  return null;
}

/** The questions deadline (B-011); when the timetable has none, 10 days before the deadline. */
export function questionsDeadline(kind: DocumentKind, s: SectionSnapshot): string | null {
  const set = kind === 'tender' ? s.timetable.questionsDeadline : s.timetable.prequalificationQuestionsDeadline;
  if (set) return set;
  const deadline = kind === 'tender' ? s.timetable.bidDeadline : s.timetable.applicationDeadline;
  return deadline ? new Date(Date.parse(deadline) - 10 * 86_400_000).toISOString() : null;
}

/** Entities that obtained the document (any version): who clarifications and site visits go to (B-013, A-78). */
export async function downloaders(db: Db, documentId: string): Promise<{ entityId: string; entityName: string }[]> {
  const rows = await tables(db)
    .selectFrom('documents.download')
    .select(['entity_id', 'entity_name'])
    .where('document_id', '=', documentId)
    .where('clarification_id', 'is', null)
    .distinctOn('entity_id')
    .orderBy('entity_id')
    .execute();
  return rows.map((r) => ({ entityId: r.entity_id, entityName: r.entity_name }));
}

/** Entities that obtained any document of the section in a round: who must hear of its termination or re-tender. */
export async function sectionDownloaders(db: Db, sectionId: string, round: number): Promise<{ entityId: string; entityName: string }[]> {
  const rows = await tables(db)
    .selectFrom('documents.download as dl')
    .innerJoin('documents.document as d', 'd.id', 'dl.document_id')
    .select(['dl.entity_id', 'dl.entity_name'])
    .where('d.section_id', '=', sectionId)
    .where('d.round', '=', round)
    .distinctOn('dl.entity_id')
    .orderBy('dl.entity_id')
    .execute();
  return rows.map((r) => ({ entityId: r.entity_id, entityName: r.entity_name }));
}
