import { randomUUID } from 'node:crypto';
import type { QuestionView } from '@bidhall/contracts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import { type DocumentsDeps, tables } from './documents.deps.ts';
import { assertManager, canManage, downloaders, loadDocument, loadSection, questionsDeadline } from './document-store.ts';
import type { DownloadService } from './download.service.ts';

/**
 * Questions on the documents (A-80, A-81, B-011): bidders who obtained them ask before the questions
 * deadline; the tenderer answers. Other bidders see the question and the answer, never who asked.
 */
export function createQuestionService(deps: DocumentsDeps, downloads: DownloadService) {
  async function ask(trx: Db, documentId: string, text: string, caller: Caller): Promise<QuestionView> {
    if (!caller.entity) throw new DomainError('FORBIDDEN', 'questions are asked for an entity');
    const doc = await loadDocument(trx, documentId, { lock: true });
    if (doc.status !== 'issued') throw new DomainError('DOCUMENT_NOT_FOUND', `no tender document ${documentId}`);
    if (!(await downloads.hasDownloaded(trx, documentId, caller.entity.id))) {
      throw new DomainError('DOWNLOAD_REQUIRED', 'questions come from those who obtained the documents; download them first (free)');
    }
    const section = await loadSection(deps, trx, doc.sectionId);
    const deadline = questionsDeadline(doc.kind, section);
    const now = deps.clock.now();
    if (deadline && now.getTime() > Date.parse(deadline)) {
      throw new DomainError('QUESTIONS_CLOSED', `questions on these documents closed at ${deadline}`, { deadline });
    }
    const last = await tables(trx)
      .selectFrom('documents.question')
      .select((eb) => eb.fn.max('number').as('n'))
      .where('document_id', '=', documentId)
      .executeTakeFirst();
    const id = randomUUID();
    const number = Number(last?.n ?? 0) + 1;
    await tables(trx)
      .insertInto('documents.question')
      .values({
        id,
        document_id: documentId,
        number,
        text,
        asked_by_entity_id: caller.entity.id,
        asked_by_entity_name: caller.entity.name,
        asked_by_user_id: caller.userId,
        asked_at: now,
      })
      .execute();
    await deps.audit.record(trx, caller.actor, {
      action: 'documents.question.asked',
      targetType: 'tenderDocument',
      targetId: documentId,
      regionCode: doc.regionCode,
      // The asker stays in the audit row (an auditor may read it), not in anything other bidders see.
      details: { questionId: id, number, entityId: caller.entity.id },
    });
    await deps.notify(trx, {
      recipientKind: 'entity',
      recipientId: doc.tendererEntityId,
      topic: 'documentQuestion',
      title: `招标文件收到第${number}个问题`,
      body: `标段 ${section.code} ${section.name}：${text.slice(0, 200)}`,
      link: `/workspace/tender-documents/${documentId}/questions`,
    });
    return (await list(trx, documentId, caller)).find((q) => q.id === id)!;
  }

  async function answer(trx: Db, questionId: string, text: string, caller: Caller): Promise<QuestionView> {
    const q = await tables(trx).selectFrom('documents.question').selectAll().where('id', '=', questionId).forUpdate().executeTakeFirst();
    if (!q) throw new DomainError('QUESTION_NOT_FOUND', `no question ${questionId}`);
    const doc = await loadDocument(trx, q.document_id);
    await assertManager(deps, trx, doc.sectionId, caller);
    if (q.answer !== null) throw new DomainError('QUESTION_ALREADY_ANSWERED', `question ${q.number} was answered; a change goes out as a clarification`);
    const now = deps.clock.now();
    await tables(trx).updateTable('documents.question').set({ answer: text, answered_by: caller.userId, answered_at: now }).where('id', '=', questionId).execute();
    await deps.audit.record(trx, caller.actor, {
      action: 'documents.question.answered',
      targetType: 'tenderDocument',
      targetId: doc.id,
      regionCode: doc.regionCode,
      details: { questionId, number: q.number },
    });
    // Everyone who obtained the documents learns the answer exists; nobody learns who asked.
    for (const d of await downloaders(trx, doc.id)) {
      await deps.notify(trx, {
        recipientKind: 'entity',
        recipientId: d.entityId,
        topic: 'documentAnswer',
        title: `招标文件第${q.number}个问题已答复`,
        body: q.text.slice(0, 200),
        link: `/workspace/tender-documents/${doc.id}/questions`,
        dedupeKey: `documents.answer:${questionId}:${d.entityId}`,
      });
    }
    return (await list(trx, doc.id, caller)).find((x) => x.id === questionId)!;
  }

  /** Managers see every question with its asker; a bidder sees its own and the answered ones, anonymously. */
  async function list(db: Db, documentId: string, caller: Caller): Promise<QuestionView[]> {
    const doc = await loadDocument(db, documentId);
    const manager = await canManage(deps, db, doc.sectionId, caller);
    if (!manager && doc.status !== 'issued') throw new DomainError('DOCUMENT_NOT_FOUND', `no tender document ${documentId}`);
    const rows = await tables(db).selectFrom('documents.question').selectAll().where('document_id', '=', documentId).orderBy('number').execute();
    return rows
      .map((r) => {
        const mine = caller.entity?.id === r.asked_by_entity_id;
        return {
          id: r.id,
          documentId: r.document_id,
          number: r.number,
          text: r.text,
          askedAt: r.asked_at.toISOString(),
          askedByEntityId: manager || mine ? r.asked_by_entity_id : null,
          askedByEntityName: manager || mine ? r.asked_by_entity_name : null,
          mine,
          answer: r.answer,
          answeredAt: r.answered_at ? r.answered_at.toISOString() : null,
        };
      })
      .filter((q) => manager || q.mine || q.answer !== null);
  }

  return { ask, answer, list };
}

export type QuestionService = ReturnType<typeof createQuestionService>;
