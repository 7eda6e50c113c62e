import { sm3, toHex } from '@bidhall/crypto';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { createBiddingPort } from './bidding-port.ts';
import { type DocumentsDeps, tables } from './documents.deps.ts';
import { loadDocument } from './document-store.ts';
import type { DocumentManifest } from './manifest.ts';
import type { PackageService } from './package.service.ts';

/** The exact bytes of a section's effective document: the current version's manifest and each clarification it lists. */
export interface EffectiveDocument {
  documentId: string;
  kind: 'tender' | 'prequalification';
  version: number;
  versionSm3: string;
  manifest: Buffer;
  clarifications: { number: number; contentSm3: string; content: Buffer }[];
}

/**
 * A-136, B-015: what a committee evaluates against is the tender (or prequalification) document together
 * with every clarification and modification issued — the document's current version, whose manifest
 * lists each clarification by SM3. Answered as stored bytes, so that whoever reads them can check the
 * hashes; a stored clarification that does not hash to what the version lists is a broken store.
 */
export function createEffectiveDocuments(
  deps: Pick<DocumentsDeps, 'db'>,
  bidding: ReturnType<typeof createBiddingPort>,
  packages: Pick<PackageService, 'manifestOf'>,
) {
  return async function effectiveOf(
    trx: Db,
    sectionId: string,
    kind: 'tender' | 'prequalification',
  ): Promise<EffectiveDocument | null> {
    const issued = await bidding.issuedFor(trx, sectionId, kind);
    if (!issued) return null;
    const doc = await loadDocument(trx, issued.id);
    const { bytes, contentSm3, version } = await packages.manifestOf(trx, doc);
    const listed = (JSON.parse(bytes.toString('utf8')) as DocumentManifest).clarifications ?? [];
    const rows = await tables(trx)
      .selectFrom('documents.clarification')
      .select(['number', 'content', 'content_sm3'])
      .where('document_id', '=', doc.id)
      .where('status', '=', 'issued')
      .where('document_version', '<=', version)
      .orderBy('number')
      .execute();
    const clarifications = rows.map((r) => ({
      number: r.number ?? 0,
      contentSm3: r.content_sm3 ?? '',
      content: Buffer.from(r.content ?? '', 'utf8'),
    }));
    const intact =
      clarifications.length === listed.length &&
      clarifications.every(
        (c, i) =>
          c.number === listed[i]!.number && c.contentSm3 === listed[i]!.contentSm3 && toHex(sm3(c.content)) === c.contentSm3,
      );
    if (!intact)
      throw new DomainError(
        'DOCUMENT_STATE_CONFLICT',
        'the stored clarifications do not match the document version that lists them',
        { reason: 'clarifications', version },
      );
    return { documentId: doc.id, kind, version, versionSm3: contentSm3, manifest: bytes, clarifications };
  };
}

export type EffectiveDocuments = ReturnType<typeof createEffectiveDocuments>;
