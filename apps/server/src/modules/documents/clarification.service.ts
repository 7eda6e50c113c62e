import { randomUUID } from 'node:crypto';
import type { ClarificationView, DeadlineEffectView } from '@bidhall/contracts';
import { canonicalJson, sm3, toHex } from '@bidhall/crypto';
import { formatShanghaiDateTime } from '@bidhall/rules';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import { type DocumentsDeps, tables } from './documents.deps.ts';
import { assertManager, canManage, downloaders, json, loadDocument, loadSection } from './document-store.ts';
import { escapeHtml, safeHtml } from './html.ts';
import type { DocumentManifest } from './manifest.ts';
import type { PackageService } from './package.service.ts';

type ClarificationRow = Awaited<ReturnType<typeof loadRow>>;

async function loadRow(db: Db, id: string, lock = false) {
  let q = tables(db).selectFrom('documents.clarification').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new DomainError('CLARIFICATION_NOT_FOUND', `no clarification ${id}`);
  return row;
}

const label = (kind: string, n: number) => `第${n}次${kind === 'modification' ? '修改' : '澄清'}`;

/**
 * Clarifications and modifications (A-82…A-86, B-012…B-015). Issuing one is a single transaction: it is
 * numbered (第1次, 第2次 … A-83), becomes a new version of the document (B-015), lets the section move
 * its deadline when it comes less than 15 days before it (B-012), is published prominently in every
 * medium (B-014) and notifies every entity that obtained the documents (B-013, A-84).
 */
export function createClarificationService(deps: DocumentsDeps, packages: PackageService) {
  async function managed(trx: Db, id: string, caller: Caller, lock = false) {
    const row = await loadRow(trx, id, lock);
    const doc = await loadDocument(trx, row.document_id, { lock });
    await assertManager(deps, trx, doc.sectionId, caller);
    return { row, doc };
  }

  async function create(
    trx: Db,
    documentId: string,
    body: { kind: 'clarification' | 'modification'; title: string; bodyHtml: string; questionIds?: string[] },
    caller: Caller,
  ): Promise<{ id: string; removed: string[] }> {
    const doc = await loadDocument(trx, documentId);
    await assertManager(deps, trx, doc.sectionId, caller);
    if (doc.status !== 'issued') throw new DomainError('DOCUMENT_STATE_CONFLICT', 'clarifications are for issued documents; edit a draft directly', { status: doc.status });
    await assertQuestions(trx, documentId, body.questionIds ?? []);
    const id = randomUUID();
    const cleaned = safeHtml(body.bodyHtml, 'bodyHtml');
    await tables(trx)
      .insertInto('documents.clarification')
      .values({
        id,
        document_id: doc.id,
        section_id: doc.sectionId,
        round: doc.round,
        kind: body.kind,
        title: body.title,
        body_html: cleaned.html,
        question_ids: JSON.stringify(body.questionIds ?? []),
        status: 'draft',
        created_by: caller.userId,
        created_at: deps.clock.now(),
      })
      .execute();
    await deps.audit.record(trx, caller.actor, { action: 'documents.clarification.created', targetType: 'clarification', targetId: id, regionCode: doc.regionCode, details: { documentId } });
    return { id, removed: cleaned.removed };
  }

  async function assertQuestions(trx: Db, documentId: string, ids: string[]) {
    if (!ids.length) return;
    const rows = await tables(trx).selectFrom('documents.question').select('id').where('document_id', '=', documentId).where('id', 'in', ids).execute();
    const known = new Set(rows.map((r) => r.id));
    const unknown = ids.filter((x) => !known.has(x));
    if (unknown.length) throw new DomainError('QUESTION_NOT_FOUND', `not questions on this document: ${unknown.join(', ')}`, { questionIds: unknown });
  }

  async function update(
    trx: Db,
    id: string,
    body: { kind?: 'clarification' | 'modification'; title?: string; bodyHtml?: string; questionIds?: string[] },
    caller: Caller,
  ): Promise<{ removed: string[] }> {
    const { row, doc } = await managed(trx, id, caller, true);
    if (row.status !== 'draft') throw new DomainError('CLARIFICATION_NOT_EDITABLE', `${label(row.kind, row.number ?? 0)} is issued; issue another one`);
    if (body.questionIds) await assertQuestions(trx, doc.id, body.questionIds);
    const cleaned = body.bodyHtml ? safeHtml(body.bodyHtml, 'bodyHtml') : null;
    await tables(trx)
      .updateTable('documents.clarification')
      .set({
        ...(body.kind ? { kind: body.kind } : {}),
        ...(body.title ? { title: body.title } : {}),
        ...(cleaned ? { body_html: cleaned.html } : {}),
        ...(body.questionIds ? { question_ids: JSON.stringify(body.questionIds) } : {}),
      })
      .where('id', '=', id)
      .execute();
    await deps.audit.record(trx, caller.actor, { action: 'documents.clarification.changed', targetType: 'clarification', targetId: id, regionCode: doc.regionCode, details: {} });
    return { removed: cleaned?.removed ?? [] };
  }

  async function remove(trx: Db, id: string, caller: Caller): Promise<void> {
    const { row, doc } = await managed(trx, id, caller, true);
    if (row.status !== 'draft') throw new DomainError('CLARIFICATION_NOT_EDITABLE', 'an issued clarification stays part of the document');
    await tables(trx).deleteFrom('documents.clarification').where('id', '=', id).execute();
    await deps.audit.record(trx, caller.actor, { action: 'documents.clarification.deleted', targetType: 'clarification', targetId: id, regionCode: doc.regionCode, details: {} });
  }

  /** B-012 before issuing: what issuing this draft now would do to the deadline, on server time. */
  async function previewEffect(db: Db, id: string, caller: Caller): Promise<DeadlineEffectView> {
    const { row, doc } = await managed(db, id, caller);
    if (row.status !== 'draft') throw new DomainError('CLARIFICATION_NOT_EDITABLE', `${label(row.kind, row.number ?? 0)} is issued; its effect is on it`);
    if (doc.status !== 'issued') throw new DomainError('DOCUMENT_STATE_CONFLICT', 'the document is not issued', { status: doc.status });
    const issuedAt = deps.clock.now().toISOString();
    return { ...(await deps.sections.previewClarification(db, doc.sectionId, { issuedAt, documents: doc.kind })), issuedAt };
  }

  async function issue(trx: Db, id: string, caller: Caller): Promise<ClarificationView> {
    const { row, doc } = await managed(trx, id, caller, true);
    if (row.status !== 'draft') throw new DomainError('CLARIFICATION_NOT_EDITABLE', 'this clarification is already issued');
    if (doc.status !== 'issued') throw new DomainError('DOCUMENT_STATE_CONFLICT', 'the document is not issued', { status: doc.status });
    const section = await loadSection(deps, trx, doc.sectionId);
    if (section.round !== doc.round || section.stage === 'terminated') {
      throw new DomainError('SECTION_STAGE_CONFLICT', `section ${section.code} is ${section.stage} in round ${section.round}`, { stage: section.stage });
    }
    // Whether the deadline moves is decided against this clock (B-012, F-07).
    deps.timeGuard.assertTrusted(`issuing a ${row.kind}`);
    const now = deps.clock.now();
    const last = await tables(trx).selectFrom('documents.clarification').select((eb) => eb.fn.max('number').as('n')).where('document_id', '=', doc.id).executeTakeFirst();
    const number = Number(last?.n ?? 0) + 1;
    const name = label(row.kind, number);

    // B-012: the section decides whether the deadline moves, and moves it.
    const effect = await deps.sections.applyClarification(trx, section.id, { issuedAt: now.toISOString(), documents: doc.kind }, caller.actor);
    const deadlineWord = doc.kind === 'tender' ? '投标截止时间（开标时间）' : '资格预审申请截止时间';
    const deadlineNote =
      effect.status === 'deadlineMoves' && effect.newDeadline
        ? `本次${name.slice(-2)}发出时间距${deadlineWord}不足法定期限，${deadlineWord}顺延至 ${formatShanghaiDateTime(new Date(effect.newDeadline))}（原定 ${effect.deadline ? formatShanghaiDateTime(new Date(effect.deadline)) : '—'}）。`
        : null;

    const questions = await answeredQuestions(trx, doc.id, json<string[]>(row.question_ids));
    const bodyHtml =
      row.body_html +
      (questions.length
        ? `<h3>问题与答复</h3><ol>${questions.map((q) => `<li><p>${escapeHtml(q.text)}</p><p>${escapeHtml(q.answer ?? '')}</p></li>`).join('')}</ol>`
        : '') +
      (deadlineNote ? `<p><strong>${escapeHtml(deadlineNote)}</strong></p>` : '');

    const content = {
      format: 'bidhall.clarification/1',
      clarificationId: row.id,
      documentId: doc.id,
      sectionId: section.id,
      sectionCode: section.code,
      round: doc.round,
      number,
      label: name,
      kind: row.kind,
      title: row.title,
      bodyHtml,
      // Questions without their askers: the text and the answer only.
      questions: questions.map((q) => ({ number: q.number, text: q.text, answer: q.answer })),
      deadline: { status: effect.status, previous: effect.deadline, current: effect.newDeadline ?? effect.deadline },
      issuedAt: now.toISOString(),
    };
    const contentBytes = canonicalJson(content);
    const contentSm3 = toHex(sm3(contentBytes));

    // B-015: the clarification becomes part of the document as its next version.
    const current = await packages.manifestOf(trx, doc);
    const base = JSON.parse(current.bytes.toString('utf8')) as DocumentManifest;
    const signedVersion = await tables(trx).selectFrom('documents.document_version').select('content_sm3').where('document_id', '=', doc.id).where('version', '=', 1).executeTakeFirstOrThrow();
    const version = doc.version + 1;
    const manifest: DocumentManifest = {
      ...base,
      version,
      signedVersionSm3: signedVersion.content_sm3,
      clarifications: [...(base.clarifications ?? []), { number, kind: row.kind, title: row.title, contentSm3, issuedAt: now.toISOString() }],
    };
    const manifestBytes = canonicalJson(manifest);
    const manifestSm3 = toHex(sm3(manifestBytes));
    await tables(trx)
      .insertInto('documents.document_version')
      .values({ document_id: doc.id, version, manifest: Buffer.from(manifestBytes).toString('utf8'), content_sm3: manifestSm3, clarification_id: row.id, created_at: now })
      .execute();
    await tables(trx).updateTable('documents.document').set({ version, content_sm3: manifestSm3, updated_at: now }).where('id', '=', doc.id).execute();

    // B-014: announced prominently, in every medium at once.
    const publication = await deps.publish(trx, {
      type: 'clarification',
      sourceId: row.id,
      sectionIds: [section.id],
      regionCode: section.regionCode,
      category: section.category,
      title: `${section.name}${doc.kind === 'tender' ? '招标文件' : '资格预审文件'}${name}：${row.title}`,
      bodyHtml,
      prominent: true,
      publishedAt: now.toISOString(),
      round: doc.round,
      links: { documents: `/api/v1/tender-documents/${doc.id}` },
    });
    const { logIndex } = await deps.audit.record(trx, caller.actor, {
      action: 'documents.clarification.issued',
      targetType: 'clarification',
      targetId: row.id,
      regionCode: doc.regionCode,
      details: { documentId: doc.id, number, contentSm3, documentVersion: version, documentSm3: manifestSm3, deadline: content.deadline, publicationId: publication.publicationId },
    });
    await tables(trx)
      .updateTable('documents.clarification')
      .set({
        status: 'issued',
        number,
        body_html: bodyHtml,
        content: Buffer.from(contentBytes).toString('utf8'),
        content_sm3: contentSm3,
        document_version: version,
        deadline_status: effect.status,
        previous_deadline: effect.deadline ? new Date(effect.deadline) : null,
        current_deadline: effect.newDeadline ? new Date(effect.newDeadline) : effect.deadline ? new Date(effect.deadline) : null,
        publication_id: publication.publicationId,
        log_index: logIndex,
        issued_at: now,
        issued_by: caller.userId,
      })
      .where('id', '=', row.id)
      .execute();

    // A-99: bidders whose sealed bids answer an earlier version confirm or replace them.
    await deps.onClarificationIssued?.(trx, { sectionId: section.id, documentId: doc.id, documentVersion: version, documentSm3: manifestSm3 });

    // B-013, A-84: everyone who obtained the documents is told, with the new deadline when it moved.
    for (const d of await downloaders(trx, doc.id)) {
      await deps.notify(trx, {
        recipientKind: 'entity',
        recipientId: d.entityId,
        topic: 'clarification',
        title: `${section.name}：招标文件${name}${deadlineNote ? '（截止时间顺延）' : ''}`,
        body: `${row.title}${deadlineNote ? `。${deadlineNote}` : ''}`,
        link: `/workspace/clarifications/${row.id}`,
        dedupeKey: `documents.clarification:${row.id}:${d.entityId}`,
      });
    }
    return view(trx, row.id, caller);
  }

  async function answeredQuestions(trx: Db, documentId: string, ids: string[]) {
    if (!ids.length) return [];
    return tables(trx).selectFrom('documents.question').select(['number', 'text', 'answer']).where('document_id', '=', documentId).where('id', 'in', ids).orderBy('number').execute();
  }

  function toView(r: ClarificationRow): ClarificationView {
    return {
      id: r.id,
      documentId: r.document_id,
      sectionId: r.section_id,
      round: r.round,
      kind: r.kind as ClarificationView['kind'],
      number: r.number,
      label: r.number === null ? null : label(r.kind, r.number),
      title: r.title,
      bodyHtml: r.body_html,
      questionIds: json<string[]>(r.question_ids),
      status: r.status as ClarificationView['status'],
      issuedAt: r.issued_at ? r.issued_at.toISOString() : null,
      documentVersion: r.document_version,
      contentSm3: r.content_sm3,
      deadline: r.deadline_status
        ? {
            status: r.deadline_status as 'inTime' | 'deadlineMoves' | 'noDeadline',
            previous: r.previous_deadline ? r.previous_deadline.toISOString() : null,
            current: r.current_deadline ? r.current_deadline.toISOString() : null,
          }
        : null,
      publicationId: r.publication_id,
      logIndex: r.log_index === null ? null : Number(r.log_index),
      createdAt: r.created_at.toISOString(),
    };
  }

  /** Drafts are the manager's; issued ones anyone logged in may read. */
  async function view(db: Db, id: string, caller: Caller): Promise<ClarificationView> {
    const row = await loadRow(db, id);
    if (row.status !== 'issued') {
      const doc = await loadDocument(db, row.document_id);
      if (!(await canManage(deps, db, doc.sectionId, caller))) throw new DomainError('CLARIFICATION_NOT_FOUND', `no clarification ${id}`);
    }
    return toView(row);
  }

  async function list(db: Db, documentId: string, caller: Caller): Promise<ClarificationView[]> {
    const doc = await loadDocument(db, documentId);
    const manager = await canManage(deps, db, doc.sectionId, caller);
    if (!manager && doc.status !== 'issued') throw new DomainError('DOCUMENT_NOT_FOUND', `no tender document ${documentId}`);
    const rows = await tables(db).selectFrom('documents.clarification').selectAll().where('document_id', '=', documentId).orderBy('created_at').execute();
    return rows.filter((r) => manager || r.status === 'issued').map(toView);
  }

  /** The exact bytes whose SM3 the receipt and the document version carry (A-85). */
  async function content(db: Db, id: string): Promise<{ bytes: Buffer; contentSm3: string }> {
    const row = await loadRow(db, id);
    if (row.status !== 'issued' || !row.content || !row.content_sm3) throw new DomainError('CLARIFICATION_NOT_FOUND', `no issued clarification ${id}`);
    return { bytes: Buffer.from(row.content, 'utf8'), contentSm3: row.content_sm3 };
  }

  return { create, update, remove, previewEffect, issue, view, list, content };
}

export type ClarificationService = ReturnType<typeof createClarificationService>;
