import { extname } from 'node:path';
import {
  EVALUATION_CLARIFICATION_LIMITS,
  EVALUATION_CLARIFICATION_MEDIA_TYPES,
  evaluationClarificationAnswerPayload,
  evaluationClarificationAnswersForHash,
  type BidderEvaluationClarificationView,
  type EvaluationClarificationAnswerInput,
  type EvaluationClarificationAttachment,
  type EvaluationClarificationItem,
} from '@bidhall/contracts';
import { canonicalJson, publicKeyFromPem, sm3, toHex, verifyJson, type JsonSignature } from '@bidhall/crypto';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { BlobSource } from '../../platform/storage/blob-store.ts';
import type { Caller } from './caller.ts';
import type { ClarificationDeps } from './clarification.deps.ts';
import { sniffedMediaType } from './clarification-files.ts';
import { clarificationNotFound } from './clarification.scopes.ts';
import type { Selectable } from 'kysely';
import { type ClarificationTable, clarificationTables } from './clarification.tables.ts';
import { assertWindowOpen } from './clarification.service.ts';
import { attachmentOf, bidderViewOf } from './clarification.view.ts';
import { json, tables } from './evaluation.deps.ts';

/** Files uploaded for one request, signed or not: replacing a file many times is allowed up to this. */
const MAX_UPLOADS = 3 * EVALUATION_CLARIFICATION_LIMITS.attachments;

/**
 * The bidder's side (decision 0029): its own requests, files for the answer, and one answer signed with
 * its bound certificate over {action, requestId, answersSm3, attachments}, frozen once stored. Every
 * lookup is by the caller's entity too, so another bidder's request is the same 404 as none.
 */
export function createClarificationAnswers(deps: ClarificationDeps) {
  const { db, clock } = deps;

  async function own(trx: Db, id: string, caller: Caller, lock = false) {
    if (!caller.entityId) throw clarificationNotFound(id);
    let q = clarificationTables(trx).selectFrom('evaluation.clarification').selectAll().where('id', '=', id).where('entity_id', '=', caller.entityId);
    if (lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) throw clarificationNotFound(id);
    return row;
  }

  /** Still to be answered: not answered, not withdrawn, before its deadline, the evaluation open. */
  async function answerable(trx: Db, row: Selectable<ClarificationTable>) {
    if (row.answered_at) throw new DomainError('EVALUATION_CLARIFICATION_ANSWERED', 'the request was answered: the answer is frozen');
    if (row.withdrawn_at) throw new DomainError('EVALUATION_CLARIFICATION_WITHDRAWN', 'the committee withdrew this request');
    const now = clock.now();
    if (now >= row.deadline) throw new DomainError('EVALUATION_CLARIFICATION_DEADLINE_PASSED', `the answer was due by ${row.deadline.toISOString()}`, { deadline: row.deadline.toISOString() });
    const ev = await tables(trx).selectFrom('evaluation.evaluation').select(['starts_at', 'ends_at', 'summary']).where('section_id', '=', row.section_id).where('sitting', '=', 'bid').executeTakeFirstOrThrow();
    assertWindowOpen(ev, now);
    return now;
  }

  async function uploadsOf(trx: Db, id: string): Promise<EvaluationClarificationAttachment[]> {
    const rows = await clarificationTables(trx).selectFrom('evaluation.clarification_upload').selectAll().where('clarification_id', '=', id).orderBy('seq').execute();
    return rows.map(attachmentOf);
  }

  async function viewOf(trx: Db, row: Selectable<ClarificationTable>): Promise<BidderEvaluationClarificationView> {
    const section = await deps.sections.get(trx, row.section_id);
    return bidderViewOf(row, { name: section?.name ?? '', code: section?.code ?? '' }, await uploadsOf(trx, row.id), clock.now());
  }

  async function view(id: string, caller: Caller) {
    return viewOf(db, await own(db, id, caller));
  }

  /** The caller's entity's requests, newest first. */
  async function mine(caller: Caller): Promise<BidderEvaluationClarificationView[]> {
    if (!caller.entityId) return [];
    const rows = await clarificationTables(db).selectFrom('evaluation.clarification').selectAll().where('entity_id', '=', caller.entityId).orderBy('seq', 'desc').limit(200).execute();
    const out: BidderEvaluationClarificationView[] = [];
    for (const r of rows) out.push(await viewOf(db, r));
    return out;
  }

  /** Refused before a byte is stored when the request is closed; the bytes must be what the name says. */
  async function upload(id: string, input: { name: string; body: BlobSource }, caller: Caller): Promise<EvaluationClarificationAttachment> {
    await answerable(db, await own(db, id, caller));
    const mediaType = EVALUATION_CLARIFICATION_MEDIA_TYPES[extname(input.name).toLowerCase() as keyof typeof EVALUATION_CLARIFICATION_MEDIA_TYPES];
    if (!mediaType) throw new DomainError('EVALUATION_CLARIFICATION_ATTACHMENT_INVALID', 'attach PDF files or images (JPEG, PNG)', { name: input.name });
    const stored = await deps.blobs.put(input.body, { maxBytes: EVALUATION_CLARIFICATION_LIMITS.attachmentBytes });
    if ((await sniffedMediaType(deps.blobs, stored.sm3)) !== mediaType) {
      throw new DomainError('EVALUATION_CLARIFICATION_ATTACHMENT_INVALID', `the file's content is not ${mediaType}`, { name: input.name, mediaType });
    }
    return db.transaction().execute(async (trx) => {
      const row = await own(trx, id, caller, true);
      const now = await answerable(trx, row);
      const count = (await uploadsOf(trx, id)).length;
      if (count >= MAX_UPLOADS) throw new DomainError('EVALUATION_CLARIFICATION_INVALID', `at most ${MAX_UPLOADS} files per request`, { reason: 'uploads', max: MAX_UPLOADS });
      const values = { clarification_id: id, sm3: stored.sm3, name: input.name, media_type: mediaType, size: stored.size, uploaded_by: caller.userId, uploaded_at: now };
      await clarificationTables(trx)
        .insertInto('evaluation.clarification_upload')
        .values(values)
        .onConflict((oc) => oc.columns(['clarification_id', 'sm3']).doUpdateSet({ name: input.name, uploaded_at: now }))
        .execute();
      await deps.audit.record(trx, caller.actor, { action: 'evaluation.clarificationFileUploaded', targetType: 'section', targetId: row.section_id, regionCode: row.region_code, details: { requestId: id, sm3: stored.sm3, size: stored.size, mediaType } });
      return attachmentOf(values);
    });
  }

  async function answer(id: string, input: EvaluationClarificationAnswerInput, caller: Caller): Promise<BidderEvaluationClarificationView> {
    await db.transaction().execute(async (trx) => {
      const row = await own(trx, id, caller, true);
      const now = await answerable(trx, row);
      const numbers = json<EvaluationClarificationItem[]>(row.items).map((i) => i.number);
      const given = input.answers.map((a) => a.number);
      if (given.length !== new Set(given).size || given.length !== numbers.length || !numbers.every((n) => given.includes(n))) {
        throw new DomainError('EVALUATION_CLARIFICATION_INVALID', `answer each of the ${numbers.length} items once`, { reason: 'answers', items: numbers, answered: given });
      }
      if (input.attachments.length !== new Set(input.attachments).size) throw new DomainError('EVALUATION_CLARIFICATION_INVALID', 'a file is listed twice', { reason: 'attachment' });
      const uploads = await uploadsOf(trx, id);
      const attachments = input.attachments.map((s) => {
        const u = uploads.find((x) => x.sm3 === s);
        if (!u) throw new DomainError('EVALUATION_CLARIFICATION_INVALID', `no file ${s} was uploaded for this request`, { reason: 'attachment', sm3: s });
        return u;
      });
      const cert = await deps.boundCertificate(trx, row.entity_id, input.certificatePem);
      const answers = evaluationClarificationAnswersForHash(input.answers);
      const answersSm3 = toHex(sm3(canonicalJson(answers)));
      let ok: boolean;
      try {
        ok = verifyJson(evaluationClarificationAnswerPayload(id, answersSm3, input.attachments), input.signature as JsonSignature, publicKeyFromPem(cert.publicKeyPem));
      } catch {
        ok = false;
      }
      if (!ok) throw new DomainError('EVALUATION_CLARIFICATION_SIGNATURE_INVALID', 'the signature is not over these answers and files by a certificate bound to your entity', { answersSm3 });
      await clarificationTables(trx)
        .updateTable('evaluation.clarification')
        .set({
          answers: JSON.stringify(answers),
          answers_sm3: answersSm3,
          attachments: JSON.stringify(attachments),
          answered_by: caller.userId,
          answered_at: now,
          certificate_fingerprint: cert.fingerprint,
          signature: JSON.stringify(input.signature),
        })
        .where('id', '=', id)
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: 'evaluation.clarificationAnswered',
        targetType: 'section',
        targetId: row.section_id,
        regionCode: row.region_code,
        details: { requestId: id, bidId: row.bid_id, answersSm3, attachments: input.attachments, certificateFingerprint: cert.fingerprint, signature: input.signature },
      });
      const section = await deps.sections.get(trx, row.section_id);
      const members = await tables(trx).selectFrom('evaluation.member').select('user_id').where('section_id', '=', row.section_id).where('sitting', '=', 'bid').execute();
      for (const m of members) {
        await deps.notify(trx, {
          recipientKind: 'user',
          recipientId: m.user_id,
          topic: 'evaluation.clarificationAnswered',
          title: `澄清答复：${section?.name ?? ''}`,
          body: `${row.entity_name} 已答复评标委员会的澄清要求。`,
          dedupeKey: `evaluation.clarificationAnswered:${id}:${m.user_id}`,
        });
      }
    });
    return view(id, caller);
  }

  /** A file the bidder uploaded for this request (to check what it is about to sign). */
  async function file(id: string, sm3hex: string, caller: Caller) {
    const row = await own(db, id, caller);
    const u = (await uploadsOf(db, row.id)).find((x) => x.sm3 === sm3hex);
    if (!u) throw new DomainError('NOT_FOUND', `no file ${sm3hex} for this request`);
    return { attachment: u, ...(await deps.blobs.open(sm3hex)) };
  }

  return { view, mine, upload, answer, file };
}

export type ClarificationAnswers = ReturnType<typeof createClarificationAnswers>;
