import { randomUUID } from 'node:crypto';
import {
  evaluationMethodIssues,
  evaluationMethodShape,
  methodRegulationIssues,
  type ProcurementKindCode,
  reviewMethodIssues,
  reviewMethodShape,
  type BidStructureRequest,
  type ChapterValues,
  type DocumentCreateRequest,
  type DocumentKind,
  type DocumentListItem,
  type DocumentView,
  type EvaluationMethod,
  type ReviewMethod,
} from '@bidhall/contracts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { importedBill } from './boq/boq-store.ts';
import type { Caller } from './caller.ts';
import { type DocumentsDeps, type SectionSnapshot, tables } from './documents.deps.ts';
import {
  assertManager,
  attachmentsOf,
  canManage,
  type DocumentRecord,
  issuePeriod,
  iso,
  loadDocument,
  loadSection,
  unavailableReason,
} from './document-store.ts';
import { safeHtml } from './html.ts';
import { chapterViews, valueIssue, withSectionValues } from './section-fields.ts';
import { scopeOf, standardTemplateCode } from './standard-templates.ts';
import type { TemplateService } from './template.service.ts';

const EDITABLE_STAGES = ['registered', 'tendering'];

/**
 * A tender or prequalification document while it is prepared: created from a template (A-59, A-71),
 * chapter fields filled (A-60, A-72) and pulled from the section (A-61, A-73), the method (A-62, A-74),
 * the parts of a bid (A-63, A-75). Any edit after packaging returns the document to draft: the
 * signature covered other bytes.
 */
export function createDocumentService(deps: DocumentsDeps, templates: TemplateService) {
  async function audit(trx: Db, caller: Caller, doc: { id: string; regionCode: string }, event: string, details: Record<string, unknown> = {}) {
    return deps.audit.record(trx, caller.actor, { action: `documents.document.${event}`, targetType: 'tenderDocument', targetId: doc.id, regionCode: doc.regionCode, details });
  }

  async function create(trx: Db, req: DocumentCreateRequest, caller: Caller): Promise<string> {
    const section = await loadSection(deps, trx, req.sectionId);
    await assertManager(deps, trx, section.id, caller);
    if (!EDITABLE_STAGES.includes(section.stage)) {
      throw new DomainError('SECTION_STAGE_CONFLICT', `section ${section.code} is ${section.stage}; documents are prepared for a registered section`, { stage: section.stage });
    }
    if (req.kind === 'prequalification' && section.method !== 'prequalification') {
      throw new DomainError('TEMPLATE_NOT_APPLICABLE', `section ${section.code} is tendered without prequalification`, { method: section.method });
    }
    const template = await templates.get(trx, req.templateCode ?? standardTemplateCode(req.kind, section.kind));
    if (template.documentKind !== req.kind) {
      throw new DomainError('TEMPLATE_NOT_APPLICABLE', `template ${template.code} is for ${template.documentKind} documents`, { templateCode: template.code });
    }
    if (req.kind === 'tender' && template.scope !== scopeOf(section.kind)) {
      throw new DomainError('TEMPLATE_NOT_APPLICABLE', `template ${template.code} is for ${template.scope}; the section procures ${section.kind}`, { templateCode: template.code });
    }
    const existing = await tables(trx)
      .selectFrom('documents.document')
      .select('id')
      .where('section_id', '=', section.id)
      .where('round', '=', section.round)
      .where('kind', '=', req.kind)
      .executeTakeFirst();
    if (existing) throw new DomainError('DOCUMENT_EXISTS', `section ${section.code} already has a ${req.kind} document in round ${section.round}`, { documentId: existing.id });
    const id = randomUUID();
    const now = deps.clock.now();
    const values = withSectionValues(template.chapters, {}, section);
    await tables(trx)
      .insertInto('documents.document')
      .values({
        id,
        section_id: section.id,
        round: section.round,
        kind: req.kind,
        template_code: template.code,
        region_code: section.regionCode,
        tenderer_entity_id: section.tendererEntityId,
        status: 'draft',
        chapters: JSON.stringify(template.chapters),
        chapter_values: JSON.stringify(values),
        method: null,
        parts: JSON.stringify(template.defaultParts),
        bid_summary_fields: JSON.stringify(template.defaultBidSummaryFields),
        requires_bill_of_quantities: template.requiresBillOfQuantities && section.kind === 'works',
        version: 0,
        created_by: caller.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await audit(trx, caller, { id, regionCode: section.regionCode }, 'created', { sectionId: section.id, round: section.round, kind: req.kind, templateCode: template.code });
    return id;
  }

  /** Loads a document the caller manages, locked, and not yet issued. */
  async function editable(trx: Db, id: string, caller: Caller): Promise<{ doc: DocumentRecord; section: SectionSnapshot }> {
    const doc = await loadDocument(trx, id, { lock: true });
    await assertManager(deps, trx, doc.sectionId, caller);
    if (doc.status === 'issued') {
      throw new DomainError('DOCUMENT_NOT_EDITABLE', 'the document is issued; change it with a clarification or modification', { status: doc.status });
    }
    const section = await loadSection(deps, trx, doc.sectionId);
    if (section.round !== doc.round || section.stage === 'terminated') {
      throw new DomainError('SECTION_STAGE_CONFLICT', `section ${section.code} moved on (round ${section.round}, ${section.stage})`, { stage: section.stage });
    }
    return { doc, section };
  }

  /** Writes a change; a packaged or signed document goes back to draft. */
  async function update(trx: Db, doc: DocumentRecord, patch: Record<string, unknown>) {
    await tables(trx)
      .updateTable('documents.document')
      .set({
        ...patch,
        status: 'draft',
        version: 0,
        content_sm3: null,
        signature: null,
        signed_at: null,
        signed_by: null,
        signer_subject: null,
        signer_fingerprint: null,
        commitment_version: null,
        commitment_sm3: null,
        updated_at: deps.clock.now(),
      })
      .where('id', '=', doc.id)
      .execute();
  }

  /** Returns what cleaning the rich-text fields took out, each named with its field. */
  async function setValues(trx: Db, id: string, values: ChapterValues, caller: Caller): Promise<{ removed: string[] }> {
    const { doc, section } = await editable(trx, id, caller);
    const next: ChapterValues = structuredClone(doc.values);
    const removed: string[] = [];
    const problems: { chapter: string; field: string; message: string }[] = [];
    for (const [chapterKey, fields] of Object.entries(values)) {
      const chapter = doc.chapters.find((c) => c.key === chapterKey);
      if (!chapter) throw new DomainError('FIELD_UNKNOWN', `the document has no chapter ${chapterKey}`, { chapter: chapterKey });
      for (const [fieldKey, raw] of Object.entries(fields)) {
        const field = chapter.fields.find((x) => x.key === fieldKey);
        if (!field) throw new DomainError('FIELD_UNKNOWN', `chapter ${chapterKey} has no field ${fieldKey}`, { chapter: chapterKey, field: fieldKey });
        if (field.fromSection) {
          throw new DomainError('FIELD_FROM_SECTION', `${field.label} (${chapterKey}.${fieldKey}) comes from the section and is not edited here`, {
            chapter: chapterKey,
            field: fieldKey,
          });
        }
        let value = raw === '' ? null : raw;
        const issue = valueIssue(field, value);
        if (issue) problems.push({ chapter: chapterKey, field: fieldKey, message: `${field.label} (${chapterKey}.${fieldKey}) must be ${issue}` });
        if (value !== null && field.type === 'richText') {
          const cleaned = safeHtml(value, `${chapterKey}.${fieldKey}`);
          value = cleaned.html;
          removed.push(...cleaned.removed.map((r) => `${chapterKey}.${fieldKey}: ${r}`));
        }
        (next[chapterKey] ??= {})[fieldKey] = value;
      }
    }
    if (problems.length) throw new DomainError('FIELD_INVALID', problems.map((p) => p.message).join('; '), { fields: problems });
    await update(trx, doc, { chapter_values: JSON.stringify(withSectionValues(doc.chapters, next, section)) });
    await audit(trx, caller, doc, 'fieldsChanged', { chapters: Object.keys(values) });
    return { removed };
  }

  /** A-69: the section changed after the fields were pulled; pull them again. */
  async function syncSection(trx: Db, id: string, caller: Caller): Promise<void> {
    const { doc, section } = await editable(trx, id, caller);
    await update(trx, doc, { chapter_values: JSON.stringify(withSectionValues(doc.chapters, doc.values, section)) });
    await audit(trx, caller, doc, 'sectionSynced', {});
  }

  /** A-62 / A-74: the method as data; every refusal names the clause (B-025: and the regulation it breaks). */
  async function setMethod(trx: Db, id: string, method: unknown, caller: Caller): Promise<void> {
    const { doc, section } = await editable(trx, id, caller);
    const checked = checkMethod(doc.kind, method, section.kind);
    await update(trx, doc, { method: JSON.stringify(checked) });
    await audit(trx, caller, doc, 'methodSet', { type: checked.type });
  }

  async function setBidStructure(trx: Db, id: string, body: BidStructureRequest, caller: Caller): Promise<void> {
    const { doc } = await editable(trx, id, caller);
    if (doc.kind === 'tender') {
      const price = body.bidSummaryFields.find((x) => x.key === 'price');
      if (!price || price.type !== 'money' || !price.required) {
        throw new DomainError('DOCUMENT_PART_MISSING', 'the bidSummary of a tender document needs a required money field "price" (投标报价)', { missing: ['bidSummary.price'] });
      }
    }
    for (const x of body.bidSummaryFields) {
      if (x.type === 'select' && !x.options?.length) throw new DomainError('FIELD_INVALID', `bidSummary field ${x.key} is a select without options`, { field: x.key });
    }
    await update(trx, doc, { parts: JSON.stringify(body.parts), bid_summary_fields: JSON.stringify(body.bidSummaryFields) });
    await audit(trx, caller, doc, 'bidStructureSet', { parts: body.parts.map((p) => p.key), bidSummaryFields: body.bidSummaryFields.map((x) => x.key) });
  }

  async function view(db: Db, id: string, caller: Caller | null): Promise<DocumentView> {
    const doc = await loadDocument(db, id);
    const section = await loadSection(deps, db, doc.sectionId);
    const manager = caller ? await canManage(deps, db, doc.sectionId, caller) : false;
    // Before issue a document is the tenderer's draft: others do not learn it exists.
    if (!manager && doc.status !== 'issued') throw new DomainError('DOCUMENT_NOT_FOUND', `no tender document ${id}`);
    const period = issuePeriod(doc.kind, section);
    return {
      id: doc.id,
      sectionId: doc.sectionId,
      sectionCode: section.code,
      sectionName: section.name,
      round: doc.round,
      kind: doc.kind,
      templateCode: doc.templateCode,
      status: doc.status,
      version: doc.version,
      chapters: chapterViews(doc.chapters, doc.values),
      method: doc.method,
      methodTemplate: doc.methodTemplate,
      parts: doc.parts,
      bidSummaryFields: doc.bidSummaryFields,
      requiresBillOfQuantities: doc.requiresBillOfQuantities,
      billOfQuantities: await importedBill(db, doc.id),
      attachments: await attachmentsOf(db, doc.id),
      contentSm3: doc.contentSm3,
      signature:
        doc.signedAt && doc.signedBy && doc.commitmentSm3
          ? {
              signedAt: doc.signedAt.toISOString(),
              signedBy: doc.signedBy,
              signerSubject: doc.signerSubject ?? '',
              signerFingerprint: doc.signerFingerprint ?? '',
              commitmentVersion: doc.commitmentVersion ?? '',
              commitmentSm3: doc.commitmentSm3,
            }
          : null,
      issuedAt: iso(doc.issuedAt),
      issueStart: period.start,
      issueEnd: period.end,
      availableNow: unavailableReason(doc, section, deps.clock.now()) === null,
      canManage: manager,
      createdAt: doc.createdAt.toISOString(),
      updatedAt: doc.updatedAt.toISOString(),
    };
  }

  /** Managers see their sections' documents in any state; everyone else sees issued ones. */
  async function list(db: Db, query: { sectionId?: string; kind?: DocumentKind }, caller: Caller): Promise<DocumentListItem[]> {
    let q = tables(db).selectFrom('documents.document').select('id').orderBy('created_at', 'desc').limit(200);
    if (query.sectionId) q = q.where('section_id', '=', query.sectionId);
    if (query.kind) q = q.where('kind', '=', query.kind);
    const out: DocumentListItem[] = [];
    for (const { id } of await q.execute()) {
      try {
        const v = await view(db, id, caller);
        out.push({
          id: v.id,
          sectionId: v.sectionId,
          sectionCode: v.sectionCode,
          sectionName: v.sectionName,
          round: v.round,
          kind: v.kind,
          status: v.status,
          version: v.version,
          contentSm3: v.contentSm3,
          issuedAt: v.issuedAt,
          issueStart: v.issueStart,
          issueEnd: v.issueEnd,
          availableNow: v.availableNow,
        });
      } catch (err) {
        if (!(err instanceof DomainError && err.code === 'DOCUMENT_NOT_FOUND')) throw err;
      }
    }
    return out;
  }

  return { create, editable, update, setValues, syncSection, setMethod, setBidStructure, view, list, audit };
}

/**
 * The method fits the document kind and breaks no rule; refusals name the clause (A-62, A-74). An
 * evaluation method also fits the regulation of the section's procurement (B-025: government
 * procurement under MOF Order 87), each refusal naming the rule and its provision.
 */
export function checkMethod(kind: DocumentKind, method: unknown, procurementKind: ProcurementKindCode): EvaluationMethod | ReviewMethod {
  const shape = kind === 'tender' ? evaluationMethodShape : reviewMethodShape;
  const parsed = shape.safeParse(method);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), clause: null, message: i.message }));
    throw new DomainError(
      'EVALUATION_METHOD_INVALID',
      `not a ${kind === 'tender' ? 'evaluation' : 'review'} method: ${issues.map((i) => `${i.path || '(method)'}: ${i.message}`).join('; ')}`,
      { issues },
    );
  }
  const issues =
    kind === 'tender' ? evaluationMethodIssues(parsed.data as EvaluationMethod) : reviewMethodIssues(parsed.data as ReviewMethod);
  if (issues.length) throw new DomainError('EVALUATION_METHOD_INVALID', issues.map((i) => i.message).join('; '), { issues });
  const unlawful = kind === 'tender' ? methodRegulationIssues(parsed.data as EvaluationMethod, procurementKind) : [];
  if (unlawful.length) {
    throw new DomainError('EVALUATION_METHOD_UNLAWFUL', unlawful.map((i) => `${i.message} (${i.source})`).join('; '), { procurementKind, issues: unlawful });
  }
  return parsed.data;
}

export type DocumentService = ReturnType<typeof createDocumentService>;
