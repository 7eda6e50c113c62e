import { randomUUID } from 'node:crypto';
import type { SiteVisitView } from '@bidhall/contracts';
import { formatShanghaiDateTime } from '@bidhall/rules';
import { systemActor } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import { type DocumentsDeps, tables } from './documents.deps.ts';
import { assertManager, canManage, downloaders, json, loadDocument, loadSection } from './document-store.ts';

export const SITE_VISIT_REMINDER_JOB = 'documents.site-visit-reminder';
/** Catches reminders whose own job ran before the platform's clock reached the reminder time. */
export const SITE_VISIT_SWEEP_JOB = 'documents.site-visit-reminder-sweep';

interface VisitInput {
  visitAt?: string;
  meetingPlace?: string;
  contact?: string;
  notes?: string;
  remindMinutesBefore?: number;
}

/**
 * Site visits (踏勘现场, A-77…A-79): a notice sent to everyone who obtained the documents, a reminder
 * at the set time before the visit (a job enqueued in the sending transaction, A-78), and records.
 */
export function createSiteVisitService(deps: DocumentsDeps) {
  async function managedVisit(trx: Db, id: string, caller: Caller, lock = false) {
    let q = tables(trx).selectFrom('documents.site_visit').selectAll().where('id', '=', id).where('status', '<>', 'deleted');
    if (lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) throw new DomainError('SITE_VISIT_NOT_FOUND', `no site visit ${id}`);
    const doc = await loadDocument(trx, row.document_id);
    await assertManager(deps, trx, doc.sectionId, caller);
    return { row, doc };
  }

  function assertFuture(visitAt: string) {
    if (Date.parse(visitAt) <= deps.clock.now().getTime()) throw new DomainError('SITE_VISIT_NOT_EDITABLE', 'the visit time has passed', { visitAt });
  }

  async function create(trx: Db, documentId: string, body: Required<Omit<VisitInput, 'notes'>> & { notes?: string }, caller: Caller): Promise<string> {
    const doc = await loadDocument(trx, documentId);
    await assertManager(deps, trx, doc.sectionId, caller);
    assertFuture(body.visitAt);
    const id = randomUUID();
    await tables(trx)
      .insertInto('documents.site_visit')
      .values({
        id,
        document_id: doc.id,
        section_id: doc.sectionId,
        visit_at: new Date(body.visitAt),
        meeting_place: body.meetingPlace,
        contact: body.contact,
        notes: body.notes ?? null,
        remind_minutes_before: body.remindMinutesBefore,
        status: 'draft',
        created_by: caller.userId,
        created_at: deps.clock.now(),
      })
      .execute();
    await deps.audit.record(trx, caller.actor, { action: 'documents.siteVisit.created', targetType: 'siteVisit', targetId: id, regionCode: doc.regionCode, details: { documentId } });
    return id;
  }

  async function update(trx: Db, id: string, body: VisitInput, caller: Caller): Promise<void> {
    const { row, doc } = await managedVisit(trx, id, caller, true);
    if (row.status !== 'draft') throw new DomainError('SITE_VISIT_NOT_EDITABLE', 'a sent site-visit notice is not changed; send a clarification');
    if (body.visitAt) assertFuture(body.visitAt);
    await tables(trx)
      .updateTable('documents.site_visit')
      .set({
        ...(body.visitAt ? { visit_at: new Date(body.visitAt) } : {}),
        ...(body.meetingPlace ? { meeting_place: body.meetingPlace } : {}),
        ...(body.contact ? { contact: body.contact } : {}),
        ...(body.notes !== undefined ? { notes: body.notes } : {}),
        ...(body.remindMinutesBefore ? { remind_minutes_before: body.remindMinutesBefore } : {}),
      })
      .where('id', '=', id)
      .execute();
    await deps.audit.record(trx, caller.actor, { action: 'documents.siteVisit.changed', targetType: 'siteVisit', targetId: id, regionCode: doc.regionCode, details: {} });
  }

  async function remove(trx: Db, id: string, caller: Caller): Promise<void> {
    const { row, doc } = await managedVisit(trx, id, caller, true);
    if (row.status !== 'draft') throw new DomainError('SITE_VISIT_NOT_EDITABLE', 'a sent site-visit notice stays on record');
    await tables(trx).updateTable('documents.site_visit').set({ status: 'deleted' }).where('id', '=', id).execute();
    await deps.audit.record(trx, caller.actor, { action: 'documents.siteVisit.deleted', targetType: 'siteVisit', targetId: id, regionCode: doc.regionCode, details: {} });
  }

  const remindAt = (row: { visit_at: Date; remind_minutes_before: number }) => new Date(row.visit_at.getTime() - row.remind_minutes_before * 60_000);

  /** A-77, A-78: notify everyone who obtained the documents; the reminder is enqueued in this transaction. */
  async function send(trx: Db, id: string, caller: Caller): Promise<void> {
    const { row, doc } = await managedVisit(trx, id, caller, true);
    if (row.status !== 'draft') throw new DomainError('SITE_VISIT_NOT_EDITABLE', 'this site-visit notice was already sent');
    assertFuture(row.visit_at.toISOString());
    const section = await loadSection(deps, trx, doc.sectionId);
    const now = deps.clock.now();
    await tables(trx).updateTable('documents.site_visit').set({ status: 'sent', sent_at: now }).where('id', '=', id).execute();
    for (const d of await downloaders(trx, doc.id)) {
      await deps.notify(trx, {
        recipientKind: 'entity',
        recipientId: d.entityId,
        topic: 'siteVisit',
        title: `${section.name}：踏勘现场通知`,
        body: `时间 ${formatShanghaiDateTime(row.visit_at)}，集合地点 ${row.meeting_place}，联系人 ${row.contact}${row.notes ? `。${row.notes}` : ''}`,
        link: `/workspace/tender-documents/${doc.id}/site-visits`,
        dedupeKey: `documents.siteVisit:${id}:${d.entityId}`,
      });
    }
    await deps.jobs.send(trx, SITE_VISIT_REMINDER_JOB, { siteVisitId: id }, { startAfter: remindAt(row), singletonKey: `siteVisit:${id}` });
    await deps.audit.record(trx, caller.actor, {
      action: 'documents.siteVisit.sent',
      targetType: 'siteVisit',
      targetId: id,
      regionCode: doc.regionCode,
      details: { documentId: doc.id, visitAt: row.visit_at.toISOString(), remindAt: remindAt(row).toISOString() },
    });
  }

  /**
   * The reminder (A-78): to every entity that obtained the documents by now, once, when the platform's
   * clock has reached the reminder time. Returns whether it went out.
   */
  async function remind(siteVisitId: string): Promise<boolean> {
    return deps.db.transaction().execute(async (trx) => {
      const row = await tables(trx).selectFrom('documents.site_visit').selectAll().where('id', '=', siteVisitId).forUpdate().executeTakeFirst();
      if (!row || row.status !== 'sent' || row.reminded_at) return false;
      const now = deps.clock.now();
      if (now.getTime() < remindAt(row).getTime() || now.getTime() > row.visit_at.getTime()) return false;
      const doc = await loadDocument(trx, row.document_id);
      const section = await loadSection(deps, trx, doc.sectionId);
      const recipients = await downloaders(trx, doc.id);
      for (const d of recipients) {
        await deps.notify(trx, {
          recipientKind: 'entity',
          recipientId: d.entityId,
          topic: 'siteVisitReminder',
          title: `提醒：${section.name} 踏勘现场将于 ${formatShanghaiDateTime(row.visit_at)} 开始`,
          body: `集合地点 ${row.meeting_place}，联系人 ${row.contact}`,
          link: `/workspace/tender-documents/${doc.id}/site-visits`,
          dedupeKey: `documents.siteVisitReminder:${row.id}:${d.entityId}`,
        });
      }
      await tables(trx).updateTable('documents.site_visit').set({ reminded_at: now }).where('id', '=', row.id).execute();
      await deps.audit.record(trx, systemActor, {
        action: 'documents.siteVisit.reminded',
        targetType: 'siteVisit',
        targetId: row.id,
        regionCode: doc.regionCode,
        details: { recipients: recipients.length },
      });
      return true;
    });
  }

  async function remindDue(): Promise<number> {
    const now = deps.clock.now();
    const rows = await tables(deps.db)
      .selectFrom('documents.site_visit')
      .select(['id', 'visit_at', 'remind_minutes_before'])
      .where('status', '=', 'sent')
      .where('reminded_at', 'is', null)
      .where('visit_at', '>', now)
      .execute();
    let sent = 0;
    for (const r of rows) if (now.getTime() >= remindAt(r).getTime() && (await remind(r.id))) sent++;
    return sent;
  }

  async function addRecord(trx: Db, siteVisitId: string, body: { summary: string; attendees: string[] }, caller: Caller): Promise<string> {
    const { doc } = await managedVisit(trx, siteVisitId, caller);
    const id = randomUUID();
    await tables(trx)
      .insertInto('documents.site_visit_record')
      .values({ id, site_visit_id: siteVisitId, summary: body.summary, attendees: JSON.stringify(body.attendees), status: 'draft', created_by: caller.userId, created_at: deps.clock.now() })
      .execute();
    await deps.audit.record(trx, caller.actor, { action: 'documents.siteVisitRecord.created', targetType: 'siteVisit', targetId: siteVisitId, regionCode: doc.regionCode, details: { recordId: id } });
    return id;
  }

  async function managedRecord(trx: Db, recordId: string, caller: Caller) {
    const rec = await tables(trx).selectFrom('documents.site_visit_record').selectAll().where('id', '=', recordId).forUpdate().executeTakeFirst();
    if (!rec) throw new DomainError('SITE_VISIT_RECORD_NOT_FOUND', `no site-visit record ${recordId}`);
    const { row, doc } = await managedVisit(trx, rec.site_visit_id, caller);
    if (rec.status !== 'draft') throw new DomainError('SITE_VISIT_NOT_EDITABLE', 'this record was already sent');
    return { rec, row, doc };
  }

  async function updateRecord(trx: Db, recordId: string, body: { summary: string; attendees: string[] }, caller: Caller): Promise<void> {
    const { rec, doc } = await managedRecord(trx, recordId, caller);
    await tables(trx).updateTable('documents.site_visit_record').set({ summary: body.summary, attendees: JSON.stringify(body.attendees) }).where('id', '=', rec.id).execute();
    await deps.audit.record(trx, caller.actor, { action: 'documents.siteVisitRecord.changed', targetType: 'siteVisit', targetId: rec.site_visit_id, regionCode: doc.regionCode, details: { recordId } });
  }

  /** A-79: the record goes to everyone who obtained the documents. */
  async function sendRecord(trx: Db, recordId: string, caller: Caller): Promise<void> {
    const { rec, row, doc } = await managedRecord(trx, recordId, caller);
    const section = await loadSection(deps, trx, doc.sectionId);
    await tables(trx).updateTable('documents.site_visit_record').set({ status: 'sent', sent_at: deps.clock.now() }).where('id', '=', rec.id).execute();
    for (const d of await downloaders(trx, doc.id)) {
      await deps.notify(trx, {
        recipientKind: 'entity',
        recipientId: d.entityId,
        topic: 'siteVisitRecord',
        title: `${section.name}：踏勘现场记录（${formatShanghaiDateTime(row.visit_at)}）`,
        body: rec.summary.slice(0, 500),
        link: `/workspace/tender-documents/${doc.id}/site-visits`,
        dedupeKey: `documents.siteVisitRecord:${rec.id}:${d.entityId}`,
      });
    }
    await deps.audit.record(trx, caller.actor, { action: 'documents.siteVisitRecord.sent', targetType: 'siteVisit', targetId: rec.site_visit_id, regionCode: doc.regionCode, details: { recordId } });
  }

  /** Managers see drafts; bidders who obtained the documents see what was sent. */
  async function list(db: Db, documentId: string, caller: Caller, obtained: boolean): Promise<SiteVisitView[]> {
    const doc = await loadDocument(db, documentId);
    const manager = await canManage(deps, db, doc.sectionId, caller);
    if (!manager && !obtained) throw new DomainError('DOWNLOAD_REQUIRED', 'site visits are for those who obtained the documents');
    const visits = await tables(db).selectFrom('documents.site_visit').selectAll().where('document_id', '=', documentId).where('status', '<>', 'deleted').orderBy('visit_at').execute();
    const out: SiteVisitView[] = [];
    for (const v of visits) {
      if (!manager && v.status !== 'sent') continue;
      const records = await tables(db).selectFrom('documents.site_visit_record').selectAll().where('site_visit_id', '=', v.id).orderBy('created_at').execute();
      out.push({
        id: v.id,
        documentId: v.document_id,
        sectionId: v.section_id,
        visitAt: v.visit_at.toISOString(),
        meetingPlace: v.meeting_place,
        contact: v.contact,
        notes: v.notes,
        remindMinutesBefore: v.remind_minutes_before,
        status: v.status as 'draft' | 'sent',
        sentAt: v.sent_at ? v.sent_at.toISOString() : null,
        remindedAt: v.reminded_at ? v.reminded_at.toISOString() : null,
        records: records
          .filter((r) => manager || r.status === 'sent')
          .map((r) => ({
            id: r.id,
            summary: r.summary,
            attendees: json<string[]>(r.attendees),
            status: r.status as 'draft' | 'sent',
            sentAt: r.sent_at ? r.sent_at.toISOString() : null,
            createdAt: r.created_at.toISOString(),
          })),
      });
    }
    return out;
  }

  async function documentOf(db: Db, siteVisitId: string): Promise<string> {
    const row = await tables(db).selectFrom('documents.site_visit').select('document_id').where('id', '=', siteVisitId).executeTakeFirst();
    if (!row) throw new DomainError('SITE_VISIT_NOT_FOUND', `no site visit ${siteVisitId}`);
    return row.document_id;
  }

  async function visitOfRecord(db: Db, recordId: string): Promise<string> {
    const rec = await tables(db).selectFrom('documents.site_visit_record').select('site_visit_id').where('id', '=', recordId).executeTakeFirst();
    if (!rec) throw new DomainError('SITE_VISIT_RECORD_NOT_FOUND', `no site-visit record ${recordId}`);
    return rec.site_visit_id;
  }

  return { create, update, remove, send, remind, remindDue, addRecord, updateRecord, sendRecord, list, documentOf, visitOfRecord };
}

export type SiteVisitService = ReturnType<typeof createSiteVisitService>;
