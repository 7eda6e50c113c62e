import type { ReviewDecision } from '@bidhall/contracts';
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { checkedNoticeHtml } from './notice-html.ts';
import { assertMayRead, assertParty, assertVerifier, type Caller, firstStepAfterSubmit, historyOf, recordStep } from './review-flow.ts';
import { type TenderingDeps, type TenderingMessage, tables } from './tendering.deps.ts';
import type { ReviewAction, ReviewedDraftColumns, TenderingTables } from './tendering.tables.ts';

type SubjectTable = 'tendering.notice' | 'tendering.invitation';
type SubjectRow = TenderingTables[SubjectTable];
/**
 * How the shared queries below see a subject's table: its name is typed as 'subject' and its row as
 * the columns both tables share, so one query serves both; the SQL names the real table.
 */
type SharedDb = { subject: ReviewedDraftColumns & { status: SubjectRow['status'] } };
type SharedQuery = SelectQueryBuilder<SharedDb, 'subject', object>;
/** A filtered list of one subject's rows, before its columns are chosen. */
export type SubjectQuery<T extends SubjectTable> = SelectQueryBuilder<TenderingTables, T, object>;

type Message = Pick<TenderingMessage, 'topic' | 'title'>;

/** What differs between a notice and an invitation on the shared review path. */
export interface ReviewedSubject<T extends SubjectTable, View> {
  /** The review_event subject, the audit target and the `tendering.<kind>.<event>` audit actions. */
  kind: 'notice' | 'invitation';
  table: T;
  notFound: 'NOTICE_NOT_FOUND' | 'INVITATION_NOT_FOUND';
  conflict: 'NOTICE_STATE_CONFLICT' | 'INVITATION_STATE_CONFLICT';
  /** Whether review and verification conflicts carry `{ status }` (notices always did, invitations never). */
  conflictCarriesStatus: boolean;
  /** Where the parties' workspace shows it. */
  link(id: string): string;
  /** The rows as the API shows them, in order. */
  present(db: Db, rows: TenderingTables[T][]): Promise<View[]>;
  /** Refuses to delete a draft that must stay (an invitation whose invitees were drawn). */
  beforeRemove?(trx: Db, row: TenderingTables[T]): Promise<void>;
  messages: {
    /** To the tenderer when its agency submits (A-52). */
    submitted: Message;
    /** To the agency when the tenderer sends its draft back; absent: nobody is told. */
    reviewRejected?: Message;
    /** To both parties when staff send it back. */
    verificationRejected: Message & { body(title: string, reason: string | undefined): string };
  };
}

/**
 * The submit → tenderer review → staff verification state machine notices and invitations share
 * (A-52, A-53), bound to one subject's table. What happens on approval (publishing a notice, sending
 * an invitation) stays with the subject.
 */
export function reviewedDraft<T extends SubjectTable, View>(deps: TenderingDeps, s: ReviewedSubject<T, View>) {
  type Row = TenderingTables[T];
  const shared = (db: Db) => tables(db) as unknown as Kysely<SharedDb>;
  const table = s.table as unknown as 'subject';

  async function load(db: Db, id: string, lock = false): Promise<Row> {
    let q = shared(db).selectFrom(table).selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) throw new DomainError(s.notFound, `no such ${s.kind}`);
    return row as Row;
  }

  async function view(db: Db, id: string): Promise<View> {
    return (await s.present(db, [await load(db, id)]))[0]!;
  }

  function conflict(message: string, status: string): never {
    throw new DomainError(s.conflict, message, s.conflictCarriesStatus ? { status } : undefined);
  }

  const step = (trx: Db, id: string, action: ReviewAction, caller: Caller, at: Date, reason?: string) => recordStep(trx, s.kind, id, action, caller, at, reason);

  function audit(trx: Db, caller: Caller, event: string, row: { id: string; region_code: string }, details?: Record<string, unknown>) {
    return deps.audit.record(trx, caller.actor, {
      action: `tendering.${s.kind}.${event}`,
      targetType: s.kind,
      targetId: row.id,
      regionCode: row.region_code,
      ...(details === undefined ? {} : { details }),
    });
  }

  /** Tells the tenderer and its agency (if any). */
  async function notifyParties(trx: Db, row: Row, message: Pick<TenderingMessage, 'topic' | 'title' | 'body'>) {
    for (const entity of new Set([row.tenderer_entity_id, row.agency_entity_id].filter((e): e is string => e !== null))) {
      await deps.notify(trx, { recipientKind: 'entity', recipientId: entity, ...message, link: s.link(row.id) });
    }
  }

  async function editable(trx: Db, caller: Caller, id: string): Promise<Row> {
    const n = await load(trx, id, true);
    assertParty(n, caller, s.notFound);
    if (n.status !== 'draft') {
      throw new DomainError(s.conflict, `the ${s.kind} is ${n.status}; only a draft is edited (A-52)`, { status: n.status });
    }
    return n;
  }

  async function remove(caller: Caller, id: string): Promise<void> {
    await deps.db.transaction().execute(async (trx) => {
      const n = await editable(trx, caller, id);
      await s.beforeRemove?.(trx, n);
      await tables(trx).deleteFrom('tendering.review_event').where('subject_kind', '=', s.kind).where('subject_id', '=', id).execute();
      await shared(trx).deleteFrom(table).where('id', '=', id).execute();
      await audit(trx, caller, 'deleted', n);
    });
  }

  /** Fills the draft with the standard text again (`text`), e.g. after the timetable changed. */
  async function regenerate(caller: Caller, id: string, text: (trx: Db, n: Row) => Promise<{ title: string; bodyHtml: string }>): Promise<View> {
    return deps.db.transaction().execute(async (trx) => {
      const n = await editable(trx, caller, id);
      const { title, bodyHtml } = await text(trx, n);
      await shared(trx)
        .updateTable(table)
        .set({ title, body_html: checkedNoticeHtml(deps, bodyHtml, s.kind), updated_at: deps.clock.now() })
        .where('id', '=', id)
        .execute();
      await audit(trx, caller, 'regenerated', n);
      return view(trx, id);
    });
  }

  /** A-51, A-52: `check` refuses what is not ready; the submitter and time are recorded. */
  async function submit(caller: Caller, id: string, check: (trx: Db, n: Row) => Promise<void>): Promise<View> {
    return deps.db.transaction().execute(async (trx) => {
      const n = await editable(trx, caller, id);
      await check(trx, n);
      const now = deps.clock.now();
      const next = firstStepAfterSubmit(n.drafted_by);
      await shared(trx).updateTable(table).set({ status: next, submitted_by: caller.userId, submitted_at: now, updated_at: now }).where('id', '=', id).execute();
      await step(trx, id, 'submitted', caller, now);
      await audit(trx, caller, 'submitted', n, { next });
      if (next === 'pendingReview') {
        await deps.notify(trx, {
          recipientKind: 'entity',
          recipientId: n.tenderer_entity_id,
          ...s.messages.submitted,
          body: `《${n.title}》已由招标代理机构提交，请审核。`,
          link: s.link(id),
        });
      }
      return view(trx, id);
    });
  }

  /** A-52: the tenderer reviews what its agency drafted. */
  async function review(caller: Caller, id: string, decision: ReviewDecision): Promise<View> {
    return deps.db.transaction().execute(async (trx) => {
      const n = await load(trx, id, true);
      assertParty(n, caller, s.notFound);
      if (caller.entityId !== n.tenderer_entity_id) throw new DomainError('REVIEW_NOT_YOURS', 'the tenderer reviews what its agency drafted');
      if (n.status !== 'pendingReview') conflict(`the ${s.kind} is ${n.status}, not waiting for the tenderer's review`, n.status);
      const now = deps.clock.now();
      const approve = decision.decision === 'approve';
      await shared(trx)
        .updateTable(table)
        .set(
          approve
            ? { status: 'pendingVerification', reviewed_by: caller.userId, reviewed_at: now, updated_at: now }
            : { status: 'draft', submitted_by: null, submitted_at: null, updated_at: now },
        )
        .where('id', '=', id)
        .execute();
      await step(trx, id, approve ? 'reviewApproved' : 'reviewRejected', caller, now, decision.reason);
      await audit(trx, caller, approve ? 'reviewApproved' : 'reviewRejected', n, { reason: decision.reason ?? null });
      const told = s.messages.reviewRejected;
      if (!approve && told && n.agency_entity_id) {
        await deps.notify(trx, { recipientKind: 'entity', recipientId: n.agency_entity_id, ...told, body: `《${n.title}》被退回：${decision.reason}`, link: s.link(id) });
      }
      return view(trx, id);
    });
  }

  /**
   * A-53: staff of the region verify. A rejection goes back to draft here; an approval is the
   * subject's `approve` (publish or send), in the same transaction.
   */
  async function verify(caller: Caller, id: string, decision: ReviewDecision, approve: (trx: Db, n: Row, now: Date) => Promise<void>): Promise<View> {
    return deps.db.transaction().execute(async (trx) => {
      const n = await load(trx, id, true);
      await assertVerifier(deps, n.region_code, caller);
      if (n.status !== 'pendingVerification') conflict(`the ${s.kind} is ${n.status}, not waiting for verification`, n.status);
      const now = deps.clock.now();
      if (decision.decision === 'reject') {
        await shared(trx)
          .updateTable(table)
          .set({ status: 'draft', submitted_by: null, submitted_at: null, reviewed_by: null, reviewed_at: null, updated_at: now })
          .where('id', '=', id)
          .execute();
        await step(trx, id, 'verificationRejected', caller, now, decision.reason);
        await audit(trx, caller, 'verificationRejected', n, { reason: decision.reason ?? null });
        const { body, ...told } = s.messages.verificationRejected;
        await notifyParties(trx, n, { ...told, body: body(n.title, decision.reason) });
      } else {
        // Publishing or sending fixes the deadlines against this clock (F-07).
        deps.timeGuard.assertTrusted(`publishing the ${s.kind}`);
        await approve(trx, n, now);
      }
      return view(trx, id);
    });
  }

  async function detail(caller: Caller, id: string): Promise<View & { history: Awaited<ReturnType<typeof historyOf>> }> {
    const n = await load(deps.db, id);
    await assertMayRead(deps, n, caller, s.notFound);
    return { ...(await view(deps.db, id)), history: await historyOf(deps.db, s.kind, id) };
  }

  const from = (db: Db) => tables(db).selectFrom(s.table) as SubjectQuery<T>;
  const sharedQuery = (q: SubjectQuery<T>) => q as unknown as SharedQuery;
  const ownQuery = (q: SharedQuery) => q as unknown as SubjectQuery<T>;
  type Narrow = (q: SubjectQuery<T>) => SubjectQuery<T>;

  /** The caller's entity's drafts, as tenderer or agency. */
  async function listMine(caller: Caller, query: { status?: Row['status']; limit: number; offset: number }, narrow: Narrow = (q) => q) {
    if (!caller.entityId) return { items: [], total: 0 };
    const entityId = caller.entityId;
    let q = sharedQuery(from(deps.db)).where((eb) => eb.or([eb('tenderer_entity_id', '=', entityId), eb('agency_entity_id', '=', entityId)]));
    if (query.status) q = q.where('status', '=', query.status);
    return page(narrow(ownQuery(q)), query, 'updated_at', 'desc');
  }

  /** A-53: the caller's region and below, waiting for verification. */
  async function queue(
    caller: Caller,
    query: { regionCode?: string; q?: string; sort: 'submittedAt' | 'title' | 'regionCode'; order: 'asc' | 'desc'; limit: number; offset: number },
    narrow: Narrow = (q) => q,
  ) {
    const scope = await deps.regions.codesWithin(caller.regionCode);
    let q = sharedQuery(narrow(from(deps.db))).where('status', '=', 'pendingVerification').where('region_code', 'in', scope);
    if (query.regionCode) q = q.where('region_code', '=', query.regionCode);
    if (query.q) q = q.where('title', 'ilike', `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const column = ({ submittedAt: 'submitted_at', title: 'title', regionCode: 'region_code' } as const)[query.sort];
    return page(ownQuery(q), query, column, query.order);
  }

  async function page(own: SubjectQuery<T>, query: { limit: number; offset: number }, column: 'updated_at' | 'submitted_at' | 'title' | 'region_code', order: 'asc' | 'desc') {
    const q = sharedQuery(own);
    const [rows, total] = await Promise.all([
      q.selectAll().orderBy(column, order).orderBy('id').limit(query.limit).offset(query.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: await s.present(deps.db, rows as Row[]), total: Number(total.n) };
  }

  return { load, view, audit, step, notifyParties, editable, remove, regenerate, submit, review, verify, detail, listMine, queue };
}
