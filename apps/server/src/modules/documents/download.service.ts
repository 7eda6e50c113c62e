import { randomUUID } from 'node:crypto';
import type { DownloadReceipt, DownloadView } from '@bidhall/contracts';
import { signJson } from '@bidhall/crypto';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import { type DocumentsDeps, tables } from './documents.deps.ts';
import { assertManager, canManage, json, loadDocument, loadSection, unavailableReason } from './document-store.ts';
import type { PackageService } from './package.service.ts';

/**
 * Free downloads (task 14, task 24, A-68, A-85, A-86): any active bidder, no step but login. Each
 * download is recorded with an audit event (so it is in the public log) in one transaction and
 * answered with a receipt signed with the platform key and stamped by the time authority.
 */
export function createDownloadService(deps: DocumentsDeps, packages: PackageService) {
  async function receiptFor(
    trx: Db,
    caller: Caller,
    target: { documentId: string; clarificationId: string | null; sectionId: string; round: number; version: number; contentSm3: string; regionCode: string },
  ): Promise<DownloadReceipt> {
    if (!caller.entity) throw new DomainError('FORBIDDEN', 'downloads are made for an entity');
    const downloadId = randomUUID();
    const now = deps.clock.now();
    const subject = target.clarificationId ? 'clarification' : 'document';
    const { logIndex } = await deps.audit.record(trx, caller.actor, {
      action: target.clarificationId ? 'documents.clarification.downloaded' : 'documents.document.downloaded',
      targetType: target.clarificationId ? 'clarification' : 'tenderDocument',
      targetId: target.clarificationId ?? target.documentId,
      regionCode: target.regionCode,
      details: { downloadId, entityId: caller.entity.id, version: target.version, contentSm3: target.contentSm3 },
    });
    const body: Omit<DownloadReceipt, 'signature'> = {
      type: 'bidhall.downloadReceipt/1',
      downloadId,
      subject,
      documentId: target.documentId,
      clarificationId: target.clarificationId,
      sectionId: target.sectionId,
      round: target.round,
      version: target.version,
      contentSm3: target.contentSm3,
      entity: { id: caller.entity.id, name: caller.entity.name },
      userId: caller.userId,
      downloadedAt: now.toISOString(),
      logIndex,
      timestamp: deps.timeAuthority.stamp('SM3', target.contentSm3),
    };
    const receipt: DownloadReceipt = { ...body, signature: signJson(body, deps.signingKey.key) };
    await tables(trx)
      .insertInto('documents.download')
      .values({
        id: downloadId,
        document_id: target.documentId,
        clarification_id: target.clarificationId,
        section_id: target.sectionId,
        round: target.round,
        version: target.version,
        content_sm3: target.contentSm3,
        entity_id: caller.entity.id,
        entity_name: caller.entity.name,
        user_id: caller.userId,
        downloaded_at: now,
        log_index: logIndex,
        receipt: JSON.stringify(receipt),
      })
      .execute();
    return receipt;
  }

  /** Obtaining the current version of an issued document, inside its issue period (B-009). */
  async function downloadDocument(trx: Db, documentId: string, caller: Caller): Promise<DownloadReceipt> {
    const doc = await loadDocument(trx, documentId);
    const section = await loadSection(deps, trx, doc.sectionId);
    const reason = unavailableReason(doc, section, deps.clock.now());
    if (reason) throw new DomainError('DOCUMENT_NOT_AVAILABLE', `the document cannot be obtained now: ${reason}`, { documentId });
    if (doc.kind === 'tender' && section.method === 'prequalification') await assertPrequalified(trx, doc.sectionId, documentId, caller);
    const { contentSm3, version } = await packages.manifestOf(trx, doc);
    return receiptFor(trx, caller, { documentId, clarificationId: null, sectionId: doc.sectionId, round: doc.round, version, contentSm3, regionCode: doc.regionCode });
  }

  /** 实施条例 第十九条: after a prequalification, only the applicants who passed obtain the tender document and may bid. */
  async function assertPrequalified(trx: Db, sectionId: string, documentId: string, caller: Caller): Promise<void> {
    const result = await deps.prequalification(trx, sectionId);
    if (!result) throw new DomainError('DOCUMENT_NOT_AVAILABLE', 'the prequalification review has not concluded: the tender document goes to the applicants who pass it', { documentId, reason: 'prequalification' });
    if (result.tooFew) throw new DomainError('DOCUMENT_NOT_AVAILABLE', 'fewer than three applicants passed the prequalification: it is to be held again', { documentId, reason: 'tooFewQualified' });
    if (!caller.entity || !result.entityIds.includes(caller.entity.id)) throw new DomainError('NOT_PREQUALIFIED', 'your entity did not pass the prequalification of this section: it cannot obtain the tender document or bid');
  }

  async function downloadClarification(trx: Db, clarificationId: string, caller: Caller): Promise<DownloadReceipt> {
    const c = await tables(trx).selectFrom('documents.clarification').selectAll().where('id', '=', clarificationId).executeTakeFirst();
    if (!c || c.status !== 'issued' || !c.content_sm3 || c.number === null) throw new DomainError('CLARIFICATION_NOT_FOUND', `no issued clarification ${clarificationId}`);
    const doc = await loadDocument(trx, c.document_id);
    return receiptFor(trx, caller, {
      documentId: doc.id,
      clarificationId: c.id,
      sectionId: doc.sectionId,
      round: doc.round,
      version: c.document_version ?? doc.version,
      contentSm3: c.content_sm3,
      regionCode: doc.regionCode,
    });
  }

  /** Whether the caller's entity obtained this document (any version): the key to its content and to questions. */
  async function hasDownloaded(db: Db, documentId: string, entityId: string): Promise<boolean> {
    const row = await tables(db)
      .selectFrom('documents.download')
      .select('id')
      .where('document_id', '=', documentId)
      .where('entity_id', '=', entityId)
      .where('clarification_id', 'is', null)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The package bytes for a manager, or for a bidder whose entity recorded a download. */
  async function assertMayRead(db: Db, documentId: string, caller: Caller): Promise<void> {
    const doc = await loadDocument(db, documentId);
    if (await canManage(deps, db, doc.sectionId, caller)) return;
    if (doc.status !== 'issued') throw new DomainError('DOCUMENT_NOT_FOUND', `no tender document ${documentId}`);
    if (!caller.entity || !(await hasDownloaded(db, documentId, caller.entity.id))) {
      throw new DomainError('DOWNLOAD_REQUIRED', 'record the download first (POST …/downloads); it is free and gives you a receipt');
    }
  }

  async function sectionNames(db: Db, ids: string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const id of new Set(ids)) names.set(id, (await deps.sections.get(db, id))?.name ?? '');
    return names;
  }

  async function views(db: Db, rows: Awaited<ReturnType<typeof rowsOf>>): Promise<DownloadView[]> {
    const names = await sectionNames(db, rows.map((r) => r.section_id));
    return rows.map((r) => ({
      id: r.id,
      subject: r.clarification_id ? 'clarification' : 'document',
      documentId: r.document_id,
      clarificationId: r.clarification_id,
      sectionId: r.section_id,
      sectionName: names.get(r.section_id) ?? '',
      version: r.version,
      contentSm3: r.content_sm3,
      entityId: r.entity_id,
      entityName: r.entity_name,
      userId: r.user_id,
      downloadedAt: r.downloaded_at.toISOString(),
      logIndex: Number(r.log_index),
      receipt: json<DownloadReceipt>(r.receipt),
    }));
  }

  function rowsOf(db: Db, where: { documentId?: string; entityId?: string }) {
    let q = tables(db).selectFrom('documents.download').selectAll().orderBy('downloaded_at', 'desc').limit(1000);
    if (where.documentId) q = q.where('document_id', '=', where.documentId);
    if (where.entityId) q = q.where('entity_id', '=', where.entityId);
    return q.execute();
  }

  /** the caller's entity's receipts. */
  async function mine(db: Db, caller: Caller): Promise<DownloadView[]> {
    if (!caller.entity) return [];
    return views(db, await rowsOf(db, { entityId: caller.entity.id }));
  }

  /** the tenderer (or its agency) sees every download of its document. */
  async function ofDocument(db: Db, documentId: string, caller: Caller): Promise<DownloadView[]> {
    const doc = await loadDocument(db, documentId);
    await assertManager(deps, db, doc.sectionId, caller);
    return views(db, await rowsOf(db, { documentId }));
  }

  return { downloadDocument, downloadClarification, hasDownloaded, assertMayRead, mine, ofDocument };
}

export type DownloadService = ReturnType<typeof createDownloadService>;
