import { randomUUID } from 'node:crypto';
import type {
  InvitationCreateRequest,
  InvitationDetail,
  InvitationDrawView,
  InvitationReplyRequest,
  InvitationUpdateRequest,
  InvitationView,
  myInvitationListQuery,
  ReceivedInvitationView,
  ReviewDecision,
  verificationQueueQuery,
} from '@bidhall/contracts';
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { escapeHtml } from '../../platform/text/encode.ts';
import { assertParty, type Caller, coveredView, currentSections, draftView, iso, loadManagedSections, newDraftColumns } from './review-flow.ts';
import { reviewedDraft } from './reviewed-draft.ts';
import { chineseDateTime, DEFAULT_PLATFORM, type PlatformInfo, standardBody, standardTitle } from './standard-text.ts';
import { type BidderEntry, type SectionSnapshot, type TenderingDeps, tables } from './tendering.deps.ts';
import type { InvitationSectionTable, InvitationTable, InviteeRow } from './tendering.tables.ts';
import { checkedNoticeHtml } from './notice-html.ts';
import { withRemoved } from '../../platform/text/rich-text.ts';
import { createInviteeDraws, invitesByDraw, invitesDrawn } from './invitation-draw.ts';
import { assertTimetableReady } from './timetable-check.ts';

/** B-006: an invitation tender invites at least three organisations. */
export const MIN_INVITEES = 3;

/**
 * Invitation tender (邀请招标, A-55…A-58): invitees picked from the bidder database, an invitation
 * in the standard text with the platform's address (B-008), reviewed and verified like a notice,
 * then sent to each invitee, who accepts or declines before the reply deadline.
 */
export function createInvitationService(deps: TenderingDeps) {
  const platform: PlatformInfo = { ...DEFAULT_PLATFORM, baseUrl: deps.publicBaseUrl };

  function toView(n: InvitationTable, sections: InvitationSectionTable[], invitees: InviteeRow[], draw: InvitationDrawView | null): InvitationView {
    const count = (r: string) => invitees.filter((i) => i.reply === r).length;
    return {
      ...draftView(n, sections),
      status: n.status,
      replyDeadline: n.reply_deadline.toISOString(),
      sentAt: iso(n.sent_at),
      invitees: invitees.map((i) => ({
        entityId: i.entity_id,
        name: i.name,
        creditCode: i.credit_code,
        regionCode: i.region_code,
        reply: i.reply,
        replyNote: i.reply_note,
        repliedAt: iso(i.replied_at),
      })),
      replies: { accepted: count('accepted'), declined: count('declined'), pending: count('pending') },
      draw,
      resultPublicationId: n.result_publication_id,
      resultPublishedAt: iso(n.result_published_at),
    };
  }

  async function partsOf(db: Db, ids: string[]) {
    const sections = new Map<string, InvitationSectionTable[]>();
    const invitees = new Map<string, InviteeRow[]>();
    if (ids.length === 0) return { sections, invitees };
    for (const r of await tables(db).selectFrom('tendering.invitation_section').selectAll().where('invitation_id', 'in', ids).orderBy('code').execute()) {
      sections.set(r.invitation_id, [...(sections.get(r.invitation_id) ?? []), r]);
    }
    for (const r of await tables(db).selectFrom('tendering.invitee').selectAll().where('invitation_id', 'in', ids).orderBy('name').execute()) {
      invitees.set(r.invitation_id, [...(invitees.get(r.invitation_id) ?? []), r]);
    }
    return { sections, invitees };
  }

  const flow = reviewedDraft<'tendering.invitation', InvitationView>(deps, {
    kind: 'invitation',
    table: 'tendering.invitation',
    notFound: 'INVITATION_NOT_FOUND',
    conflict: 'INVITATION_STATE_CONFLICT',
    conflictCarriesStatus: false,
    link: (id) => `/workspace/invitations/${id}`,
    present: async (db, rows) => {
      const parts = await partsOf(db, rows.map((r) => r.id));
      const drawn = await draws.views(db, rows.map((r) => r.id), parts.invitees);
      return rows.map((r) => toView(r, parts.sections.get(r.id) ?? [], parts.invitees.get(r.id) ?? [], drawn.get(r.id) ?? null));
    },
    // A drawn invitation stays: deleting it would let the tenderer draw the round again.
    beforeRemove: async (trx, n) => {
      if (await draws.hasDrawn(trx, n.id)) throw new DomainError('INVITATION_STATE_CONFLICT', 'an invitation whose invitees were drawn is kept with its draw');
    },
    messages: {
      submitted: { topic: 'invitationReview', title: '待审核：招标代理机构提交的投标邀请书' },
      verificationRejected: { topic: 'invitation', title: '投标邀请书未通过平台核验', body: (title, reason) => `《${title}》：${reason}` },
    },
  });
  const { load, view, editable } = flow;

  function standard(sections: SectionSnapshot[], replyDeadline: string) {
    return { title: standardTitle('invitation', sections), bodyHtml: standardBody('invitation', sections, platform, replyDeadline) };
  }

  const checkedHtml = (html: string, removed?: string[]) => checkedNoticeHtml(deps, html, 'invitation', removed);

  /** distinct active bidders of the bidder database, never the tenderer or agency itself. */
  async function activeBidders(trx: Db, ids: readonly string[], first: SectionSnapshot): Promise<BidderEntry[]> {
    const found = await deps.bidders.search(trx, { entityIds: [...ids], limit: ids.length });
    const known = new Set(found.map((b) => b.entityId));
    const unknown = ids.filter((id) => !known.has(id) || id === first.tendererEntityId || id === first.agencyEntityId);
    if (unknown.length > 0) {
      throw new DomainError('INVITEE_NOT_BIDDER', 'invitees are picked from the active bidders of the bidder database (A-56)', { entityIds: unknown });
    }
    return found;
  }

  /** B-006: at least three. */
  async function pickInvitees(trx: Db, ids: readonly string[], first: SectionSnapshot): Promise<BidderEntry[]> {
    if (ids.length < MIN_INVITEES) {
      throw new DomainError('INVITEES_TOO_FEW', `an invitation goes to at least ${MIN_INVITEES} organisations (B-006); ${ids.length} picked`, {
        minimum: MIN_INVITEES,
        picked: ids.length,
      });
    }
    return activeBidders(trx, ids, first);
  }

  function assertReplyDeadline(replyDeadline: Date, sections: SectionSnapshot[]) {
    const now = deps.clock.now();
    if (replyDeadline.getTime() <= now.getTime()) {
      throw new DomainError('REPLY_DEADLINE_INVALID', 'the reply deadline must be in the future');
    }
    for (const s of sections) {
      const bid = s.timetable.bidDeadline;
      if (bid && new Date(bid).getTime() <= replyDeadline.getTime()) {
        throw new DomainError('REPLY_DEADLINE_INVALID', `the reply deadline must be before the bid deadline of section ${s.code}`, { sectionId: s.id });
      }
    }
  }

  async function writeInvitees(trx: Db, id: string, bidders: BidderEntry[]) {
    await tables(trx).deleteFrom('tendering.invitee').where('invitation_id', '=', id).execute();
    await tables(trx)
      .insertInto('tendering.invitee')
      .values(bidders.map((b) => ({ invitation_id: id, entity_id: b.entityId, name: b.name, credit_code: b.creditCode, region_code: b.regionCode, reply_note: null, replied_by: null, replied_at: null })))
      .execute();
  }

  const draws = createInviteeDraws(deps, {
    activeBidders,
    load: (trx, id, lock) => flow.load(trx, id, lock),
    writeInvitees,
    audit: (trx, caller, event, row, details) => flow.audit(trx, caller, event, row, details),
  });

  async function create(caller: Caller, input: InvitationCreateRequest): Promise<InvitationView> {
    return deps.db.transaction().execute(async (trx) => {
      const sections = await loadManagedSections(deps, trx, input.sectionIds, caller);
      for (const s of sections) {
        if (s.method !== 'invitation') {
          throw new DomainError('NOTICE_TYPE_MISMATCH', `section ${s.code} is tendered by the ${s.method} method, not by invitation (A-55)`, { sectionId: s.id });
        }
        if (s.stage !== 'registered') {
          throw new DomainError('SECTION_STAGE_CONFLICT', `section ${s.code} is ${s.stage}; an invitation is drafted for a registered section`, { sectionId: s.id });
        }
      }
      const first = sections[0]!;
      if (invitesByDraw(first) && !input.draw) throw invitesDrawn();
      const bidders = input.inviteeIds ? await pickInvitees(trx, input.inviteeIds, first) : [];
      const replyDeadline = new Date(input.replyDeadline);
      assertReplyDeadline(replyDeadline, sections);
      const text = standard(sections, input.replyDeadline);
      const removed: string[] = [];
      const bodyHtml = checkedHtml(input.bodyHtml ?? text.bodyHtml, removed);
      const now = deps.clock.now();
      const id = randomUUID();
      await tables(trx)
        .insertInto('tendering.invitation')
        .values({
          id,
          status: 'draft',
          ...newDraftColumns(sections, caller, { title: input.title ?? text.title, bodyHtml }, now),
          reply_deadline: replyDeadline,
          sent_at: null,
          result_publication_id: null,
          result_published_at: null,
        })
        .execute();
      await tables(trx)
        .insertInto('tendering.invitation_section')
        .values(sections.map((s) => ({ invitation_id: id, section_id: s.id, round: s.round, code: s.code, name: s.name })))
        .execute();
      if (input.draw) await draws.commit(trx, id, sections, input.draw, caller);
      else await writeInvitees(trx, id, bidders);
      await flow.step(trx, id, 'created', caller, now);
      await flow.audit(trx, caller, 'created', { id, region_code: first.regionCode }, {
        sectionIds: input.sectionIds,
        ...(input.draw ? { qualified: input.draw.qualified.length, drawCount: input.draw.count, source: input.draw.source } : { invitees: bidders.length }),
      });
      return withRemoved(await view(trx, id), removed);
    });
  }

  async function sectionsFor(trx: Db, caller: Caller, id: string) {
    const covered = (await partsOf(trx, [id])).sections.get(id) ?? [];
    return { covered, sections: await loadManagedSections(deps, trx, covered.map((c) => c.section_id), caller) };
  }

  async function update(caller: Caller, id: string, input: InvitationUpdateRequest): Promise<InvitationView> {
    return deps.db.transaction().execute(async (trx) => {
      const n = await editable(trx, caller, id);
      const { sections } = await sectionsFor(trx, caller, id);
      if (input.inviteeIds) {
        if ((await draws.isDrawn(trx, id)) || sections.some(invitesByDraw)) throw invitesDrawn();
        await writeInvitees(trx, id, await pickInvitees(trx, input.inviteeIds, sections[0]!));
      }
      if (input.replyDeadline) assertReplyDeadline(new Date(input.replyDeadline), sections);
      const removed: string[] = [];
      const bodyHtml = input.bodyHtml === undefined ? undefined : checkedHtml(input.bodyHtml, removed);
      await tables(trx)
        .updateTable('tendering.invitation')
        .set({
          ...(input.title ? { title: input.title } : {}),
          ...(bodyHtml ? { body_html: bodyHtml } : {}),
          ...(input.replyDeadline ? { reply_deadline: new Date(input.replyDeadline) } : {}),
          updated_at: deps.clock.now(),
        })
        .where('id', '=', id)
        .execute();
      await flow.audit(trx, caller, 'edited', n, { fields: Object.keys(input) });
      return withRemoved(await view(trx, id), removed);
    });
  }

  /** B-007: the invitees are drawn among the qualified named at creation, with a verifiable draw. */
  async function drawInvitees(caller: Caller, id: string): Promise<InvitationView> {
    await draws.drawInvitees(caller, id);
    return view(deps.db, id);
  }

  async function regenerate(caller: Caller, id: string): Promise<InvitationView> {
    return flow.regenerate(caller, id, async (trx, n) => standard((await sectionsFor(trx, caller, id)).sections, n.reply_deadline.toISOString()));
  }

  async function submit(caller: Caller, id: string): Promise<InvitationView> {
    return flow.submit(caller, id, async (trx, n) => {
      const { covered, sections } = await sectionsFor(trx, caller, id);
      await currentSections(deps, trx, covered);
      await draws.assertInviteesLawful(trx, id, sections);
      const invitees = (await partsOf(trx, [id])).invitees.get(id) ?? [];
      await pickInvitees(trx, invitees.map((i) => i.entity_id), sections[0]!);
      assertTimetableReady('invitation', sections, deps.calendar(), deps.clock.now(), deps.timetableRules);
      assertReplyDeadline(n.reply_deadline, sections);
      checkedHtml(n.body_html);
    });
  }

  /**
   * Verification; on approval the invitation is sent at once to every invitee: not
   * published, but logged, and the sections move to tendering.
   */
  async function verify(caller: Caller, id: string, decision: ReviewDecision): Promise<InvitationView> {
    return flow.verify(caller, id, decision, async (trx, n, now) => {
      const parts = await partsOf(trx, [id]);
      const sections = await currentSections(deps, trx, parts.sections.get(id) ?? []);
      await draws.assertInviteesLawful(trx, id, sections);
      assertTimetableReady('invitation', sections, deps.calendar(), now, deps.timetableRules);
      assertReplyDeadline(n.reply_deadline, sections);
      checkedHtml(n.body_html);
      for (const s of sections) if (s.stage === 'registered') await deps.sections.markTendering(trx, s.id, caller.actor);
      await tables(trx)
        .updateTable('tendering.invitation')
        .set({ status: 'sent', verified_by: caller.userId, verified_at: now, sent_at: now, updated_at: now })
        .where('id', '=', id)
        .execute();
      await flow.step(trx, id, 'verified', caller, now, decision.reason);
      await flow.step(trx, id, 'sent', caller, now);
      const invitees = parts.invitees.get(id) ?? [];
      // Logged, not published: who was invited stays confidential (招标投标法 第22条).
      await flow.audit(trx, caller, 'sent', n, {
        sectionIds: sections.map((s) => s.id),
        invitees: invitees.map((i) => i.entity_id),
        replyDeadline: n.reply_deadline.toISOString(),
      });
      for (const i of invitees) {
        await deps.notify(trx, {
          recipientKind: 'entity',
          recipientId: i.entity_id,
          topic: 'invitation',
          title: '投标邀请书',
          body: `贵单位收到《${n.title}》，请于${chineseDateTime(n.reply_deadline.toISOString())}前在平台确认是否参加投标。`,
          link: `/workspace/invitations/received/${id}`,
          dedupeKey: `invitation:${id}:${i.entity_id}`,
        });
      }
      await flow.notifyParties(trx, n, { topic: 'invitation', title: '投标邀请书已发出', body: `《${n.title}》已通过平台核验并发送给${invitees.length}家单位。` });
    });
  }

  /** an invitee accepts or declines, once, before the reply deadline. */
  async function reply(caller: Caller, id: string, input: InvitationReplyRequest): Promise<ReceivedInvitationView> {
    if (!caller.entityId) throw new DomainError('NOT_INVITED', 'no such invitation for your entity');
    const entityId = caller.entityId;
    await deps.db.transaction().execute(async (trx) => {
      const n = await load(trx, id, true).catch(() => null);
      const invitee = n
        ? await tables(trx).selectFrom('tendering.invitee').selectAll().where('invitation_id', '=', id).where('entity_id', '=', entityId).executeTakeFirst()
        : undefined;
      if (!n || !invitee || n.status !== 'sent') throw new DomainError('NOT_INVITED', 'no such invitation for your entity');
      const now = deps.clock.now();
      if (now.getTime() >= n.reply_deadline.getTime()) {
        throw new DomainError('REPLY_DEADLINE_PASSED', `replies closed at ${n.reply_deadline.toISOString()}`, { replyDeadline: n.reply_deadline.toISOString() });
      }
      if (invitee.reply !== 'pending') throw new DomainError('ALREADY_REPLIED', `your entity already ${invitee.reply}`, { reply: invitee.reply });
      const answer = input.decision === 'accept' ? 'accepted' : 'declined';
      await tables(trx)
        .updateTable('tendering.invitee')
        .set({ reply: answer, reply_note: input.note ?? null, replied_by: caller.userId, replied_at: now })
        .where('invitation_id', '=', id)
        .where('entity_id', '=', entityId)
        .execute();
      await flow.audit(trx, caller, answer, n, { entityId, note: input.note ?? null });
      await flow.notifyParties(trx, n, {
        topic: 'invitationReply',
        title: answer === 'accepted' ? '受邀单位确认参加投标' : '受邀单位谢绝参加投标',
        body: `${invitee.name}${answer === 'accepted' ? '确认参加' : '谢绝参加'}《${n.title}》。`,
      });
    });
    return received(caller, id);
  }

  function toReceived(n: InvitationTable, sections: InvitationSectionTable[], i: InviteeRow, now: Date): ReceivedInvitationView {
    return {
      id: n.id,
      title: n.title,
      bodyHtml: n.body_html,
      sections: coveredView(sections),
      tenderingProjectId: n.tendering_project_id,
      regionCode: n.region_code,
      replyDeadline: n.reply_deadline.toISOString(),
      sentAt: iso(n.sent_at),
      reply: i.reply,
      replyNote: i.reply_note,
      repliedAt: iso(i.replied_at),
      open: n.status === 'sent' && i.reply === 'pending' && now.getTime() < n.reply_deadline.getTime(),
    };
  }

  /** The invitee's view: invitations sent to the caller's entity, each with its own reply only. */
  async function receivedList(caller: Caller): Promise<ReceivedInvitationView[]> {
    if (!caller.entityId) return [];
    const rows = await tables(deps.db)
      .selectFrom('tendering.invitee as i')
      .innerJoin('tendering.invitation as n', 'n.id', 'i.invitation_id')
      .selectAll('n')
      .select(['i.entity_id', 'i.name', 'i.credit_code', 'i.region_code as invitee_region', 'i.reply', 'i.reply_note', 'i.replied_by', 'i.replied_at'])
      .where('i.entity_id', '=', caller.entityId)
      .where('n.status', 'in', ['sent', 'withdrawn'])
      .where('n.sent_at', 'is not', null)
      .orderBy('n.sent_at', 'desc')
      .execute();
    const parts = await partsOf(deps.db, rows.map((r) => r.id));
    const now = deps.clock.now();
    return rows.map((r) =>
      toReceived(r, parts.sections.get(r.id) ?? [], { invitation_id: r.id, entity_id: r.entity_id, name: r.name, credit_code: r.credit_code, region_code: r.invitee_region, reply: r.reply, reply_note: r.reply_note, replied_by: r.replied_by, replied_at: r.replied_at }, now),
    );
  }

  async function received(caller: Caller, id: string): Promise<ReceivedInvitationView> {
    const found = (await receivedList(caller)).find((r) => r.id === id);
    if (!found) throw new DomainError('NOT_INVITED', 'no such invitation for your entity');
    return found;
  }

  async function detail(caller: Caller, id: string): Promise<InvitationDetail> {
    return flow.detail(caller, id);
  }

  async function listMine(caller: Caller, query: z.output<typeof myInvitationListQuery>) {
    return flow.listMine(caller, query);
  }

  /** the caller's region and below, waiting for verification. */
  async function queue(caller: Caller, query: z.output<typeof verificationQueueQuery>) {
    return flow.queue(caller, query);
  }

  /**
   * After the reply deadline (or once everyone replied) the tenderer publishes that the invitations
   * went out and replies closed ('invitationResult'). Names and numbers of invitees stay out of it:
   * 招标投标法 第22条 forbids disclosing who obtained the documents, and how many, before opening.
   */
  async function publishResult(caller: Caller, id: string): Promise<InvitationView> {
    return deps.db.transaction().execute(async (trx) => {
      const n = await load(trx, id, true);
      assertParty(n, caller, 'INVITATION_NOT_FOUND');
      if (n.status !== 'sent') throw new DomainError('INVITATION_STATE_CONFLICT', `the invitation is ${n.status}, not sent`);
      if (n.result_publication_id) throw new DomainError('INVITATION_STATE_CONFLICT', 'the result is already published');
      const parts = await partsOf(trx, [id]);
      const pending = (parts.invitees.get(id) ?? []).filter((i) => i.reply === 'pending').length;
      const now = deps.clock.now();
      if (pending > 0 && now.getTime() < n.reply_deadline.getTime()) {
        throw new DomainError('INVITATION_RESULT_EARLY', 'replies are still open; publish after the reply deadline or once every invitee replied');
      }
      const sections = parts.sections.get(id) ?? [];
      // Codes and names are plain text the tenderer typed: encoded as text, never read as markup.
      const list = sections.map((s) => escapeHtml(`${s.code} ${s.name}`)).join('；');
      const url = escapeHtml(deps.publicBaseUrl);
      // B-007: a drawn invitation says where anyone re-checks its draw, which names no supplier.
      const drawId = (await draws.views(trx, [id], parts.invitees)).get(id)?.drawId;
      const drawn = drawId
        ? `<p>受邀单位由平台从符合资格条件的供应商中随机抽取产生，任何人可在平台公开验证页（<a href="${url}/verify?tab=draw&amp;draw=${drawId}">${url}/verify</a>）` +
          `或以 bidhall draw verify 复核抽取过程，抽取编号 ${drawId}；公开的抽取记录以随机编号代替供应商名称。</p>`
        : '';
      const bodyHtml = checkedHtml(
        `<p>${list}采用邀请招标方式，投标邀请书已于${(n.sent_at ?? now).toISOString().slice(0, 10)}通过${platform.name}（<a href="${url}">${url}</a>）发出，` +
          `受邀单位确认期已于${n.reply_deadline.toISOString().slice(0, 10)}截止。依照《招标投标法》第二十二条，受邀单位的名称${drawId ? '' : '和数量'}在开标前不予公开。</p>` +
          drawn,
      );
      const published = await deps.publish(trx, {
        type: 'invitationResult',
        sourceId: id,
        sectionIds: sections.map((s) => s.section_id),
        regionCode: n.region_code,
        category: n.category,
        title: `${n.title}（邀请结果）`.slice(0, 200),
        bodyHtml,
        prominent: false,
        publishedAt: now.toISOString(),
        round: n.round,
        links: {},
      }, caller.actor);
      await tables(trx).updateTable('tendering.invitation').set({ result_publication_id: published.publicationId, result_published_at: now, updated_at: now }).where('id', '=', id).execute();
      await flow.step(trx, id, 'published', caller, now);
      await flow.audit(trx, caller, 'resultPublished', n, { publicationId: published.publicationId, contentSm3: published.contentSm3 });
      return view(trx, id);
    });
  }

  async function standardText(caller: Caller, sectionIds: string[], replyDeadline: string | undefined) {
    const sections = await loadManagedSections(deps, deps.db, sectionIds, caller);
    return standard(sections, replyDeadline ?? '');
  }

  return { create, update, drawInvitees, regenerate, remove: flow.remove, submit, review: flow.review, verify, reply, received, receivedList, detail, listMine, queue, publishResult, standardText };
}

export type InvitationService = ReturnType<typeof createInvitationService>;
