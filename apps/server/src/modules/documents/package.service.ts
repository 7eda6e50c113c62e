import { TENDER_DOCUMENT_COMMITMENT, type PackageView } from '@bidhall/contracts';
import { toBase64 } from '@bidhall/crypto';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import { checkMethod, type DocumentService } from './document.service.ts';
import { type DocumentsDeps, type SectionSnapshot, tables } from './documents.deps.ts';
import { assertManager, attachmentsOf, type DocumentRecord, loadDocument, loadSection } from './document-store.ts';
import { attachmentEntries, commitmentSm3, commitmentText, type DocumentManifest, manifestBytes, manifestSm3 } from './manifest.ts';
import { chapterViews, inconsistencies } from './section-fields.ts';
import { currentBillRow, manifestEntry } from './boq/boq-store.ts';

/**
 * Packaging (A-67), the tenderer's e-signature with the commitment that replaces filing (A-66, task 18)
 * and issue. Each step re-checks that the document still agrees with its section (A-69).
 */
export function createPackageService(deps: DocumentsDeps, documents: DocumentService) {
  function assertConsistent(doc: DocumentRecord, section: SectionSnapshot) {
    const found = inconsistencies(doc.chapters, doc.values, section);
    if (found.length) {
      throw new DomainError(
        'DOCUMENT_INCONSISTENT',
        `the document differs from the section in ${found.map((x) => `${x.label} (${x.chapter}.${x.field})`).join(', ')}; pull the section data again`,
        { fields: found },
      );
    }
  }

  async function missingParts(trx: Db, doc: DocumentRecord): Promise<string[]> {
    const missing: string[] = [];
    if (!doc.method) missing.push(doc.kind === 'tender' ? 'evaluationMethod (评标办法)' : 'reviewMethod (资格审查办法)');
    if (!doc.parts.some((p) => p.required)) missing.push('bidParts (投标文件组成)');
    if (doc.kind === 'tender' && !doc.bidSummaryFields.some((x) => x.key === 'price' && x.type === 'money')) missing.push('bidSummary.price (开标一览表·投标报价)');
    // A-65: an imported bill (A-64) or, as before the import existed, an attachment of that kind.
    if (doc.requiresBillOfQuantities && !(await currentBillRow(trx, doc.id))) {
      const attachments = await attachmentsOf(trx, doc.id);
      if (!attachments.some((a) => a.kind === 'billOfQuantities')) missing.push('billOfQuantities (工程量清单)');
    }
    return missing;
  }

  function emptyRequiredFields(doc: DocumentRecord) {
    const out: { chapter: string; field: string; label: string }[] = [];
    for (const c of doc.chapters) {
      for (const f of c.fields) {
        const v = doc.values[c.key]?.[f.key];
        if (f.required && (v === null || v === undefined || v === '')) out.push({ chapter: c.key, field: f.key, label: f.label });
      }
    }
    return out;
  }

  async function packageDocument(trx: Db, id: string, caller: Caller): Promise<PackageView> {
    const { doc, section } = await documents.editable(trx, id, caller);
    assertConsistent(doc, section);
    const missing = await missingParts(trx, doc);
    if (missing.length) throw new DomainError('DOCUMENT_PART_MISSING', `the document lacks ${missing.join(', ')}`, { missing });
    const empty = emptyRequiredFields(doc);
    if (empty.length) {
      throw new DomainError('DOCUMENT_INCOMPLETE', `required fields are empty: ${empty.map((e) => `${e.label} (${e.chapter}.${e.field})`).join(', ')}`, { fields: empty });
    }
    const method = checkMethod(doc.kind, doc.method, section.kind);
    const now = deps.clock.now();
    const billOfQuantities = await manifestEntry(trx, doc.id);
    const manifest: DocumentManifest = {
      format: 'bidhall.tenderDocument/1',
      documentId: doc.id,
      kind: doc.kind,
      version: 1,
      section: {
        id: section.id,
        code: section.code,
        name: section.name,
        round: doc.round,
        projectName: section.projectName,
        approvalCode: section.approvalCode,
        regionCode: section.regionCode,
      },
      tenderer: { entityId: section.tendererEntityId, name: section.tendererName },
      template: { code: doc.templateCode },
      chapters: chapterViews(doc.chapters, doc.values),
      method,
      bidParts: doc.parts,
      bidSummaryFields: doc.bidSummaryFields,
      attachments: attachmentEntries(await attachmentsOf(trx, doc.id)),
      commitment: { version: TENDER_DOCUMENT_COMMITMENT.version, sm3: commitmentSm3() },
      ...(billOfQuantities ? { billOfQuantities } : {}),
      packagedAt: now.toISOString(),
    };
    const bytes = manifestBytes(manifest);
    const contentSm3 = manifestSm3(manifest);
    // Only an unissued document is packaged: no receipt refers to an earlier package.
    await tables(trx).deleteFrom('documents.document_version').where('document_id', '=', doc.id).execute();
    await tables(trx)
      .insertInto('documents.document_version')
      .values({ document_id: doc.id, version: 1, manifest: Buffer.from(bytes).toString('utf8'), content_sm3: contentSm3, clarification_id: null, created_at: now })
      .execute();
    await documents.update(trx, doc, {});
    await tables(trx).updateTable('documents.document').set({ status: 'packaged', version: 1, content_sm3: contentSm3 }).where('id', '=', doc.id).execute();
    await documents.audit(trx, caller, doc, 'packaged', { contentSm3, attachments: manifest.attachments.length });
    return {
      documentId: doc.id,
      version: 1,
      contentSm3,
      manifestBase64: toBase64(bytes),
      commitment: { version: TENDER_DOCUMENT_COMMITMENT.version, text: commitmentText(), sm3: commitmentSm3() },
    };
  }

  /** The manifest bytes of the current version (what was signed, or the latest clarified version). */
  async function manifestOf(db: Db, doc: DocumentRecord): Promise<{ bytes: Buffer; contentSm3: string; version: number }> {
    const row = await tables(db)
      .selectFrom('documents.document_version')
      .select(['manifest', 'content_sm3', 'version'])
      .where('document_id', '=', doc.id)
      .where('version', '=', doc.version)
      .executeTakeFirst();
    if (!row) throw new DomainError('DOCUMENT_STATE_CONFLICT', 'the document has not been packaged', { status: doc.status });
    return { bytes: Buffer.from(row.manifest, 'utf8'), contentSm3: row.content_sm3, version: row.version };
  }

  async function sign(trx: Db, id: string, signatureBase64: string, caller: Caller): Promise<void> {
    const doc = await loadDocument(trx, id, { lock: true });
    await assertManager(deps, trx, doc.sectionId, caller);
    if (!caller.entity || caller.entity.id !== doc.tendererEntityId || !caller.roles.has('tenderer')) {
      throw new DomainError('SIGNER_NOT_TENDERER', 'the tenderer signs its tender document (A-66); an agency prepares it');
    }
    if (doc.status !== 'packaged') throw new DomainError('DOCUMENT_STATE_CONFLICT', `a ${doc.status} document is not signed; package it first`, { status: doc.status });
    const section = await loadSection(deps, trx, doc.sectionId);
    assertConsistent(doc, section);
    const { bytes, contentSm3 } = await manifestOf(trx, doc);
    const signer = await deps.verifyEntitySignature(doc.tendererEntityId, bytes, signatureBase64, trx);
    const now = deps.clock.now();
    await tables(trx)
      .updateTable('documents.document')
      .set({
        status: 'signed',
        signature: signatureBase64.replace(/\s/g, ''),
        signed_at: now,
        signed_by: caller.userId,
        signer_subject: signer.subject,
        signer_fingerprint: signer.fingerprint,
        commitment_version: TENDER_DOCUMENT_COMMITMENT.version,
        commitment_sm3: commitmentSm3(),
        updated_at: now,
      })
      .where('id', '=', doc.id)
      .execute();
    // Task 18: the signed commitment is what the supervisor relies on instead of a filing.
    await documents.audit(trx, caller, doc, 'signed', {
      contentSm3,
      commitmentVersion: TENDER_DOCUMENT_COMMITMENT.version,
      commitmentSm3: commitmentSm3(),
      signerFingerprint: signer.fingerprint,
      signerSubject: signer.subject,
    });
  }

  async function issueOne(trx: Db, doc: DocumentRecord, actor: Actor, userId: string | null): Promise<void> {
    const section = await loadSection(deps, trx, doc.sectionId);
    if (!['registered', 'tendering'].includes(section.stage) || section.round !== doc.round) {
      throw new DomainError('SECTION_STAGE_CONFLICT', `section ${section.code} is ${section.stage} in round ${section.round}`, { stage: section.stage });
    }
    assertConsistent(doc, section);
    // B-025: what goes out is lawful for the section's procurement (a package made before the rule is held back).
    checkMethod(doc.kind, doc.method, section.kind);
    const now = deps.clock.now();
    await tables(trx).updateTable('documents.document').set({ status: 'issued', issued_at: now, issued_by: userId, updated_at: now }).where('id', '=', doc.id).execute();
    await deps.audit.record(trx, actor, {
      action: 'documents.document.issued',
      targetType: 'tenderDocument',
      targetId: doc.id,
      regionCode: doc.regionCode,
      details: { sectionId: doc.sectionId, round: doc.round, contentSm3: doc.contentSm3 },
    });
    if (deps.outbox) {
      // A-70, A-76: the signed package itself, so the public service platform holds what bidders download.
      const { bytes, contentSm3, version } = await manifestOf(trx, doc);
      await deps.outbox.enqueue(trx, {
        kind: doc.kind === 'prequalification' ? 'prequalificationDocument' : 'tenderDocument',
        subjectType: 'tenderDocument',
        subjectId: doc.id,
        regionCode: doc.regionCode,
        content: { documentId: doc.id, sectionId: doc.sectionId, round: doc.round, version, contentSm3, issuedAt: now.toISOString(), manifest: JSON.parse(bytes.toString('utf8')) as unknown },
      });
    }
  }

  /** Explicit issue of a signed document for its section. */
  async function issue(trx: Db, id: string, caller: Caller): Promise<void> {
    const doc = await loadDocument(trx, id, { lock: true });
    await assertManager(deps, trx, doc.sectionId, caller);
    if (doc.status !== 'signed') throw new DomainError('DOCUMENT_STATE_CONFLICT', `a ${doc.status} document is not issued; it must be signed first`, { status: doc.status });
    await issueOne(trx, doc, caller.actor, caller.userId);
  }

  /**
   * For the tendering module, when a notice of the section is published: every signed document of the
   * section's current round is issued. Returns the ids issued.
   */
  async function issueForSection(trx: Db, sectionId: string, actor: Actor): Promise<string[]> {
    const section = await loadSection(deps, trx, sectionId);
    const rows = await tables(trx)
      .selectFrom('documents.document')
      .select('id')
      .where('section_id', '=', sectionId)
      .where('round', '=', section.round)
      .where('status', '=', 'signed')
      .execute();
    for (const { id } of rows) await issueOne(trx, await loadDocument(trx, id, { lock: true }), actor, actor.id ?? null);
    return rows.map((r) => r.id);
  }

  return { packageDocument, manifestOf, sign, issue, issueForSection };
}

export type PackageService = ReturnType<typeof createPackageService>;
