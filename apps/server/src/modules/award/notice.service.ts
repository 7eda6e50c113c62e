import { randomUUID } from 'node:crypto';
import {
  awardNoticesSigningPayload,
  type AwardNoticeInput,
  type AwardNoticeVerification,
  type AwardNoticeView,
  type SectionSnapshotView,
} from '@bidhall/contracts';
import { publicKeyFromPem, verifyJson, type JsonSignature } from '@bidhall/crypto';
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type AwardDeps, tables } from './award.deps.ts';
import type { DecisionTable, LetterTable, NoticeTable } from './award.tables.ts';
import type { DecisionService } from './decision.service.ts';
import { contentSm3, defaultReason, noticeContent, resultNoticeHtml } from './notice-content.ts';
import type { Caller } from './publicity.service.ts';
import { sectionAccess } from './section-access.ts';
import type { SeparatedAwardService } from './separated.service.ts';

type Notice = Selectable<NoticeTable>;
type Decision = Selectable<DecisionTable>;
type Letter = Selectable<LetterTable>;

/**
 * 中标通知书 and 中标结果通知书 (A-169…A-175): after the decision the tenderer drafts the result notice and
 * one letter per evaluated bid, each with its reasons (started from the evaluation), signs the SM3 of
 * the whole with its bound certificate and submits; staff of the region verify (the verifier recorded).
 * Approved, the result notice is published and pushed, the letters are issued to the bidders'
 * workspaces and pushed, and the losers' bid bonds are requested back.
 */
export function createNoticeService(deps: AwardDeps, decisions: DecisionService, separated: SeparatedAwardService) {
  const { db, clock } = deps;
  const access = sectionAccess(deps);

  async function loaded(trx: Db, sectionId: string, lock = false) {
    const section = await access.section(trx, sectionId);
    const decision = await decisions.current(trx, section);
    if (!decision) throw new DomainError('AWARD_NOT_DECIDED', 'no winner decided yet');
    let q = tables(trx).selectFrom('award.notice').selectAll().where('decision_id', '=', decision.id);
    if (lock) q = q.forUpdate();
    const notice = await q.executeTakeFirst();
    const letters = notice ? await lettersOf(trx, notice.id) : [];
    return { section, decision, notice, letters };
  }

  async function lettersOf(trx: Db, noticeId: string): Promise<Letter[]> {
    return tables(trx).selectFrom('award.letter').selectAll().where('notice_id', '=', noticeId).orderBy('kind').orderBy('rank').orderBy('entity_name').execute();
  }

  /** The first draft: one letter per evaluated bid with the reasons the evaluation gives. */
  async function create(trx: Db, section: SectionSnapshotView, decision: Decision, caller: Caller): Promise<Notice> {
    const result = await deps.result(trx, section.id);
    if (!result) throw new DomainError('AWARD_NOT_DECIDED', 'the evaluation result is not available');
    const now = clock.now();
    const notice: Notice = {
      id: randomUUID(),
      decision_id: decision.id,
      section_id: section.id,
      round: section.round,
      region_code: section.regionCode,
      state: 'draft',
      remarks: '',
      content_sm3: null,
      signature: null,
      certificate_fingerprint: null,
      signed_by: null,
      signed_at: null,
      submitted_at: null,
      rejection: null,
      verified_by: null,
      verified_at: null,
      publication_id: null,
      drafted_by: caller.userId,
      drafted_at: now,
      updated_at: now,
    };
    await tables(trx).insertInto('award.notice').values(notice).execute();
    const rows = result.bids.map((b) => ({
      id: randomUUID(),
      notice_id: notice.id,
      section_id: section.id,
      bid_id: b.bidId,
      entity_id: b.entityId,
      entity_name: b.entityName,
      kind: b.bidId === decision.bid_id ? ('award' as const) : ('result' as const),
      rank: b.rank,
      reason: defaultReason(b, decision, section),
      issued_at: null,
      read_at: null,
    }));
    if (rows.length > 0) await tables(trx).insertInto('award.letter').values(rows).execute();
    return notice;
  }

  /** the tenderer edits the remarks and confirms each letter's reasons while the notices are a draft. */
  async function save(sectionId: string, input: AwardNoticeInput, caller: Caller): Promise<AwardNoticeView> {
    await db.transaction().execute(async (trx) => {
      const l = await loaded(trx, sectionId, true);
      await access.assertManager(trx, l.section, caller, 'only the tenderer or its mandated agency drafts the award notices');
      if (l.notice && l.notice.state !== 'draft') {
        throw new DomainError('AWARD_NOTICE_STATE_CONFLICT', `the notices are ${l.notice.state}`, { state: l.notice.state });
      }
      const notice = l.notice ?? (await create(trx, l.section, l.decision, caller));
      const letters = l.notice ? l.letters : await lettersOf(trx, notice.id);
      const known = new Set(letters.map((x) => x.bid_id));
      const unknown = input.letters.find((x) => !known.has(x.bidId));
      if (unknown) throw new DomainError('AWARD_NOTICE_INVALID', `bid ${unknown.bidId} was not evaluated in this section`, { bidId: unknown.bidId });
      for (const x of input.letters) {
        await tables(trx).updateTable('award.letter').set({ reason: x.reason }).where('notice_id', '=', notice.id).where('bid_id', '=', x.bidId).execute();
      }
      await tables(trx).updateTable('award.notice').set({ remarks: input.remarks, rejection: null, updated_at: clock.now() }).where('id', '=', notice.id).execute();
      await deps.audit.record(trx, caller.actor, {
        action: l.notice ? 'award.notice.edited' : 'award.notice.drafted',
        targetType: 'section',
        targetId: sectionId,
        regionCode: l.section.regionCode,
        details: { noticeId: notice.id, reasonsEdited: input.letters.map((x) => x.bidId) },
      });
    });
    return view(sectionId);
  }

  /** A-172, A-174: signed over the notices' SM3 by the caller's entity's bound certificate, then submitted for verification. */
  async function submit(sectionId: string, body: { certificatePem: string; signature: unknown }, caller: Caller): Promise<AwardNoticeView> {
    await db.transaction().execute(async (trx) => {
      const l = await loaded(trx, sectionId, true);
      const entityId = await access.assertManager(trx, l.section, caller, 'only the tenderer or its mandated agency submits the award notices');
      if (!l.notice) throw new DomainError('AWARD_NOTICE_NOT_FOUND', 'no award notices drafted');
      if (l.notice.state !== 'draft') throw new DomainError('AWARD_NOTICE_STATE_CONFLICT', `the notices are ${l.notice.state}`, { state: l.notice.state });
      const sm3 = contentSm3(noticeContent(l.section, l.decision, l.notice.remarks, l.letters));
      const cert = await deps.boundCertificate(trx, entityId, body.certificatePem);
      if (!verifyJson(awardNoticesSigningPayload(sectionId, l.section.round, sm3), body.signature as JsonSignature, publicKeyFromPem(cert.publicKeyPem))) {
        throw new DomainError('AWARD_NOTICE_SIGNATURE_INVALID', 'the signature is not over these notices by a certificate bound to the caller’s entity', { contentSm3: sm3 });
      }
      const now = clock.now();
      await tables(trx)
        .updateTable('award.notice')
        .set({ state: 'pendingVerification', content_sm3: sm3, signature: JSON.stringify(body.signature), certificate_fingerprint: cert.fingerprint, signed_by: caller.userId, signed_at: now, submitted_at: now, updated_at: now })
        .where('id', '=', l.notice.id)
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: 'award.notice.submitted',
        targetType: 'section',
        targetId: sectionId,
        regionCode: l.section.regionCode,
        details: { noticeId: l.notice.id, contentSm3: sm3, certificateFingerprint: cert.fingerprint, signature: body.signature },
      });
    });
    return view(sectionId);
  }

  /** staff verify; approved, the notices are issued, published and pushed. */
  async function verify(sectionId: string, input: AwardNoticeVerification, caller: Caller): Promise<AwardNoticeView> {
    await db.transaction().execute(async (trx) => {
      const l = await loaded(trx, sectionId, true);
      if (!l.notice) throw new DomainError('AWARD_NOTICE_NOT_FOUND', 'no award notices drafted');
      if (l.notice.state !== 'pendingVerification') throw new DomainError('AWARD_NOTICE_STATE_CONFLICT', `the notices are ${l.notice.state}`, { state: l.notice.state });
      const now = clock.now();
      if (input.decision === 'reject') {
        // Back to a draft: the signature was over what staff refused, so it goes too.
        await tables(trx)
          .updateTable('award.notice')
          .set({ state: 'draft', rejection: input.reason, content_sm3: null, signature: null, certificate_fingerprint: null, signed_by: null, signed_at: null, updated_at: now })
          .where('id', '=', l.notice.id)
          .execute();
        await deps.audit.record(trx, caller.actor, { action: 'award.notice.rejected', targetType: 'section', targetId: sectionId, regionCode: l.section.regionCode, details: { noticeId: l.notice.id, reason: input.reason } });
        return;
      }
      await issue(trx, l.section, l.decision, l.notice, l.letters, caller, now);
    });
    return view(sectionId);
  }

  async function issue(trx: Db, section: SectionSnapshotView, decision: Decision, notice: Notice, letters: Letter[], caller: Caller, now: Date) {
    const sm3 = notice.content_sm3!;
    const sitting = decision.method ? await separated.view(section.id, trx) : null;
    const proceeding = sitting ? { view: sitting, names: new Map(letters.map((l) => [l.bid_id, l.entity_name])) } : null;
    const published = await deps.publish(
      trx,
      {
        type: 'awardResult',
        sourceId: notice.id,
        sectionIds: [section.id],
        regionCode: section.regionCode,
        category: section.category,
        title: `${section.projectName}${section.name}中标结果公告`,
        bodyHtml: resultNoticeHtml({ section, decision, remarks: notice.remarks, contentSm3: sm3, bidders: letters.length, proceeding }),
        prominent: false,
        publishedAt: now.toISOString(),
        round: section.round,
        links: {},
        mandatory: section.mandatory,
      },
      caller.actor,
    );
    await tables(trx)
      .updateTable('award.notice')
      .set({ state: 'issued', verified_by: caller.userId, verified_at: now, publication_id: published.publicationId, updated_at: now })
      .where('id', '=', notice.id)
      .execute();
    await tables(trx).updateTable('award.letter').set({ issued_at: now }).where('notice_id', '=', notice.id).execute();
    const pushed = await deps.outbox(trx, {
      kind: 'awardNotices',
      subjectType: 'section',
      subjectId: section.id,
      regionCode: section.regionCode,
      content: { ...noticeContent(section, decision, notice.remarks, letters), contentSm3: sm3, signature: notice.signature, issuedAt: now.toISOString() },
    });
    for (const letter of letters) {
      const award = letter.kind === 'award';
      await deps.notify(trx, {
        recipientKind: 'entity',
        recipientId: letter.entity_id,
        topic: award ? 'award.notice' : 'award.result',
        title: `${award ? '中标通知书' : '中标结果通知书'}：${section.name}`,
        body: letter.reason,
        link: '/bidder/award-letters',
        dedupeKey: `award.letter:${letter.id}`,
      });
    }
    await deps.onAwardNoticeIssued(trx, section.id);
    const losers = letters.filter((x) => x.kind === 'result').map((x) => x.entity_id);
    const refunds = await deps.refunds(trx, { sectionId: section.id, round: section.round, entityIds: losers, reason: 'notAwarded' }, caller.actor);
    await deps.audit.record(trx, caller.actor, {
      action: 'award.notice.issued',
      targetType: 'section',
      targetId: section.id,
      regionCode: section.regionCode,
      details: { noticeId: notice.id, publicationId: published.publicationId, contentSm3: sm3, letters: letters.length, outboxMessageId: pushed.messageId, refundsRequested: refunds },
    });
  }

  async function current(trx: Db, section: SectionSnapshotView): Promise<AwardNoticeView | null> {
    const decision = await decisions.current(trx, section);
    if (!decision) return null;
    const notice = await tables(trx).selectFrom('award.notice').selectAll().where('decision_id', '=', decision.id).executeTakeFirst();
    if (!notice) return null;
    return noticeView(section, decision, notice, await lettersOf(trx, notice.id));
  }

  async function view(sectionId: string): Promise<AwardNoticeView> {
    const v = await current(db, await access.section(db, sectionId));
    if (!v) throw new DomainError('AWARD_NOTICE_NOT_FOUND', 'no award notices drafted');
    return v;
  }

  return { save, submit, verify, view, current };
}

export type NoticeService = ReturnType<typeof createNoticeService>;

function noticeView(section: SectionSnapshotView, decision: Decision, n: Notice, letters: Letter[]): AwardNoticeView {
  return {
    id: n.id,
    sectionId: n.section_id,
    round: n.round,
    state: n.state,
    remarks: n.remarks,
    letters: letters.map(letterView),
    contentSm3: n.content_sm3 ?? contentSm3(noticeContent(section, decision, n.remarks, letters)),
    signedAt: n.signed_at?.toISOString() ?? null,
    submittedAt: n.submitted_at?.toISOString() ?? null,
    rejection: n.rejection,
    verifiedAt: n.verified_at?.toISOString() ?? null,
    verifiedBy: n.verified_by,
    publicationId: n.publication_id,
  };
}

export function letterView(l: Letter) {
  return {
    id: l.id,
    sectionId: l.section_id,
    bidId: l.bid_id,
    entityName: l.entity_name,
    kind: l.kind,
    rank: l.rank,
    reason: l.reason,
    issuedAt: l.issued_at?.toISOString() ?? null,
    readAt: l.read_at?.toISOString() ?? null,
  };
}
