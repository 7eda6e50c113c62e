import { randomUUID } from 'node:crypto';
import type { myNoticeListQuery, NoticeCreateRequest, NoticeDetail, NoticeUpdateRequest, NoticeView, ReviewDecision, verificationQueueQuery } from '@bidhall/contracts';
import type { SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import {
  assertMayRead,
  assertParty,
  assertVerifier,
  type Caller,
  coveredView,
  currentSections,
  draftedBy,
  firstStepAfterSubmit,
  historyOf,
  iso,
  loadManagedSections,
  recordStep,
} from './review-flow.ts';
import { DEFAULT_PLATFORM, type PlatformInfo, standardBody, standardTitle } from './standard-text.ts';
import { type SectionSnapshot, type TenderingDeps, tables } from './tendering.deps.ts';
import type { NoticeSectionTable, NoticeTable } from './tendering.tables.ts';
import type { TenderingTables } from './tendering.tables.ts';
import { checkedNoticeHtml } from './notice-html.ts';
import { assertTimetableReady } from './timetable-check.ts';

type NoticeType = NoticeTable['type'];

/** A filtered list of notices, before its columns are chosen. */
type NoticeQuery = SelectQueryBuilder<TenderingTables, 'tendering.notice', object>;

/**
 * A-50: an open tender is announced by a tender notice, an open tender with prequalification by a
 * prequalification notice; an invitation tender of government procurement may gather its suppliers
 * by a prequalification notice. Any other pairing is refused.
 */
export function noticeTypeFits(type: NoticeType, s: Pick<SectionSnapshot, 'method' | 'kind'>): boolean {
  if (type === 'tenderNotice') return s.method === 'open';
  return s.method === 'prequalification' || (s.method === 'invitation' && (s.kind === 'governmentGoods' || s.kind === 'governmentServices'));
}

const AUDIT_TARGET = 'notice';

/** Notices: drafting from the standard text, review, verification and publication (A-50…A-54, B-001…B-005). */
export function createNoticeService(deps: TenderingDeps) {
  const platform: PlatformInfo = { ...DEFAULT_PLATFORM, baseUrl: deps.publicBaseUrl };

  function toView(n: NoticeTable, sections: NoticeSectionTable[]): NoticeView {
    return {
      id: n.id,
      type: n.type,
      status: n.status,
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
      publishedAt: iso(n.published_at),
      publicationId: n.publication_id,
      contentSm3: n.content_sm3,
      logIndex: n.log_index === null ? null : Number(n.log_index),
      withdrawnAt: iso(n.withdrawn_at),
    };
  }

  async function sectionsOf(db: Db, noticeIds: string[]): Promise<Map<string, NoticeSectionTable[]>> {
    const map = new Map<string, NoticeSectionTable[]>();
    if (noticeIds.length === 0) return map;
    const rows = await tables(db).selectFrom('tendering.notice_section').selectAll().where('notice_id', 'in', noticeIds).orderBy('code').execute();
    for (const r of rows) map.set(r.notice_id, [...(map.get(r.notice_id) ?? []), r]);
    return map;
  }

  async function load(db: Db, id: string, lock = false): Promise<NoticeTable> {
    let q = tables(db).selectFrom('tendering.notice').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) throw new DomainError('NOTICE_NOT_FOUND', 'no such notice');
    return row;
  }

  async function view(db: Db, id: string): Promise<NoticeView> {
    const n = await load(db, id);
    return toView(n, (await sectionsOf(db, [id])).get(id) ?? []);
  }

  /** The text the editor starts from; the platform's address is in it (B-002). */
  function standard(type: NoticeType, sections: SectionSnapshot[]) {
    return { title: standardTitle(type, sections), bodyHtml: standardBody(type, sections, platform) };
  }

  const checkedHtml = (html: string) => checkedNoticeHtml(deps, html, 'notice');

  async function create(caller: Caller, input: NoticeCreateRequest): Promise<NoticeView> {
    return deps.db.transaction().execute(async (trx) => {
      const sections = await loadManagedSections(deps, trx, input.sectionIds, caller);
      for (const s of sections) {
        if (!noticeTypeFits(input.type, s)) {
          throw new DomainError('NOTICE_TYPE_MISMATCH', `section ${s.code} is tendered by the ${s.method} method; a ${input.type} does not announce it (A-50)`, {
            sectionId: s.id,
            method: s.method,
          });
        }
        if (s.stage !== 'registered') {
          throw new DomainError('SECTION_STAGE_CONFLICT', `section ${s.code} is ${s.stage}; a notice is drafted for a registered section`, { sectionId: s.id, stage: s.stage });
        }
      }
      const first = sections[0]!;
      const text = standard(input.type, sections);
      const bodyHtml = checkedHtml(input.bodyHtml ?? text.bodyHtml);
      const now = deps.clock.now();
      const id = randomUUID();
      await tables(trx)
        .insertInto('tendering.notice')
        .values({
          id,
          type: input.type,
          status: 'draft',
          tendering_project_id: first.tenderingProjectId,
          region_code: first.regionCode,
          category: first.category,
          round: Math.max(...sections.map((s) => s.round)),
          tenderer_entity_id: first.tendererEntityId,
          agency_entity_id: first.agencyEntityId,
          drafted_by: draftedBy(first, caller),
          title: input.title ?? text.title,
          body_html: bodyHtml,
          created_by: caller.userId,
          created_at: now,
          updated_at: now,
          submitted_by: null,
          submitted_at: null,
          reviewed_by: null,
          reviewed_at: null,
          verified_by: null,
          verified_at: null,
          published_at: null,
          publication_id: null,
          content_sm3: null,
          log_index: null,
          withdrawn_at: null,
        })
        .execute();
      await tables(trx)
        .insertInto('tendering.notice_section')
        .values(sections.map((s) => ({ notice_id: id, section_id: s.id, round: s.round, code: s.code, name: s.name })))
        .execute();
      await recordStep(trx, 'notice', id, 'created', caller, now);
      await deps.audit.record(trx, caller.actor, {
        action: 'tendering.notice.created',
        targetType: AUDIT_TARGET,
        targetId: id,
        regionCode: first.regionCode,
        details: { type: input.type, sectionIds: input.sectionIds },
      });
      return view(trx, id);
    });
  }

  async function editable(trx: Db, caller: Caller, id: string): Promise<NoticeTable> {
    const n = await load(trx, id, true);
    assertParty(n, caller, 'NOTICE_NOT_FOUND');
    if (n.status !== 'draft') {
      throw new DomainError('NOTICE_STATE_CONFLICT', `the notice is ${n.status}; only a draft is edited (A-52)`, { status: n.status });
    }
    return n;
  }

  async function update(caller: Caller, id: string, input: NoticeUpdateRequest): Promise<NoticeView> {
    return deps.db.transaction().execute(async (trx) => {
      const n = await editable(trx, caller, id);
      const bodyHtml = input.bodyHtml === undefined ? undefined : checkedHtml(input.bodyHtml);
      await tables(trx)
        .updateTable('tendering.notice')
        .set({ ...(input.title ? { title: input.title } : {}), ...(bodyHtml ? { body_html: bodyHtml } : {}), updated_at: deps.clock.now() })
        .where('id', '=', id)
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: 'tendering.notice.edited',
        targetType: AUDIT_TARGET,
        targetId: id,
        regionCode: n.region_code,
        details: { title: input.title !== undefined, body: input.bodyHtml !== undefined },
      });
      return view(trx, id);
    });
  }

  /** Fills the standard text again, e.g. after the timetable changed. */
  async function regenerate(caller: Caller, id: string): Promise<NoticeView> {
    return deps.db.transaction().execute(async (trx) => {
      const n = await editable(trx, caller, id);
      const covered = (await sectionsOf(trx, [id])).get(id) ?? [];
      const sections = await loadManagedSections(deps, trx, covered.map((c) => c.section_id), caller);
      const text = standard(n.type, sections);
      await tables(trx)
        .updateTable('tendering.notice')
        .set({ title: text.title, body_html: checkedHtml(text.bodyHtml), updated_at: deps.clock.now() })
        .where('id', '=', id)
        .execute();
      await deps.audit.record(trx, caller.actor, { action: 'tendering.notice.regenerated', targetType: AUDIT_TARGET, targetId: id, regionCode: n.region_code });
      return view(trx, id);
    });
  }

  async function remove(caller: Caller, id: string): Promise<void> {
    await deps.db.transaction().execute(async (trx) => {
      const n = await editable(trx, caller, id);
      await tables(trx).deleteFrom('tendering.review_event').where('subject_kind', '=', 'notice').where('subject_id', '=', id).execute();
      await tables(trx).deleteFrom('tendering.notice').where('id', '=', id).execute();
      await deps.audit.record(trx, caller.actor, { action: 'tendering.notice.deleted', targetType: AUDIT_TARGET, targetId: id, regionCode: n.region_code });
    });
  }

  /** A-51, A-52: the submitter and time are recorded; the timetable the notice states must be set and lawful. */
  async function submit(caller: Caller, id: string): Promise<NoticeView> {
    return deps.db.transaction().execute(async (trx) => {
      const n = await editable(trx, caller, id);
      const covered = (await sectionsOf(trx, [id])).get(id) ?? [];
      const sections = await loadManagedSections(deps, trx, covered.map((c) => c.section_id), caller);
      await currentSections(deps, trx, covered);
      assertTimetableReady(n.type, sections, deps.calendar(), deps.clock.now());
      checkedHtml(n.body_html);
      const now = deps.clock.now();
      const next = firstStepAfterSubmit(n.drafted_by);
      await tables(trx)
        .updateTable('tendering.notice')
        .set({ status: next, submitted_by: caller.userId, submitted_at: now, updated_at: now })
        .where('id', '=', id)
        .execute();
      await recordStep(trx, 'notice', id, 'submitted', caller, now);
      await deps.audit.record(trx, caller.actor, { action: 'tendering.notice.submitted', targetType: AUDIT_TARGET, targetId: id, regionCode: n.region_code, details: { next } });
      if (next === 'pendingReview') {
        await deps.notify(trx, {
          recipientKind: 'entity',
          recipientId: n.tenderer_entity_id,
          topic: 'noticeReview',
          title: '待审核：招标代理机构提交的公告',
          body: `《${n.title}》已由招标代理机构提交，请审核。`,
          link: `/workspace/notices/${id}`,
        });
      }
      return view(trx, id);
    });
  }

  /** A-52: the tenderer reviews what its agency drafted. */
  async function review(caller: Caller, id: string, decision: ReviewDecision): Promise<NoticeView> {
    return deps.db.transaction().execute(async (trx) => {
      const n = await load(trx, id, true);
      assertParty(n, caller, 'NOTICE_NOT_FOUND');
      if (caller.entityId !== n.tenderer_entity_id) throw new DomainError('REVIEW_NOT_YOURS', 'the tenderer reviews what its agency drafted');
      if (n.status !== 'pendingReview') throw new DomainError('NOTICE_STATE_CONFLICT', `the notice is ${n.status}, not waiting for the tenderer's review`, { status: n.status });
      const now = deps.clock.now();
      const approve = decision.decision === 'approve';
      await tables(trx)
        .updateTable('tendering.notice')
        .set(
          approve
            ? { status: 'pendingVerification', reviewed_by: caller.userId, reviewed_at: now, updated_at: now }
            : { status: 'draft', submitted_by: null, submitted_at: null, updated_at: now },
        )
        .where('id', '=', id)
        .execute();
      await recordStep(trx, 'notice', id, approve ? 'reviewApproved' : 'reviewRejected', caller, now, decision.reason);
      await deps.audit.record(trx, caller.actor, {
        action: approve ? 'tendering.notice.reviewApproved' : 'tendering.notice.reviewRejected',
        targetType: AUDIT_TARGET,
        targetId: id,
        regionCode: n.region_code,
        details: { reason: decision.reason ?? null },
      });
      if (!approve && n.agency_entity_id) {
        await deps.notify(trx, {
          recipientKind: 'entity',
          recipientId: n.agency_entity_id,
          topic: 'noticeReview',
          title: '招标人退回了公告',
          body: `《${n.title}》被退回：${decision.reason}`,
          link: `/workspace/notices/${id}`,
        });
      }
      return view(trx, id);
    });
  }

  /**
   * A-53, A-54: staff of the section's region verify; on approval the notice is published at once, in
   * this transaction, to the portal and the public service platform with one canonical content, the
   * sections move to tendering and the parties are told. Any failure leaves nothing published.
   */
  async function verify(caller: Caller, id: string, decision: ReviewDecision): Promise<NoticeView> {
    return deps.db.transaction().execute(async (trx) => {
      const n = await load(trx, id, true);
      await assertVerifier(deps, n.region_code, caller);
      if (n.status !== 'pendingVerification') {
        throw new DomainError('NOTICE_STATE_CONFLICT', `the notice is ${n.status}, not waiting for verification`, { status: n.status });
      }
      const now = deps.clock.now();
      if (decision.decision === 'reject') {
        await tables(trx)
          .updateTable('tendering.notice')
          .set({ status: 'draft', submitted_by: null, submitted_at: null, reviewed_by: null, reviewed_at: null, updated_at: now })
          .where('id', '=', id)
          .execute();
        await recordStep(trx, 'notice', id, 'verificationRejected', caller, now, decision.reason);
        await deps.audit.record(trx, caller.actor, {
          action: 'tendering.notice.verificationRejected',
          targetType: AUDIT_TARGET,
          targetId: id,
          regionCode: n.region_code,
          details: { reason: decision.reason ?? null },
        });
        await notifyParties(trx, n, '公告未通过平台核验', `《${n.title}》未通过核验：${decision.reason}`);
        return view(trx, id);
      }
      const covered = (await sectionsOf(trx, [id])).get(id) ?? [];
      const sections = await currentSections(deps, trx, covered);
      assertTimetableReady(n.type, sections, deps.calendar(), now);
      const bodyHtml = checkedHtml(n.body_html);
      const published = await deps.publish(trx, {
        type: n.type,
        sourceId: n.id,
        sectionIds: sections.map((s) => s.id),
        regionCode: n.region_code,
        category: n.category,
        title: n.title,
        bodyHtml,
        prominent: false,
        publishedAt: now.toISOString(),
        round: n.round,
        links: {},
      }, caller.actor);
      for (const s of sections) if (s.stage === 'registered') await deps.sections.markTendering(trx, s.id, caller.actor);
      // Documents become available with the notice; an inconsistent one stops the whole publication.
      if (deps.documents) for (const s of sections) await deps.documents.issueForSection(trx, s.id, caller.actor);
      await tables(trx)
        .updateTable('tendering.notice')
        .set({
          status: 'published',
          verified_by: caller.userId,
          verified_at: now,
          published_at: now,
          publication_id: published.publicationId,
          content_sm3: published.contentSm3,
          log_index: published.logIndex,
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      await recordStep(trx, 'notice', id, 'verified', caller, now, decision.reason);
      await recordStep(trx, 'notice', id, 'published', caller, now);
      await deps.audit.record(trx, caller.actor, {
        action: 'tendering.notice.published',
        targetType: AUDIT_TARGET,
        targetId: id,
        regionCode: n.region_code,
        details: { publicationId: published.publicationId, contentSm3: published.contentSm3, logIndex: published.logIndex },
      });
      await notifyParties(trx, n, '公告已发布', `《${n.title}》已通过平台核验并发布。`);
      return view(trx, id);
    });
  }

  async function notifyParties(trx: Db, n: NoticeTable, title: string, body: string) {
    const link = `/workspace/notices/${n.id}`;
    for (const entity of new Set([n.tenderer_entity_id, n.agency_entity_id].filter((e): e is string => e !== null))) {
      await deps.notify(trx, { recipientKind: 'entity', recipientId: entity, topic: 'notice', title, body, link });
    }
  }

  async function detail(caller: Caller, id: string): Promise<NoticeDetail> {
    const n = await load(deps.db, id);
    await assertMayRead(deps, n, caller, 'NOTICE_NOT_FOUND');
    return { ...(await view(deps.db, id)), history: await historyOf(deps.db, 'notice', id) };
  }

  async function listMine(caller: Caller, query: z.output<typeof myNoticeListQuery>) {
    if (!caller.entityId) return { items: [], total: 0 };
    const entityId = caller.entityId;
    let q = tables(deps.db)
      .selectFrom('tendering.notice')
      .where((eb) => eb.or([eb('tenderer_entity_id', '=', entityId), eb('agency_entity_id', '=', entityId)]));
    if (query.status) q = q.where('status', '=', query.status);
    if (query.type) q = q.where('type', '=', query.type);
    return page(q, query, 'updated_at', 'desc');
  }

  /** A-53: the caller's region and below, waiting for verification. */
  async function queue(caller: Caller, query: z.output<typeof verificationQueueQuery>) {
    const scope = await deps.regions.codesWithin(caller.regionCode);
    let q = tables(deps.db).selectFrom('tendering.notice').where('status', '=', 'pendingVerification').where('region_code', 'in', scope);
    if (query.type) q = q.where('type', '=', query.type);
    if (query.regionCode) q = q.where('region_code', '=', query.regionCode);
    if (query.q) q = q.where('title', 'ilike', `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const column = ({ submittedAt: 'submitted_at', title: 'title', regionCode: 'region_code' } as const)[query.sort];
    return page(q, query, column, query.order);
  }

  async function page(
    q: NoticeQuery,
    query: { limit: number; offset: number },
    column: 'updated_at' | 'submitted_at' | 'title' | 'region_code',
    order: 'asc' | 'desc',
  ) {
    const [rows, total] = await Promise.all([
      q.selectAll().orderBy(column, order).orderBy('id').limit(query.limit).offset(query.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const sections = await sectionsOf(deps.db, rows.map((r) => r.id));
    return { items: rows.map((r) => toView(r, sections.get(r.id) ?? [])), total: Number(total.n) };
  }

  /** A preview of the standard text for sections the caller manages, before a draft exists. */
  async function standardText(caller: Caller, type: NoticeType, sectionIds: string[]) {
    const sections = await loadManagedSections(deps, deps.db, sectionIds, caller);
    return standard(type, sections);
  }

  return { create, update, regenerate, remove, submit, review, verify, detail, listMine, queue, standardText, platform };
}

export type NoticeService = ReturnType<typeof createNoticeService>;
