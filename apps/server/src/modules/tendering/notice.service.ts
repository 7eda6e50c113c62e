import { randomUUID } from 'node:crypto';
import type { myNoticeListQuery, NoticeCreateRequest, NoticeDetail, NoticeUpdateRequest, NoticeView, ReviewDecision, verificationQueueQuery } from '@bidhall/contracts';
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type Caller, currentSections, draftView, iso, loadManagedSections, newDraftColumns } from './review-flow.ts';
import { reviewedDraft, type SubjectQuery } from './reviewed-draft.ts';
import { DEFAULT_PLATFORM, type PlatformInfo, standardBody, standardTitle } from './standard-text.ts';
import { type SectionSnapshot, type TenderingDeps, tables } from './tendering.deps.ts';
import type { NoticeSectionTable, NoticeTable } from './tendering.tables.ts';
import { checkedNoticeHtml } from './notice-html.ts';
import { withRemoved } from '../../platform/text/rich-text.ts';
import { assertTimetableReady } from './timetable-check.ts';

type NoticeType = NoticeTable['type'];

/**
 * an open tender is announced by a tender notice, an open tender with prequalification by a
 * prequalification notice; an invitation tender of government procurement may gather its suppliers
 * by a prequalification notice. Any other pairing is refused.
 */
export function noticeTypeFits(type: NoticeType, s: Pick<SectionSnapshot, 'method' | 'kind'>): boolean {
  if (type === 'tenderNotice') return s.method === 'open';
  return s.method === 'prequalification' || (s.method === 'invitation' && (s.kind === 'governmentGoods' || s.kind === 'governmentServices'));
}

/** Notices: drafting from the standard text, review, verification and publication (A-50…A-54, B-001…B-005). */
export function createNoticeService(deps: TenderingDeps) {
  const platform: PlatformInfo = { ...DEFAULT_PLATFORM, baseUrl: deps.publicBaseUrl };

  function toView(n: NoticeTable, sections: NoticeSectionTable[]): NoticeView {
    return {
      ...draftView(n, sections),
      type: n.type,
      status: n.status,
      publishedAt: iso(n.published_at),
      publicationId: n.publication_id,
      contentSm3: n.content_sm3,
      logIndex: n.log_index === null ? null : Number(n.log_index),
    };
  }

  async function sectionsOf(db: Db, noticeIds: string[]): Promise<Map<string, NoticeSectionTable[]>> {
    const map = new Map<string, NoticeSectionTable[]>();
    if (noticeIds.length === 0) return map;
    const rows = await tables(db).selectFrom('tendering.notice_section').selectAll().where('notice_id', 'in', noticeIds).orderBy('code').execute();
    for (const r of rows) map.set(r.notice_id, [...(map.get(r.notice_id) ?? []), r]);
    return map;
  }

  const flow = reviewedDraft<'tendering.notice', NoticeView>(deps, {
    kind: 'notice',
    table: 'tendering.notice',
    notFound: 'NOTICE_NOT_FOUND',
    conflict: 'NOTICE_STATE_CONFLICT',
    conflictCarriesStatus: true,
    link: (id) => `/workspace/notices/${id}`,
    present: async (db, rows) => {
      const sections = await sectionsOf(db, rows.map((r) => r.id));
      return rows.map((r) => toView(r, sections.get(r.id) ?? []));
    },
    messages: {
      submitted: { topic: 'noticeReview', title: '待审核：招标代理机构提交的公告' },
      reviewRejected: { topic: 'noticeReview', title: '招标人退回了公告' },
      verificationRejected: { topic: 'notice', title: '公告未通过平台核验', body: (title, reason) => `《${title}》未通过核验：${reason}` },
    },
  });
  const { view, editable } = flow;

  /** The text the editor starts from; the platform's address is in it (B-002). */
  function standard(type: NoticeType, sections: SectionSnapshot[]) {
    return { title: standardTitle(type, sections), bodyHtml: standardBody(type, sections, platform) };
  }

  const checkedHtml = (html: string, removed?: string[]) => checkedNoticeHtml(deps, html, 'notice', removed);

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
      const removed: string[] = [];
      const bodyHtml = checkedHtml(input.bodyHtml ?? text.bodyHtml, removed);
      const now = deps.clock.now();
      const id = randomUUID();
      await tables(trx)
        .insertInto('tendering.notice')
        .values({
          id,
          type: input.type,
          status: 'draft',
          ...newDraftColumns(sections, caller, { title: input.title ?? text.title, bodyHtml }, now),
          published_at: null,
          publication_id: null,
          content_sm3: null,
          log_index: null,
        })
        .execute();
      await tables(trx)
        .insertInto('tendering.notice_section')
        .values(sections.map((s) => ({ notice_id: id, section_id: s.id, round: s.round, code: s.code, name: s.name })))
        .execute();
      await flow.step(trx, id, 'created', caller, now);
      await flow.audit(trx, caller, 'created', { id, region_code: first.regionCode }, { type: input.type, sectionIds: input.sectionIds });
      return withRemoved(await view(trx, id), removed);
    });
  }

  async function update(caller: Caller, id: string, input: NoticeUpdateRequest): Promise<NoticeView> {
    return deps.db.transaction().execute(async (trx) => {
      const n = await editable(trx, caller, id);
      const removed: string[] = [];
      const bodyHtml = input.bodyHtml === undefined ? undefined : checkedHtml(input.bodyHtml, removed);
      await tables(trx)
        .updateTable('tendering.notice')
        .set({ ...(input.title ? { title: input.title } : {}), ...(bodyHtml ? { body_html: bodyHtml } : {}), updated_at: deps.clock.now() })
        .where('id', '=', id)
        .execute();
      await flow.audit(trx, caller, 'edited', n, { title: input.title !== undefined, body: input.bodyHtml !== undefined });
      return withRemoved(await view(trx, id), removed);
    });
  }

  /** Fills the standard text again, e.g. after the timetable changed. */
  async function regenerate(caller: Caller, id: string): Promise<NoticeView> {
    return flow.regenerate(caller, id, async (trx, n) => {
      const covered = (await sectionsOf(trx, [id])).get(id) ?? [];
      return standard(n.type, await loadManagedSections(deps, trx, covered.map((c) => c.section_id), caller));
    });
  }

  /** the submitter and time are recorded; the timetable the notice states must be set and lawful. */
  async function submit(caller: Caller, id: string): Promise<NoticeView> {
    return flow.submit(caller, id, async (trx, n) => {
      const covered = (await sectionsOf(trx, [id])).get(id) ?? [];
      const sections = await loadManagedSections(deps, trx, covered.map((c) => c.section_id), caller);
      await currentSections(deps, trx, covered);
      assertTimetableReady(n.type, sections, deps.calendar(), deps.clock.now(), deps.timetableRules);
      checkedHtml(n.body_html);
    });
  }

  /**
   * staff of the section's region verify; on approval the notice is published at once, in
   * this transaction, to the portal and the public service platform (and for a mandatory project the
   * national designated media, B-001, B-037) with one canonical content, the
   * sections move to tendering and the parties are told. Any failure leaves nothing published.
   */
  async function verify(caller: Caller, id: string, decision: ReviewDecision): Promise<NoticeView> {
    return flow.verify(caller, id, decision, async (trx, n, now) => {
      const covered = (await sectionsOf(trx, [id])).get(id) ?? [];
      const sections = await currentSections(deps, trx, covered);
      assertTimetableReady(n.type, sections, deps.calendar(), now, deps.timetableRules);
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
        mandatory: sections.some((s) => s.mandatory),
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
      await flow.step(trx, id, 'verified', caller, now, decision.reason);
      await flow.step(trx, id, 'published', caller, now);
      await flow.audit(trx, caller, 'published', n, { publicationId: published.publicationId, contentSm3: published.contentSm3, logIndex: published.logIndex });
      await flow.notifyParties(trx, n, { topic: 'notice', title: '公告已发布', body: `《${n.title}》已通过平台核验并发布。` });
    });
  }

  async function detail(caller: Caller, id: string): Promise<NoticeDetail> {
    return flow.detail(caller, id);
  }

  /** A list of notices, narrowed to one type if asked. */
  const ofType = (type: NoticeType | undefined) => (q: SubjectQuery<'tendering.notice'>) => (type ? q.where('type', '=', type) : q);

  async function listMine(caller: Caller, query: z.output<typeof myNoticeListQuery>) {
    return flow.listMine(caller, query, ofType(query.type));
  }

  /** the caller's region and below, waiting for verification. */
  async function queue(caller: Caller, query: z.output<typeof verificationQueueQuery>) {
    return flow.queue(caller, query, ofType(query.type));
  }

  /** A preview of the standard text for sections the caller manages, before a draft exists. */
  async function standardText(caller: Caller, type: NoticeType, sectionIds: string[]) {
    const sections = await loadManagedSections(deps, deps.db, sectionIds, caller);
    return standard(type, sections);
  }

  return { create, update, regenerate, remove: flow.remove, submit, review: flow.review, verify, detail, listMine, queue, standardText, platform };
}

export type NoticeService = ReturnType<typeof createNoticeService>;