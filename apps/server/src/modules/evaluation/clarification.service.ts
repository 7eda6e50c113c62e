import { randomUUID } from 'node:crypto';
import { EVALUATION_CLARIFICATION_LIMITS, type EvaluationClarificationRequestInput, type EvaluationClarificationView } from '@bidhall/contracts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import type { ClarificationDeps } from './clarification.deps.ts';
import { clarificationNotFound } from './clarification.scopes.ts';
import { clarificationTables } from './clarification.tables.ts';
import { clarificationViewOf } from './clarification.view.ts';
import { json, tables } from './evaluation.deps.ts';
import type { EvaluatedBid } from './evaluation.tables.ts';

const OFFICERS = new Set(['staff', 'supervisor']);

/** Inside its window and not summarised: the state in which the committee asks and a bidder answers. */
export function assertWindowOpen(ev: { starts_at: Date; ends_at: Date; summary: unknown }, now: Date) {
  if (ev.summary !== null) throw new DomainError('EVALUATION_STATE_CONFLICT', 'the evaluation is summarised: nothing changes any more', { reason: 'summarised' });
  if (now < ev.starts_at || now >= ev.ends_at) {
    throw new DomainError('EVALUATION_WINDOW_CLOSED', `the evaluation window is ${ev.starts_at.toISOString()} to ${ev.ends_at.toISOString()}`, {
      startsAt: ev.starts_at.toISOString(),
      endsAt: ev.ends_at.toISOString(),
    });
  }
}

/**
 * The committee's side of clarifications (评标澄清, decision 0029): the chair asks one bid's bidder in
 * writing, inside the window, with an answer deadline inside it, and may withdraw an unanswered request;
 * members (signed in) and the region's officers read every request and answer.
 */
export function createClarificationService(deps: ClarificationDeps) {
  const { db, clock } = deps;

  async function evaluationOf(trx: Db, sectionId: string, lock = false) {
    let q = tables(trx).selectFrom('evaluation.evaluation').selectAll().where('section_id', '=', sectionId).where('sitting', '=', 'bid');
    if (lock) q = q.forUpdate();
    const ev = await q.executeTakeFirst();
    if (!ev) throw new DomainError('EVALUATION_STATE_CONFLICT', 'the evaluation of this section has not been opened', { reason: 'unopened' });
    return ev;
  }

  async function signedInMember(trx: Db, sectionId: string, caller: Caller) {
    const m = await tables(trx).selectFrom('evaluation.member').selectAll().where('section_id', '=', sectionId).where('sitting', '=', 'bid').where('user_id', '=', caller.userId).executeTakeFirst();
    if (!m) throw new DomainError('EVALUATION_NOT_MEMBER', 'you are not a member of this evaluation committee');
    if (!m.signed_in_at) throw new DomainError('EVALUATION_NOT_SIGNED_IN', 'sign in to the evaluation first, confirming your identity and no conflict');
    return m;
  }

  /** The chair, signed in, inside the window, before the summary. */
  async function chair(trx: Db, sectionId: string, caller: Caller) {
    const ev = await evaluationOf(trx, sectionId, true);
    const m = await signedInMember(trx, sectionId, caller);
    assertWindowOpen(ev, clock.now());
    if (ev.chair_member_id !== m.id) throw new DomainError('EVALUATION_NOT_CHAIR', 'only the chair sends and withdraws clarification requests on behalf of the committee');
    return { ev, m };
  }

  async function request(sectionId: string, input: EvaluationClarificationRequestInput, caller: Caller): Promise<EvaluationClarificationView> {
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      const { ev } = await chair(trx, sectionId, caller);
      const bid = json<EvaluatedBid[]>(ev.bids).find((b) => b.bidId === input.bidId);
      if (!bid) throw new DomainError('EVALUATION_CLARIFICATION_INVALID', `no bid ${input.bidId} in this evaluation`, { reason: 'bid', bidId: input.bidId });
      const now = clock.now();
      const deadline = new Date(input.deadline);
      const earliest = new Date(now.getTime() + EVALUATION_CLARIFICATION_LIMITS.minLeadMinutes * 60_000);
      if (deadline < earliest || deadline > ev.ends_at) {
        throw new DomainError('EVALUATION_CLARIFICATION_INVALID', `the answer deadline lies between ${earliest.toISOString()} and the window's end ${ev.ends_at.toISOString()}`, {
          reason: 'deadline',
          earliest: earliest.toISOString(),
          endsAt: ev.ends_at.toISOString(),
        });
      }
      const items = input.items.map((text, i) => ({ number: i + 1, text }));
      await clarificationTables(trx)
        .insertInto('evaluation.clarification')
        .values({ id, section_id: sectionId, region_code: ev.region_code, bid_id: bid.bidId, entity_id: bid.entityId, entity_name: bid.entityName, items: JSON.stringify(items), deadline, requested_by: caller.userId, requested_at: now })
        .execute();
      const section = await deps.sections.get(trx, sectionId);
      // The bidder hears of its own request only: the section, its bid, the deadline; nothing of others.
      await deps.notify(trx, {
        recipientKind: 'entity',
        recipientId: bid.entityId,
        topic: 'evaluation.clarificationRequested',
        title: `评标澄清：${section?.name ?? ''}`,
        body: `评标委员会请贵单位就本标段投标文件作出书面澄清，请于 ${deadline.toISOString()} 前在平台答复并签名。`,
        link: `/bidder/evaluation-clarifications?request=${id}`,
        dedupeKey: `evaluation.clarificationRequested:${id}`,
      });
      await deps.audit.record(trx, caller.actor, {
        action: 'evaluation.clarificationRequested',
        targetType: 'section',
        targetId: sectionId,
        regionCode: ev.region_code,
        details: { requestId: id, bidId: bid.bidId, items: items.length, deadline: deadline.toISOString() },
      });
    });
    return one(db, sectionId, id);
  }

  async function withdraw(sectionId: string, requestId: string, caller: Caller): Promise<EvaluationClarificationView> {
    await db.transaction().execute(async (trx) => {
      const { ev } = await chair(trx, sectionId, caller);
      const row = await clarificationTables(trx).selectFrom('evaluation.clarification').selectAll().where('id', '=', requestId).where('section_id', '=', sectionId).forUpdate().executeTakeFirst();
      if (!row) throw clarificationNotFound(requestId);
      if (row.answered_at) throw new DomainError('EVALUATION_CLARIFICATION_ANSWERED', 'the bidder has answered: the request stands with its answer');
      if (row.withdrawn_at) return;
      const now = clock.now();
      await clarificationTables(trx).updateTable('evaluation.clarification').set({ withdrawn_at: now, withdrawn_by: caller.userId }).where('id', '=', requestId).execute();
      const section = await deps.sections.get(trx, sectionId);
      await deps.notify(trx, {
        recipientKind: 'entity',
        recipientId: row.entity_id,
        topic: 'evaluation.clarificationWithdrawn',
        title: `评标澄清已撤回：${section?.name ?? ''}`,
        body: '评标委员会已撤回对贵单位的澄清要求，无需答复。',
        link: `/bidder/evaluation-clarifications?request=${requestId}`,
        dedupeKey: `evaluation.clarificationWithdrawn:${requestId}`,
      });
      await deps.audit.record(trx, caller.actor, { action: 'evaluation.clarificationWithdrawn', targetType: 'section', targetId: sectionId, regionCode: ev.region_code, details: { requestId, bidId: row.bid_id } });
    });
    return one(db, sectionId, requestId);
  }

  /** Officers of the section's region (the scope checked it), or a signed-in member. */
  async function reader(sectionId: string, caller: Caller) {
    if (OFFICERS.has(caller.kind)) return;
    await signedInMember(db, sectionId, caller);
  }

  async function list(sectionId: string, caller: Caller): Promise<EvaluationClarificationView[]> {
    await reader(sectionId, caller);
    const rows = await clarificationTables(db).selectFrom('evaluation.clarification').selectAll().where('section_id', '=', sectionId).orderBy('seq').execute();
    const now = clock.now();
    return rows.map((r) => clarificationViewOf(r, now));
  }

  async function one(trx: Db, sectionId: string, id: string) {
    const row = await clarificationTables(trx).selectFrom('evaluation.clarification').selectAll().where('id', '=', id).where('section_id', '=', sectionId).executeTakeFirst();
    if (!row) throw clarificationNotFound(id);
    return clarificationViewOf(row, clock.now());
  }

  /** A file of a signed answer, for members and officers. */
  async function file(sectionId: string, requestId: string, sm3: string, caller: Caller) {
    await reader(sectionId, caller);
    const view = await one(db, sectionId, requestId);
    const a = view.answer?.attachments.find((x) => x.sm3 === sm3);
    if (!a) throw new DomainError('NOT_FOUND', `the answer has no file ${sm3}`);
    return { attachment: a, ...(await deps.blobs.open(sm3)) };
  }

  return { request, withdraw, list, file };
}

export type ClarificationService = ReturnType<typeof createClarificationService>;
