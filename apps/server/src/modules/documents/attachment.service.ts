import { randomUUID } from 'node:crypto';
import { extname } from 'node:path';
import type { AttachmentKind, AttachmentView } from '@bidhall/contracts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { BlobSource } from '../../platform/storage/blob-store.ts';
import type { Caller } from './caller.ts';
import type { DocumentService } from './document.service.ts';
import { type DocumentsDeps, tables } from './documents.deps.ts';
import { assertManager, attachmentsOf, loadDocument } from './document-store.ts';

export const DEFAULT_MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

const MEDIA_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.ofd': 'application/ofd',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.xml': 'application/xml',
  '.zip': 'application/zip',
  '.dwg': 'image/vnd.dwg',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
};

/** Attachments of a document: files in the blob store, referenced by SM3 from the manifest. */
export function createAttachmentService(deps: DocumentsDeps, documents: DocumentService) {
  const maxBytes = deps.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;

  /** Stores the file, then records it; an upload under an existing name replaces that attachment. */
  async function upload(id: string, input: { name: string; kind: AttachmentKind; body: BlobSource }, caller: Caller): Promise<AttachmentView> {
    // Refuse before reading the body: a caller who may not edit leaves no file behind.
    const before = await loadDocument(deps.db, id);
    await assertManager(deps, deps.db, before.sectionId, caller);
    if (before.status === 'issued') throw new DomainError('DOCUMENT_NOT_EDITABLE', 'the document is issued; change it with a clarification or modification');
    const stored = await deps.blobs.put(input.body, { maxBytes });
    return deps.db.transaction().execute(async (trx) => {
      const { doc } = await documents.editable(trx, id, caller);
      const now = deps.clock.now();
      const mediaType = MEDIA_TYPES[extname(input.name).toLowerCase()] ?? 'application/octet-stream';
      await tables(trx).deleteFrom('documents.attachment').where('document_id', '=', doc.id).where('name', '=', input.name).execute();
      const attachmentId = randomUUID();
      await tables(trx)
        .insertInto('documents.attachment')
        .values({
          id: attachmentId,
          document_id: doc.id,
          name: input.name,
          kind: input.kind,
          media_type: mediaType,
          sm3: stored.sm3,
          size: stored.size,
          uploaded_by: caller.userId,
          uploaded_at: now,
        })
        .execute();
      await documents.update(trx, doc, {});
      await documents.audit(trx, caller, doc, 'attachmentUploaded', { name: input.name, kind: input.kind, sm3: stored.sm3, size: stored.size });
      return { id: attachmentId, name: input.name, kind: input.kind, mediaType, sm3: stored.sm3, size: stored.size, uploadedAt: now.toISOString() };
    });
  }

  async function remove(trx: Db, id: string, attachmentId: string, caller: Caller): Promise<void> {
    const { doc } = await documents.editable(trx, id, caller);
    const row = await tables(trx).selectFrom('documents.attachment').selectAll().where('id', '=', attachmentId).where('document_id', '=', doc.id).executeTakeFirst();
    if (!row) throw new DomainError('ATTACHMENT_NOT_FOUND', `the document has no attachment ${attachmentId}`);
    await tables(trx).deleteFrom('documents.attachment').where('id', '=', attachmentId).execute();
    await documents.update(trx, doc, {});
    await documents.audit(trx, caller, doc, 'attachmentDeleted', { name: row.name, sm3: row.sm3 });
  }

  async function find(db: Db, id: string, attachmentId: string): Promise<AttachmentView> {
    const found = (await attachmentsOf(db, id)).find((a) => a.id === attachmentId);
    if (!found) throw new DomainError('ATTACHMENT_NOT_FOUND', `the document has no attachment ${attachmentId}`);
    return found;
  }

  return { upload, remove, find, open: (sm3: string) => deps.blobs.open(sm3), maxBytes };
}

export type AttachmentService = ReturnType<typeof createAttachmentService>;
